import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ESTADO_LESION_VALUES } from '@shared/questionnaire';
import type { ReadingTopic } from '@shared/reading';
import {
  codeChoice,
  emptyRow,
  FOOD_PREFIX,
  knownCodes,
  type FactRow,
  type InjuryStatus,
  type RowProblem,
} from './reading-codes';

export interface FactRowInputsProps {
  row: FactRow;
  /** The topics this answer may declare. */
  topics: readonly ReadingTopic[];
  problem: RowProblem | null;
  onChange(row: FactRow): void;
  onRemove(): void;
  testId: string;
}

/** One fact of a correction: its kind, what it is (a food by name), an injury's status. */
export function FactRowInputs({
  row,
  topics,
  problem,
  onChange,
  onRemove,
  testId,
}: FactRowInputsProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const codes = knownCodes(row.topic);
  // A code the reader found that the list does not have (an imported zone) stays choosable.
  const shown = row.code === '' || codes.includes(row.code) ? codes : [...codes, row.code];
  const what = row.code === '' ? t(`reading.topics.${row.topic}`) : codeChoice(row.topic, row.code, t, lang);
  return (
    <Group align="flex-end" gap="xs" wrap="wrap" data-testid={testId}>
      <Select
        label={t('reading.editor.topic')}
        value={row.topic}
        onChange={(value) => value && onChange(emptyRow(value as ReadingTopic))}
        allowDeselect={false}
        data={topics.map((topic) => ({ value: topic, label: t(`reading.topics.${topic}`) }))}
        w={190}
        data-testid={`${testId}-topic`}
      />
      <Select
        label={t('reading.editor.code')}
        value={row.code === '' ? null : row.code}
        onChange={(value) => onChange({ ...row, code: value ?? '' })}
        allowDeselect={false}
        searchable
        data={shown.map((code) => ({ value: code, label: codeChoice(row.topic, code, t, lang) }))}
        error={problem === 'code' ? t('reading.editor.codeMissing') : undefined}
        w={260}
        data-testid={`${testId}-code`}
      />
      {row.topic === 'alergia' && row.code === FOOD_PREFIX && (
        <TextInput
          label={t('reading.editor.food')}
          placeholder={t('reading.editor.foodPlaceholder')}
          value={row.food}
          onChange={(event) => onChange({ ...row, food: event.currentTarget.value })}
          error={problem === 'food' ? t('reading.editor.foodMissing') : undefined}
          maxLength={80}
          w={180}
          data-testid={`${testId}-food`}
        />
      )}
      {row.topic === 'lesion' && (
        <Select
          label={t('reading.editor.estado')}
          value={row.estado ?? 'activa'}
          onChange={(value) => onChange({ ...row, estado: (value as InjuryStatus | null) ?? 'activa' })}
          allowDeselect={false}
          data={ESTADO_LESION_VALUES.map((estado) => ({
            value: estado,
            label: t(`questionnaire.options.estado_lesion.${estado}`),
          }))}
          w={150}
          data-testid={`${testId}-estado`}
        />
      )}
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        onClick={onRemove}
        aria-label={t('reading.editor.removeLabel', { what })}
        title={t('reading.editor.remove')}
        data-testid={`${testId}-remove`}
      >
        <IconTrash size={18} />
      </ActionIcon>
    </Group>
  );
}
