import { Alert, Button, Group, Loader, Modal, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicJob } from '@shared/job';
import { useClient } from '../api/client-store';
import { jobCost } from '../cost';
import { formatCostFigure, formatElapsed, formatNumber, unknownCostHint } from '../format';
import { JobStatusBadge } from './JobStatusBadge';
import { jobHasPlan } from '../plan/delivery';
import { JobFailure } from './JobFailure';
import { progressLine, runningAgentNames } from './progress-line';
import { useJobWatch, useNow } from './useJobWatch';

export interface GenerationProgressModalProps {
  jobId: string;
  /** Closing leaves the job running; it stays reachable from Trabajos. */
  onClose(): void;
  onComplete(job: PublicJob): void;
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }): React.JSX.Element {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function isRetrying(job: PublicJob): boolean {
  if (job.waiting_reason === 'backoff') return true;
  const last = job.execution_log.at(-1);
  return job.status !== 'completed' && job.status !== 'failed' && last?.event === 'retry';
}

/** Live progress of one generation job: bar, agent, step, message, time, tokens, cost, waits, cancel. */
export function GenerationProgressModal({
  jobId,
  onClose,
  onComplete,
}: GenerationProgressModalProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { job, connected } = useJobWatch(jobId);
  const [cancelling, setCancelling] = useState(false);
  const finished = job?.status === 'completed' || job?.status === 'failed';
  const now = useNow(!finished);
  const reported = useRef(false);

  useEffect(() => {
    if (!job || reported.current) return;
    if (job.status === 'completed') {
      reported.current = true;
      onComplete(job);
    }
    // A failure stays in the modal (JobFailure: the reason, and each field for validation errors).
  }, [job, onComplete]);

  async function cancel(): Promise<void> {
    setCancelling(true);
    try {
      await client.cancelJob(jobId);
    } catch {
      setCancelling(false);
    }
  }

  const progress = job?.progress;
  const line = job ? progressLine(job, t, i18n.language) : null;
  const percentage = progress?.percentage ?? 0;
  const start = job?.started_at ?? job?.created_at;
  const end = job?.completed_at?.getTime() ?? now;
  const elapsed = start ? end - start.getTime() : 0;
  const offline = job?.status === 'pending' && job.waiting_reason === 'offline';
  // Unknown while any agent's model is missing from the price table: never a made-up "$0.00".
  const cost = job ? jobCost(job) : { usd: null, unpricedModels: [] };
  const costHint = unknownCostHint(cost);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('progress.title')}
      size="lg"
      centered
      trapFocus

      data-testid="generation-progress-modal"
    >
      {!job ? (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <JobStatusBadge job={job} />
            <Text fw={700} size="xl" data-testid="progress-percentage" aria-live="polite">
              {`${formatNumber(percentage, 1)} %`}
            </Text>
          </Group>
          <Progress
            value={percentage}
            size="lg"
            striped={!finished}
            animated={job.status === 'running'}
            color={job.status === 'failed' ? 'red' : job.status === 'completed' ? 'teal' : 'blue'}
            aria-label={t('progress.title')}
            transitionDuration={400}
          />
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Stat
              label={t('progress.agent')}
              value={runningAgentNames(progress?.running_agents ?? [], i18n.language) || '—'}
              testId="progress-agent"
            />
            <Stat
              label={t('jobs.progress')}
              value={t('progress.step', {
                done: progress?.completed_steps ?? 0,
                total: progress?.total_steps ?? 0,
              })}
              testId="progress-step"
            />
            <Stat label={t('progress.elapsed')} value={formatElapsed(elapsed)} testId="progress-elapsed" />
            <Stat
              label={t('progress.tokens')}
              value={formatNumber(job.token_usage.total_tokens)}
              testId="progress-tokens"
            />
            <Stat label={t('progress.cost')} value={formatCostFigure(cost)} testId="progress-cost" />
          </SimpleGrid>
          {costHint && (
            <Text size="sm" c="dimmed" data-testid="progress-cost-unknown">
              {costHint}
            </Text>
          )}
          {line && (
            <Text size="sm" c="dimmed" data-testid="progress-message">
              {line}
            </Text>
          )}
          {offline && (
            <Alert
              color="yellow"
              icon={<IconPlugConnectedX size={18} />}
              data-testid="progress-waiting"
              role="status"
            >
              {t('progress.waitingConnection')}
            </Alert>
          )}
          {isRetrying(job) && (
            <Alert
              color="orange"
              icon={<IconRefresh size={18} />}
              data-testid="progress-retrying"
              role="status"
            >
              {t('progress.retrying')}
            </Alert>
          )}
          {!connected && !finished && (
            <Alert color="gray" icon={<IconAlertTriangle size={18} />} role="status">
              {t('progress.streamLost')}
            </Alert>
          )}
          {job.status === 'completed' && (
            <Alert color="teal" icon={<IconCheck size={18} />} data-testid="progress-completed">
              {t('progress.completed')}
            </Alert>
          )}
          {job.status === 'failed' && <JobFailure job={job} />}
          <Text size="xs" c="dimmed">
            {t('progress.closeHint')}
          </Text>
          <Group justify="flex-end">
            {!finished && (
              <Button
                variant="light"
                color="red"
                onClick={() => void cancel()}
                loading={cancelling}
                data-testid="progress-cancel"
              >
                {cancelling ? t('progress.cancelRequested') : t('progress.cancelJob')}
              </Button>
            )}
            {job.status === 'failed' && jobHasPlan(job) && (
              // The audit blocked the plan: it was saved for review, and the coach can approve it there.
              <Button
                variant="light"
                onClick={() => {
                  onComplete(job);
                  onClose();
                }}
                data-testid="progress-review-plan"
              >
                {t('delivery.reviewPlan')}
              </Button>
            )}
            <Button variant={finished ? 'filled' : 'default'} onClick={onClose} data-testid="progress-close">
              {job.status === 'completed' ? t('progress.openPlan') : t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
