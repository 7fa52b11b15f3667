import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { User } from '@shared/user';
import { useClient } from '../api/client-store';
import { LoadError } from '../clients/LoadError';
import { clientLoadErrorText } from '../clients/load-error-text';
import { formatDateTime } from '../format';
import { useExerciseNames } from '../plan/useExerciseNames';
import { readOnlyAnswers } from '../questionnaire/answers';
import { AnswersView } from '../questionnaire/AnswersView';
import { SubmissionReadingSection } from '../questionnaire/SubmissionReadingSection';

interface Loaded {
  user: User;
  /** Null when the client has no questionnaire with this id. */
  submission: QuestionnaireSubmission | null;
}

/** A submitted questionnaire, read-only, with "Usar como base" to start a new one from it. */
export function QuestionnaireViewScreen(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { id = '', submissionId = '' } = useParams();
  const api = useClient();
  const exerciseName = useExerciseNames();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setFailure(null);
    Promise.all([api.getClient(id), api.listQuestionnaires(id)]).then(
      ([user, submissions]) => {
        if (current) setLoaded({ user, submission: submissions.find((s) => s._id === submissionId) ?? null });
      },
      (error: unknown) => {
        if (current) setFailure(clientLoadErrorText(error, id, t));
      },
    );
    return () => {
      current = false;
    };
    // `t` only words the error (left out: a language change must not reload).
  }, [api, id, submissionId, attempt]);

  const lang = i18n.language === 'en' ? 'en' : 'es';
  const submission = loaded?.submission ?? null;
  const answers = submission ? readOnlyAnswers(submission.responses, { t, lang, exerciseName }) : null;

  if (failure !== null)
    return (
      <LoadError
        title={t('questionnaire.loadFailed')}
        message={failure}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  if (!loaded) return <Text>{t('common.loading')}</Text>;

  const clientPath = `/clients/${encodeURIComponent(id)}`;
  return (
    <Stack data-testid="questionnaire-view">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('questionnaire.view.title', { name: loaded.user.nombre_completo })}
          </Title>
          {submission && (
            <Group gap="xs">
              <Text c="dimmed">
                {t('questionnaire.view.submittedAt', { date: formatDateTime(submission.submitted_at) })}
              </Text>
              {submission.plan_generated && <Badge variant="light">{t('client.planGenerated')}</Badge>}
            </Group>
          )}
        </div>
        <Group>
          <Button
            component={Link}
            to={clientPath}
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            data-testid="questionnaire-view-back"
          >
            {t('questionnaire.view.back')}
          </Button>
          {submission && (
            <Button
              component={Link}
              to={`${clientPath}/questionnaire?from=${encodeURIComponent(submission._id)}`}
              leftSection={<IconCopy size={16} />}
              data-testid="questionnaire-view-base-on"
            >
              {t('questionnaire.view.useAsBase')}
            </Button>
          )}
        </Group>
      </Group>
      {submission && <SubmissionReadingSection key={submission._id} submissionId={submission._id} />}
      {answers ? (
        <AnswersView answers={answers} />
      ) : (
        <Alert color="yellow" data-testid="questionnaire-view-missing">
          {t('questionnaire.view.notFound', { id: submissionId })}
        </Alert>
      )}
    </Stack>
  );
}
