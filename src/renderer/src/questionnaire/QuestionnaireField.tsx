import { Checkbox, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, type Control, type ControllerRenderProps } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OPTION_GROUPS, type FieldSpec, type ResponsesForm, type ScalarFieldSpec } from './fields';
import { ImportedAnswerNote, type ImportedField } from './ImportedAnswerNote';
import { labelMessage } from './labels';
import { ListField } from './ListField';
import { NumberTextInput } from './NumberTextInput';
import { ObjectField } from './ObjectField';
import { YesNoField } from './YesNoField';

/**
 * One questionnaire field, bound to react-hook-form, labelled and showing its own errors: a scalar
 * input, or a yes/no group, a list of sub-records or a small object (full width of the section).
 * `imported`: an answer that came in a file as text the input cannot hold, shown under it.
 */
export function QuestionnaireField({
  spec,
  control,
  imported,
}: {
  spec: FieldSpec;
  control: Control<ResponsesForm>;
  imported?: ImportedField;
}): React.JSX.Element {
  switch (spec.kind) {
    case 'yesno':
      return <YesNoField spec={spec} control={control} imported={imported} />;
    case 'list':
      return <ListField spec={spec} control={control} imported={imported} />;
    case 'object':
      return <ObjectField spec={spec} control={control} imported={imported} />;
    default:
      return <ScalarField spec={spec} control={control} imported={imported} />;
  }
}

/** A scalar input, with the answer imported for it (if any) under it. */
function ScalarField({
  spec,
  control,
  imported,
}: {
  spec: ScalarFieldSpec;
  control: Control<ResponsesForm>;
  imported?: ImportedField;
}): React.JSX.Element {
  const { t } = useTranslation();
  const label = t(`questionnaire.fields.${spec.name}`);
  const group = spec.options;
  const data = group
    ? OPTION_GROUPS[group].map((value) => ({ value, label: t(`questionnaire.options.${group}.${value}`) }))
    : [];
  return (
    <Controller
      name={spec.name}
      control={control}
      render={({ field, fieldState }) => (
        <Stack gap={4}>
          <ScalarInput
            spec={spec}
            data={data}
            label={label}
            field={field}
            error={fieldState.error?.message}
          />
          <ImportedAnswerNote imported={imported} value={field.value} />
        </Stack>
      )}
    />
  );
}

/** The input of a scalar answer, by its kind. */
function ScalarInput({
  spec,
  data,
  label,
  field,
  error,
}: {
  spec: ScalarFieldSpec;
  data: { value: string; label: string }[];
  label: string;
  field: ControllerRenderProps<ResponsesForm>;
  error: string | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const common = {
    label,
    withAsterisk: spec.required,
    error: error ? labelMessage(error, t) : undefined,
    onBlur: field.onBlur,
    name: field.name,
    ref: field.ref,
    'data-testid': `q-${spec.name}`,
  };
  const text = typeof field.value === 'string' || typeof field.value === 'number' ? String(field.value) : '';
  switch (spec.kind) {
    case 'number':
      return (
        <NumberTextInput
          {...common}
          path={spec.name}
          value={field.value}
          onChange={field.onChange}
          decimals={spec.decimals === true}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={data}
          value={text || null}
          onChange={(v) => field.onChange(v ?? undefined)}
          clearable
        />
      );
    case 'multi':
      return (
        <MultiSelect
          {...common}
          data={data}
          value={
            Array.isArray(field.value) ? field.value.filter((v): v is string => typeof v === 'string') : []
          }
          onChange={field.onChange}
          clearable
          searchable
        />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          value={text}
          onChange={(e) => field.onChange(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          {...common}
          mt="lg"
          checked={field.value === true}
          onChange={(e) => field.onChange(e.currentTarget.checked)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={spec.kind === 'email' ? 'email' : 'text'}
          placeholder={spec.kind === 'date' ? t('questionnaire.datePlaceholder') : undefined}
          value={text}
          onChange={(e) => field.onChange(e.currentTarget.value)}
        />
      );
  }
}
