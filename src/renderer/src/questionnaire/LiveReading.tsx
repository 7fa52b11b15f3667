import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { readQuestionnaire } from '@shared/reading';
import { Section } from '../components/Section';
import type { ResponsesForm } from './fields';
import { submittedResponses, type ImportedAnswers } from './imported-answers';
import { ReadingPanel } from './ReadingPanel';

/**
 * Reading a whole questionnaire takes tens of milliseconds: it waits for a pause in the typing,
 * so every keystroke stays immediate.
 */
const READ_AFTER_MS = 300;

/**
 * "Lo que la app ha entendido" while the coach fills in the form, read exactly as a job will read
 * the submitted answers (imported text the coach has not replaced included), so the questions show
 * before generating, not after.
 */
export function LiveReading({
  control,
  imports,
}: {
  control: Control<ResponsesForm>;
  imports: ImportedAnswers;
}): React.JSX.Element {
  const { t } = useTranslation();
  const values = useWatch({ control });
  const [settled] = useDebouncedValue(values, READ_AFTER_MS);
  const reading = useMemo(() => readQuestionnaire(submittedResponses(settled, imports)), [settled, imports]);
  return (
    <div data-testid="reading-live">
      <Section title={t('reading.title')}>
        <Text size="sm" c="dimmed">
          {t('reading.liveHint')}
        </Text>
        <ReadingPanel reading={reading} />
      </Section>
    </div>
  );
}
