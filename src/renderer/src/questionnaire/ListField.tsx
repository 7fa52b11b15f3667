import { ActionIcon, Button, Group, Input, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { Controller, get, useFieldArray, useFormState, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { messageAt, ownMessage, type ListFieldSpec, type ResponsesForm } from './fields';
import { FieldGroup } from './FieldGroup';
import { ImportedAnswerNote, type ImportedField } from './ImportedAnswerNote';
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
 * A repeatable list of sub-records (injuries, medication, lifts…): one bordered card per item,
 * "add" appends an empty one and focuses its first input. Items added but left empty are not
 * submitted (`toResponses`). An answer imported as text ("Menisco sin terminar de curar") is shown
 * above the items, to confirm, replace with items or remove (`ImportedAnswerNote`).
 */
export function ListField({
  spec,
  control,
  imported,
}: {
  spec: ListFieldSpec;
  control: Control<ResponsesForm>;
  imported?: ImportedField;
}): React.JSX.Element {
  const { t } = useTranslation();
  // The form is typed loosely (`Record<string, unknown>`); this field's value is a list of records.
  const { fields, append, remove } = useFieldArray({
    control: control as unknown as Control<Record<string, Record<string, unknown>[]>>,
    name: spec.name,
  });
  const [added, setAdded] = useState<number | null>(null);
  const base = `q-${spec.name}`;
  // Errors of the list itself; item errors are shown by each item.
  const { errors } = useFormState({ control, name: spec.name });
  const error = ownMessage(get(errors, spec.name));
  const value: unknown = useWatch({ control, name: spec.name });
  // "Sin lesiones registradas" would contradict an imported "Menisco sin terminar de curar".
  const importedShown = imported !== undefined && imported.decision !== 'dropped';
  return (
    <FieldGroup
      legend={t(`questionnaire.fields.${spec.name}`)}
      description={spec.described ? t(`questionnaire.descriptions.${spec.name}`) : undefined}
      error={error ? labelMessage(error, t) : undefined}
      testId={base}
    >
      <ImportedAnswerNote imported={imported} value={value} />
      {fields.length === 0 && !importedShown && (
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
