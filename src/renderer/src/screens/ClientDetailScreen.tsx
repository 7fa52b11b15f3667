import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconFileZip, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PublicJob } from '@shared/job';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { User } from '@shared/user';
import type { PlanList } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { jobsWithUpdate } from '../clients/client-jobs';
import { EraseClientModal } from '../clients/EraseClientModal';
import { LoadError } from '../clients/LoadError';
import { Section } from '../components/Section';
import { clientLoadErrorText } from '../clients/load-error-text';
import { clientNameDirectory } from '../clients/useClientNames';
import { errorText } from '../components/error-text';
import { FormError } from '../components/FormError';
import { GenerateModal } from '../components/GenerateModal';
import { jobHasPlan, openPlanLabel } from '../plan/delivery';
import { PlansTable } from '../clients/PlansTable';
import { JobStatusBadge } from '../components/JobStatusBadge';
import { SubmissionReadingSection } from '../questionnaire/SubmissionReadingSection';
import { formatDateTime, formatNumber } from '../format';
import { useGenerationStore } from '../stores/generation-store';

/** Jobs listed in the ficha (the newest). */
const JOBS_LISTED = 50;
/** Completions within this window reload the plans once. */
const PLANS_RELOAD_DELAY_MS = 300;

/** Ficha de cliente: questionnaires, plans with versions, job history. */
export function ClientDetailScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useClient();
  const showProgress = useGenerationStore((s) => s.show);
  const [user, setUser] = useState<User | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [submissions, setSubmissions] = useState<QuestionnaireSubmission[]>([]);
  const [plans, setPlans] = useState<PlanList | null>(null);
  const [jobs, setJobs] = useState<PublicJob[]>([]);
  const [generate, setGenerate] = useState<{ previous: string | null } | null>(null);
  const [erasing, setErasing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportFailure, setExportFailure] = useState<string | null>(null);
  const navigate = useNavigate();
  /** Last known status of each listed job, to see a job *become* completed. */
  const statuses = useRef(new Map<string, PublicJob['status']>());

  // Everything, once per client (and again when the coach presses "Reintentar").
  useEffect(() => {
    let current = true;
    setUser(null);
    setFailure(null);
    setExportFailure(null);
    Promise.all([
      api.getClient(id),
      api.listQuestionnaires(id),
      api.listPlans(id),
      api.listJobs({ user_id: id, limit: JOBS_LISTED }),
    ]).then(
      ([u, s, p, j]) => {
        if (!current) return;
        statuses.current = new Map(j.items.map((job) => [job._id, job.status]));
        clientNameDirectory(api).remember(u);
        setUser(u);
        setSubmissions(s);
        setPlans(p);
        setJobs(j.items);
      },
      (error: unknown) => {
        if (current) setFailure(clientLoadErrorText(error, id, t));
      },
    );
    return () => {
      current = false;
    };
    // `t` only words the error (it is left out: a language change must not reload the ficha).
  }, [api, id, attempt]);

  /** A job finished with a plan: the plans and the questionnaires' "plan generated" mark changed. */
  const reloadPlans = useCallback(async () => {
    try {
      const [p, s] = await Promise.all([api.listPlans(id), api.listQuestionnaires(id)]);
      setPlans(p);
      setSubmissions(s);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }, [api, id, t]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = api.watchJobs((job) => {
      if (job.user_id !== id) return;
      // The row in place (or a new job on top); nothing else is fetched for a progress step.
      setJobs((list) => jobsWithUpdate(list, job, JOBS_LISTED));
      const before = statuses.current.get(job._id);
      statuses.current.set(job._id, job.status);
      // A job that failed because its audit blocked the plan saved that plan too (for review).
      const finishedWithPlan = jobHasPlan(job) && before !== job.status;
      if (finishedWithPlan && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          void reloadPlans();
        }, PLANS_RELOAD_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, id, reloadPlans]);

  /** The client's whole data as a zip: a save dialog (desktop) or a browser download. */
  async function exportData(): Promise<void> {
    if (exporting) return;
    setExporting(true);
    setExportFailure(null);
    try {
      const result = await api.exportClientData(id);
      // A closed save dialog saved nothing: nothing to say.
      if (result.saved)
        notifications.show({
          color: 'teal',
          message: t('client.exportData.done', { file: result.path ?? '' }),
        });
    } catch (error) {
      setExportFailure(`${t('client.exportData.failed')}: ${errorText(error, t)}`);
    } finally {
      setExporting(false);
    }
  }

  if (failure !== null)
    return (
      <LoadError title={t('client.loadFailed')} message={failure} onRetry={() => setAttempt((n) => n + 1)} />
    );
  if (!user) return <Text>{t('common.loading')}</Text>;
  // Newest first: what the next plan would be generated from.
  const latest = submissions[0];
  /** A blocked plan is opened to be reviewed, not as a finished plan. */
  const openLabel = (job: PublicJob): string => openPlanLabel(job, t);

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2" data-testid="client-title">
            {user.nombre_completo}
          </Title>
          <Text c="dimmed">{[user.email, user.telefono].filter(Boolean).join(' · ')}</Text>
        </div>
        <Group>
          <Button
            component={Link}
            to={`/clients/${encodeURIComponent(id)}/questionnaire`}
            variant="default"
            leftSection={<IconFileText size={16} />}
            data-testid="questionnaire-new"
          >
            {t('client.newQuestionnaire')}
          </Button>
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            onClick={() => setGenerate({ previous: null })}
            disabled={submissions.length === 0}
            data-testid="generate-open"
          >
            {t('client.generate')}
          </Button>
        </Group>
      </Group>
      <Section title={t('client.questionnaires')}>
        {submissions.length === 0 ? (
          <Text c="dimmed">{t('client.noQuestionnaires')}</Text>
        ) : (
          <Table data-testid="questionnaires-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('client.submitted')}</Table.Th>
                <Table.Th>{t('client.goal')}</Table.Th>
                <Table.Th>{t('client.planColumn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('client.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {submissions.map((s) => (
                <Table.Tr key={s._id}>
                  <Table.Td>{formatDateTime(s.submitted_at)}</Table.Td>
                  <Table.Td>{s.responses.objetivo_fisico}</Table.Td>
                  <Table.Td>
                    {s.plan_generated && <Badge variant="light">{t('client.planGenerated')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        component={Link}
                        to={`/clients/${encodeURIComponent(id)}/questionnaires/${encodeURIComponent(s._id)}`}
                        aria-label={`${t('client.viewQuestionnaire')}: ${formatDateTime(s.submitted_at)}`}
                        data-testid="questionnaire-view-open"
                      >
                        {t('client.viewQuestionnaire')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        component={Link}
                        to={`/clients/${encodeURIComponent(id)}/questionnaire?from=${encodeURIComponent(s._id)}`}
                        aria-label={`${t('client.baseOn')}: ${formatDateTime(s.submitted_at)}`}
                        data-testid="questionnaire-base-on"
                      >
                        {t('client.baseOn')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {latest && (
        <SubmissionReadingSection
          key={latest._id}
          submissionId={latest._id}
          summaryOf={{ submittedAt: latest.submitted_at }}
        />
      )}
      <Section title={t('client.plans')}>
        {plans && plans.training.items.length + plans.nutrition.items.length > 0 ? (
          <Stack>
            <PlansTable
              plans={plans.training.items}
              currentId={plans.current_training_plan_id}
              kind="training"
              onNext={(previous) => setGenerate({ previous })}
            />
            <PlansTable
              plans={plans.nutrition.items}
              currentId={plans.current_nutrition_plan_id}
              kind="nutrition"
              onNext={() => undefined}
            />
          </Stack>
        ) : (
          <Text c="dimmed">{t('client.noPlans')}</Text>
        )}
      </Section>
      <Section title={t('client.jobs')}>
        {jobs.length === 0 ? (
          <Text c="dimmed">{t('client.noJobs')}</Text>
        ) : (
          <Table data-testid="client-jobs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.created')}</Table.Th>
                <Table.Th>{t('jobs.type')}</Table.Th>
                <Table.Th>{t('jobs.status')}</Table.Th>
                <Table.Th>{t('jobs.progress')}</Table.Th>
                <Table.Th>{t('jobs.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={job._id}>
                  <Table.Td>{formatDateTime(job.created_at)}</Table.Td>
                  <Table.Td>{t(`generate.types.${job.type}`)}</Table.Td>
                  <Table.Td>
                    <JobStatusBadge job={job} />
                  </Table.Td>
                  <Table.Td>{`${formatNumber(job.progress.percentage, 1)} %`}</Table.Td>
                  <Table.Td>
                    {jobHasPlan(job) ? (
                      <Anchor
                        component={Link}
                        to={`/plan/${encodeURIComponent(job._id)}`}
                        aria-label={`${openLabel(job)}: ${t(`generate.types.${job.type}`)} · ${formatDateTime(job.created_at)}`}
                      >
                        {openLabel(job)}
                      </Anchor>
                    ) : (
                      <Anchor
                        component="button"
                        onClick={() => showProgress(job._id)}
                        aria-label={`${t('jobs.view')}: ${t(`generate.types.${job.type}`)} · ${formatDateTime(job.created_at)}`}
                      >
                        {t('jobs.view')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('client.exportData.section')}>
        <Group justify="space-between">
          <Text size="sm">{t('client.exportData.sectionText')}</Text>
          <Button
            variant="default"
            leftSection={<IconFileZip size={16} />}
            onClick={() => void exportData()}
            loading={exporting}
            data-testid="client-export-data"
          >
            {t('client.exportData.open')}
          </Button>
        </Group>
        <FormError message={exportFailure} />
      </Section>
      <Paper
        withBorder
        p="md"
        style={{ borderColor: 'var(--mantine-color-red-filled)' }}
        component="section"
        aria-labelledby="client-danger-zone"
        data-testid="client-danger-zone"
      >
        <Title order={2} size="h4" mb="sm" c="red" id="client-danger-zone">
          {t('client.erase.section')}
        </Title>
        <Group justify="space-between">
          <Text size="sm">{t('client.erase.sectionText')}</Text>
          <Button
            color="red"
            variant="outline"
            leftSection={<IconTrash size={16} />}
            onClick={() => setErasing(true)}
            data-testid="client-erase-open"
          >
            {t('client.erase.open')}
          </Button>
        </Group>
      </Paper>
      {erasing && (
        <EraseClientModal
          client={user}
          onClose={() => setErasing(false)}
          onErased={() => void navigate('/clients', { replace: true })}
        />
      )}
      {generate && (
        <GenerateModal
          userId={id}
          submissions={submissions}
          trainingPlans={plans?.training.items ?? []}
          initialPrevious={generate.previous}
          onClose={() => setGenerate(null)}
        />
      )}
    </Stack>
  );
}
