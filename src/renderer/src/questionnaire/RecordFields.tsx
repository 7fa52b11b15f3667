import { Checkbox, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { RefCallBack } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { humanize } from '../format';
import { messageAt, OPTION_GROUPS, withSubField, type RecordValue, type SubFieldSpec } from './fields';
import { labelMessage } from './labels';
import { NumberTextInput } from './NumberTextInput';
import { useExerciseOptions } from './useExerciseOptions';

function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function ExerciseSelect({
  value,
  onChange,
  ...common
}: {
  value: unknown;
  onChange: (value: string | undefined) => void;
  label: string;
  withAsterisk?: boolean;
  error?: string;
  onBlur: () => void;
  ref?: RefCallBack;
  autoFocus?: boolean;
  'data-testid': string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { options, failed } = useExerciseOptions();
  const id = asText(value);
  // An id the catalog lacks (imported, or the catalog has not arrived) stays visible and kept.
  const data =
    id && !options.some((o) => o.value === id)
      ? [{ value: id, label: t('questionnaire.exerciseUnknown', { name: humanize(id) }) }, ...options]
      : options;
  return (
    <Select
      {...common}
      data={data}
      value={id || null}
      onChange={(v) => onChange(v ?? undefined)}
      description={failed ? t('questionnaire.exercisesUnavailable') : undefined}
      nothingFoundMessage={t('questionnaire.nothingFound')}
      searchable
      clearable
    />
  );
}

/**
 * The inputs of one sub-record (a list item or a small object), editing it as a whole: each input
 * changes its own key and keeps every other key, including those the form does not show.
 */
export function RecordFields({
  field,
  path,
  testId,
  fields,
  value,
  onChange,
  onBlur,
  error,
  inputRef,
  autoFocus,
}: {
  /** The questionnaire field (labels: `questionnaire.subfields.<field>.<sub>`). */
  field: string;
  /** This record's form path: `lesiones.0`, `autorizacion_medica`. */
  path: string;
  /** Prefix of the inputs' test ids: `q-lesiones-0` → `q-lesiones-0-zona`. */
  testId: string;
  fields: readonly SubFieldSpec[];
  value: unknown;
  onChange: (next: RecordValue) => void;
  onBlur: () => void;
  /** Nested errors of this record (`{dolor_0_10: {message}}`). */
  error: unknown;
  /** Given to the first input, so that react-hook-form can focus the record on an error. */
  inputRef?: RefCallBack;
  autoFocus?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const record: RecordValue =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RecordValue) : {};

  // Ticking the consent also records when it was given (`withSubField`).
  const set = (sub: SubFieldSpec, next: unknown) => onChange(withSubField(record, sub, next));

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {fields.map((sub, index) => {
        const current = record[sub.name];
        const message = messageAt(error, sub.name);
        const common = {
          label: t(`questionnaire.subfields.${field}.${sub.name}`),
          withAsterisk: sub.required,
          error: message ? labelMessage(message, t) : undefined,
          onBlur,
          ref: index === 0 ? inputRef : undefined,
          autoFocus: index === 0 ? autoFocus : undefined,
          'data-testid': `${testId}-${sub.name}`,
        };
        switch (sub.kind) {
          case 'number':
            return (
              <NumberTextInput
                key={sub.name}
                {...common}
                path={`${path}.${sub.name}`}
                value={current}
                onChange={(v) => set(sub, v)}
                decimals={sub.decimals === true}
              />
            );
          case 'select': {
            const group = sub.options;
            const data = group
              ? OPTION_GROUPS[group].map((v) => ({
                  value: v,
                  label: t(`questionnaire.options.${group}.${v}`),
                }))
              : [];
            return (
              <Select
                key={sub.name}
                {...common}
                data={data}
                value={asText(current) || null}
                onChange={(v) => set(sub, v ?? undefined)}
                clearable
              />
            );
          }
          case 'exercise':
            return (
              <ExerciseSelect key={sub.name} {...common} value={current} onChange={(v) => set(sub, v)} />
            );
          case 'boolean':
            return (
              <Checkbox
                key={sub.name}
                {...common}
                mt={{ base: 0, sm: 'lg' }}
                checked={current === true}
                onChange={(e) => set(sub, e.currentTarget.checked)}
              />
            );
          case 'textarea':
            return (
              <Textarea
                key={sub.name}
                {...common}
                style={{ gridColumn: '1 / -1' }}
                value={asText(current)}
                onChange={(e) => set(sub, e.currentTarget.value)}
                autosize
                minRows={2}
              />
            );
          default:
            return (
              <TextInput
                key={sub.name}
                {...common}
                placeholder={sub.kind === 'date' ? t('questionnaire.datePlaceholder') : undefined}
                value={asText(current)}
                onChange={(e) => set(sub, e.currentTarget.value)}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}
