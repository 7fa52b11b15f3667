import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireReading, ReadingCorrection } from '@shared/reading';
import { ReadingAnswer, type CorrectReading } from './ReadingAnswer';
import { readingView } from './reading-lines';

export interface ReadingPanelProps {
  reading: QuestionnaireReading;
  /** The corrections stored with the submission (what a corrected answer declares). */
  corrections?: readonly ReadingCorrection[];
  /** Stores the coach's reading of one answer; without it the panel is read-only. */
  onCorrect?: CorrectReading;
  /** Heading level of the panel's own titles, under the screen's section title. */
  headingOrder?: 3 | 4;
}

/**
 * What the app understood from a questionnaire: the goal, the answers it could not classify
 * ("Por revisar", first and prominent) and the health answers it read, each with the client's
 * words. The same panel serves stored submissions (with corrections) and the form (read-only).
 */
export function ReadingPanel({
  reading,
  corrections,
  onCorrect,
  headingOrder = 3,
}: ReadingPanelProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const view = useMemo(
    () => readingView(reading, { t, lang, ...(corrections ? { corrections } : {}) }),
    [reading, corrections, t, lang],
  );
  return (
    <Stack gap="sm" data-testid="reading-panel">
      <Text fw={600} data-testid="reading-goal">
        {view.goal}
      </Text>
      {view.review.length > 0 && (
        // A region, not an alert: the form's live reading changes as the coach types.
        <Alert
          color="orange"
          variant="light"
          data-testid="reading-review"
          role="region"
          aria-label={t('reading.toReview', { count: view.review.length })}
        >
          <Stack gap="sm">
            <Title order={headingOrder} size="h5">
              {t('reading.toReview', { count: view.review.length })}
            </Title>
            <Text size="sm">{t('reading.toReviewHint')}</Text>
            {view.review.map((line) => (
              <ReadingAnswer key={line.field} line={line} onCorrect={onCorrect} />
            ))}
          </Stack>
        </Alert>
      )}
      {view.understood.length > 0 && (
        <Stack gap="xs" data-testid="reading-understood-list">
          <Title order={headingOrder} size="h5">
            {t('reading.understoodTitle')}
          </Title>
          {view.understood.map((line) => (
            <ReadingAnswer key={line.field} line={line} onCorrect={onCorrect} />
          ))}
        </Stack>
      )}
      {view.review.length === 0 && view.understood.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="reading-nothing">
          {t('reading.nothingRead')}
        </Text>
      )}
    </Stack>
  );
}
