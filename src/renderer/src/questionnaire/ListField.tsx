import { ActionIcon, Button, Group, Input, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { Controller, get, useFieldArray, useFormState, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { verbatim } from './answers';
import { messageAt, ownMessage, type ListFieldSpec, type ResponsesForm } from './fields';
import { FieldGroup } from './FieldGroup';
import { labelMessage } from './labels';
import { RecordFields } from './RecordFields';

function ListItem({
  spec,
  control,
  index,
  autoFocus,
  onRemove,
}: {
  spec: ListFieldSpec;
  control: Control<ResponsesForm>;
  index: number;
  autoFocus: boolean;
  onRemove: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const titleId = useId();
  const testId = `q-${spec.name}-${index}`;
  const title = t(`questionnaire.items.${spec.name}`, { n: index + 1 });
  const removeLabel = t('questionnaire.removeItem', { item: title });
  return (
    <Paper
      withBorder
      p="sm"
      component="fieldset"
      aria-labelledby={titleId}
      data-testid={testId}
      style={{ margin: 0, minWidth: 0 }}
    >
      <Group justify="space-between" mb="xs">
        <Text id={titleId} fw={600} size="sm">
          {title}
        </Text>
        <Tooltip label={removeLabel}>
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={removeLabel}
            data-testid={`${testId}-remove`}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Controller
        name={`${spec.name}.${index}`}
        control={control}
        render={({ field, fieldState }) => {
          const itemError = messageAt(fieldState.error);
          return (
            <Stack gap="xs">
              {itemError && <Input.Error>{labelMessage(itemError, t)}</Input.Error>}
              <RecordFields
                field={spec.name}
                path={`${spec.name}.${index}`}
                testId={testId}
                fields={spec.item}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error}
                inputRef={field.ref}
                autoFocus={autoFocus}
              />
            </Stack>
          );
        }}
      />
    </Paper>
  );
}

/**
 * An answer that should be a list but is not (an import wrote "rodilla izquierda (2022)"): shown as
 * stored, with a way to remove it once the coach has copied it where it belongs. Without it, the
 * error on the list could only be cleared by adding an item and removing it again.
 */
function NotAList({
  value,
  onRemove,
  testId,
}: {
  value: unknown;
  onRemove: () => void;
  testId: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid={testId}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('questionnaire.notAList', { value: verbatim(value) })}
      </Text>
      <Button size="xs" variant="light" color="red" onClick={onRemove} data-testid={`${testId}-remove`}>
        {t('questionnaire.removeValue')}
      </Button>
    </Group>
  );
}

/**
 * A repeatable list of sub-records (injuries, medication, lifts…): one bordered card per item,
 * "add" appends an empty one and focuses its first input. Items added but left empty are not
 * submitted (`toResponses`).
 */
export function ListField({
  spec,
  control,
}: {
  spec: ListFieldSpec;
  control: Control<ResponsesForm>;
}): React.JSX.Element {
  const { t } = useTranslation();
  // The form is typed loosely (`Record<string, unknown>`); this field's value is a list of records.
  const { fields, append, remove, replace } = useFieldArray({
    control: control as unknown as Control<Record<string, Record<string, unknown>[]>>,
    name: spec.name,
  });
  const [added, setAdded] = useState<number | null>(null);
  const base = `q-${spec.name}`;
  // Errors of the list itself (not a list, …); item errors are shown by each item.
  const { errors } = useFormState({ control, name: spec.name });
  const error = ownMessage(get(errors, spec.name));
  const value: unknown = useWatch({ control, name: spec.name });
  const notAList = value !== undefined && value !== null && value !== '' && !Array.isArray(value);
  return (
    <FieldGroup
      legend={t(`questionnaire.fields.${spec.name}`)}
      description={spec.described ? t(`questionnaire.descriptions.${spec.name}`) : undefined}
      error={error ? labelMessage(error, t) : undefined}
      testId={base}
    >
      {notAList && <NotAList value={value} onRemove={() => replace([])} testId={`${base}-not-a-list`} />}
      {fields.length === 0 && !notAList && (
        <Text size="sm" c="dimmed" data-testid={`${base}-empty`}>
          {t(`questionnaire.empty.${spec.name}`)}
        </Text>
      )}
      {fields.map((item, index) => (
        <ListItem
          key={item.id}
          spec={spec}
          control={control}
          index={index}
          autoFocus={added === index}
          onRemove={() => {
            setAdded(null);
            remove(index);
          }}
        />
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            setAdded(fields.length);
            append({}, { shouldFocus: false });
          }}
          data-testid={`${base}-add`}
        >
          {t(`questionnaire.add.${spec.name}`)}
        </Button>
      </Group>
    </FieldGroup>
  );
}
