import { Alert, Anchor, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { verbatim } from './answers';
import type { ResponsesForm } from './fields';
import { pendingAnswers, type ImportedAnswers } from './imported-answers';
import { importedNoteId } from './ImportedAnswerNote';

/** Brings a field's note into view and moves the focus to it (its buttons are the next stops). */
function goToNote(field: string): void {
  const note = document.getElementById(importedNoteId(field));
  if (!note) return;
  note.scrollIntoView({ block: 'center' });
  note.focus({ preventScroll: true });
}

/**
 * Above the form after an import: the answers that came as text the form could not take, each by
 * its label and as it came, leading to its field. It follows the form: an answer leaves the list
 * when the coach confirms it, writes a value of their own or removes it, and the list disappears
 * when none is left.
 */
export function ImportedAnswersSummary({
  control,
  imports,
}: {
  control: Control<ResponsesForm>;
  imports: ImportedAnswers;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const values = useWatch({ control });
  const pending = useMemo(() => pendingAnswers(imports, values), [imports, values]);
  if (pending.length === 0) return null;
  return (
    <Alert
      color="yellow"
      // Not an alert: nothing is wrong, and the list is read when the coach gets to it.
      role="region"
      title={t('questionnaire.importedSummary.title', { count: pending.length })}
      data-testid="questionnaire-imported"
    >
      <Text size="sm" mb="xs">
        {t('questionnaire.importedSummary.hint')}
      </Text>
      <List size="sm">
        {pending.map((answer) => (
          <List.Item key={answer.field}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => goToNote(answer.field)}
              style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
              data-testid={`questionnaire-imported-${answer.field}`}
            >
              {t('questionnaire.importedSummary.item', {
                label: t(`questionnaire.fields.${answer.field}`),
                value: verbatim(answer.value),
              })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
