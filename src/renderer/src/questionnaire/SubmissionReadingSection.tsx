import { Alert, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionReading } from '@shared/reading-api';
import { Section } from '../components/Section';
import { formatDateTime } from '../format';
import { LooseAnswersList } from './LooseAnswersList';
import { ReadingPanel } from './ReadingPanel';
import type { CorrectReading } from './ReadingAnswer';
import { readingView } from './reading-lines';
import { useSubmissionReading } from './useSubmissionReading';

/** A count of what was read, with the panel one click away (open at once when something is open). */
function ReadingSummary({
  data,
  submittedAt,
  onCorrect,
}: {
  data: SubmissionReading;
  submittedAt: Date;
  onCorrect: CorrectReading;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const view = useMemo(
    () => readingView(data.reading, { t, lang, corrections: data.corrections }),
    [data, t, lang],
  );
  // Decided once: resolving the last open question must not fold the panel under the coach.
  const [expanded, setExpanded] = useState(() => view.open > 0);
  const panelId = useId();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text size="sm" data-testid="reading-summary">
          {t('reading.summary', {
            count: view.review.length + view.understood.length,
            open: view.open,
            date: formatDateTime(submittedAt),
          })}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setExpanded((open) => !open)}
          aria-expanded={expanded}
          aria-controls={panelId}
          data-testid="reading-toggle"
        >
          {t(expanded ? 'reading.hide' : 'reading.show')}
        </Button>
      </Group>
      <Collapse expanded={expanded} id={panelId}>
        <ReadingPanel reading={data.reading} corrections={data.corrections} onCorrect={onCorrect} />
      </Collapse>
    </Stack>
  );
}

export interface SubmissionReadingSectionProps {
  submissionId: string;
  /** Given: a summary that expands to the panel (the ficha); absent: the panel itself. */
  summaryOf?: { submittedAt: Date };
}

/** "Lo que la app ha entendido" of a stored questionnaire, with the coach's confirmations and corrections. */
export function SubmissionReadingSection({
  submissionId,
  summaryOf,
}: SubmissionReadingSectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const { state, correct, retry } = useSubmissionReading(submissionId);

  const onCorrect: CorrectReading = async (correction) => {
    await correct(correction);
    notifications.show({ color: 'teal', message: t('reading.saved') });
  };

  return (
    <div data-testid="submission-reading">
      <Section title={t('reading.title')}>
        {state.status === 'loading' && <Text size="sm">{t('reading.loading')}</Text>}
        {state.status === 'failed' && (
          <Alert color="red" title={t('reading.loadFailed')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{state.message}</Text>
              <Button size="compact-sm" variant="default" onClick={retry}>
                {t('common.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
        {state.status === 'ready' && <LooseAnswersList answers={state.data.loose_answers} />}
        {state.status === 'ready' &&
          (summaryOf ? (
            <ReadingSummary data={state.data} submittedAt={summaryOf.submittedAt} onCorrect={onCorrect} />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('reading.panelHint')}
              </Text>
              <ReadingPanel
                reading={state.data.reading}
                corrections={state.data.corrections}
                onCorrect={onCorrect}
              />
            </>
          ))}
      </Section>
    </div>
  );
}
