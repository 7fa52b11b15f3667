import { Anchor, Button, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicJob } from '@shared/job';
import { JobStatusBadge } from '../components/JobStatusBadge';
import { formatDateTime, formatNumber } from '../format';
import { jobHasPlan, openPlanLabel } from '../plan/delivery';
import { needsNewQuestionnaire, retryCanHelp } from './retry-policy';

export type JobAction = 'cancel' | 'retry' | 'view';

/** One job row; the virtualiser positions it. */
export function JobRow({
  job,
  clientName,
  thisInstance,
  onAction,
}: {
  job: PublicJob;
  clientName: string;
  /** This app instance's name (null until known): its jobs are marked "(esta)". */
  thisInstance: string | null;
  onAction(kind: JobAction, job: PublicJob): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const active = job.status === 'pending' || job.status === 'running';
  // Screen readers hear which job a row's button acts on, not a list of identical "Ver".
  const rowName = `${t(`generate.types.${job.type}`)} · ${clientName} · ${formatDateTime(job.created_at)}`;
  // A failed job with a plan: its audit blocked the plan, which is opened to be reviewed.
  const openLabel = openPlanLabel(job, t);
  return (
    <>
      <div role="cell">{formatDateTime(job.created_at)}</div>
      <div role="cell">
        <Text size="sm" lineClamp={2} title={t(`generate.types.${job.type}`)}>
          {t(`generate.types.${job.type}`)}
        </Text>
      </div>
      <div role="cell">
        <Anchor
          component={Link}
          to={`/clients/${encodeURIComponent(job.user_id)}`}
          size="sm"
          lineClamp={1}
          title={clientName === job.user_id ? undefined : job.user_id}
          data-testid="job-client"
        >
          {clientName}
        </Anchor>
      </div>
      <div role="cell">
        <Group gap={6} wrap="nowrap">
          <Progress value={job.progress.percentage} w={90} size="sm" aria-label={t('jobs.progress')} />
          <Text size="xs">{`${formatNumber(job.progress.percentage, 1)} %`}</Text>
        </Group>
      </div>
      <div role="cell">
        <JobStatusBadge job={job} />
      </div>
      <div role="cell" data-testid="job-instance">
        <Text size="sm" lineClamp={1} title={job.running_on ?? undefined}>
          {job.running_on === null
            ? t('instances.none')
            : job.running_on === thisInstance
              ? t('instances.thisOne', { name: job.running_on })
              : job.running_on}
        </Text>
      </div>
      <div role="cell">
        <Group gap={4} wrap="nowrap">
          {jobHasPlan(job) ? (
            <Button
              size="compact-xs"
              variant="subtle"
              component={Link}
              to={`/plan/${encodeURIComponent(job._id)}`}
              aria-label={`${openLabel}: ${rowName}`}
            >
              {openLabel}
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onAction('view', job)}
              aria-label={`${t('jobs.view')}: ${rowName}`}
            >
              {t('jobs.view')}
            </Button>
          )}
          {active && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => onAction('cancel', job)}
              aria-label={`${t('jobs.cancel')}: ${rowName}`}
              data-testid="job-cancel"
            >
              {t('jobs.cancel')}
            </Button>
          )}
          {retryCanHelp(job) && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onAction('retry', job)}
              aria-label={`${t('jobs.retry')}: ${rowName}`}
              data-testid="job-retry"
            >
              {t('jobs.retry')}
            </Button>
          )}
          {needsNewQuestionnaire(job) && (
            // Retrying would re-read the same stored questionnaire and fail again.
            <Button
              size="compact-xs"
              variant="subtle"
              component={Link}
              // Starts from the answers that failed, so only the fields at fault need changing.
              to={`/clients/${encodeURIComponent(job.user_id)}/questionnaire?from=${encodeURIComponent(job.submission_id)}`}
              title={t('jobs.fixQuestionnaireHint')}
              data-testid="job-fix-questionnaire"
            >
              {t('jobs.fixQuestionnaire')}
            </Button>
          )}
        </Group>
      </div>
    </>
  );
}
