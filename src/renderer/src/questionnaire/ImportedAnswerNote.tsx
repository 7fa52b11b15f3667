import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { verbatim } from './answers';
import {
  importStatus,
  rangeText,
  type ImportDecision,
  type ImportedAnswer,
  type ImportStatus,
} from './imported-answers';

/** An imported answer of one field, with the coach's decision on it and the ways to decide. */
export interface ImportedField {
  answer: ImportedAnswer;
  decision?: ImportDecision;
  onKeep: () => void;
  onDrop: () => void;
}

/** The note's element id: the summary above the form scrolls to it. */
export function importedNoteId(field: string): string {
  return `imported-${field}`;
}

function noteKey(answer: ImportedAnswer, status: ImportStatus): string {
  if (status !== 'pending') return `questionnaire.importedNote.${status}`;
  if (answer.reason === 'implausible') return 'questionnaire.importedNote.implausible';
  // Partly understood: "what was understood is filled in", when the input could hold a part.
  return answer.reason === 'partly_understood' && answer.prefill !== undefined
    ? 'questionnaire.importedNote.partly_understood'
    : 'questionnaire.importedNote.kept_as_text';
}

/**
 * Under a field's input: the answer as it came in the file, to confirm (sent as it came), replace
 * by writing in the input, or remove. It is never an error: the input shows only what the form
 * understood with certainty, and the text that did not fit is here, where the coach can read it.
 */
export function ImportedAnswerNote({
  imported,
  value,
}: {
  imported: ImportedField | undefined;
  /** What the field's input holds now. */
  value: unknown;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!imported) return null;
  const { answer, decision, onKeep, onDrop } = imported;
  const status = importStatus(answer, decision, value);
  if (status === 'dropped') return null;
  const label = t(`questionnaire.fields.${answer.field}`);
  const testId = `q-${answer.field}-imported`;
  const range = rangeText(answer.field, currentLang()) ?? '';
  return (
    <Paper
      withBorder
      p="xs"
      id={importedNoteId(answer.field)}
      // Focused by the summary's link, to land on the note rather than above it.
      tabIndex={-1}
      bg={status === 'pending' ? 'var(--mantine-color-yellow-light)' : undefined}
      data-testid={testId}
      data-status={status}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {t(noteKey(answer, status), { value: verbatim(answer.value), range })}
      </Text>
      {status !== 'replaced' && (
        <Group gap="xs" mt={6}>
          {status === 'pending' && (
            <Button
              size="compact-xs"
              variant="light"
              onClick={onKeep}
              aria-label={t('questionnaire.importedNote.confirmLabel', { field: label })}
              data-testid={`${testId}-confirm`}
            >
              {t('questionnaire.importedNote.confirm')}
            </Button>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={onDrop}
            aria-label={t('questionnaire.importedNote.removeLabel', { field: label })}
            data-testid={`${testId}-remove`}
          >
            {t('questionnaire.removeValue')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
