import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkerAndInstances } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { errorText } from './error-text';

function Figure({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | number;
  testId?: string;
}): React.JSX.Element {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/**
 * Worker status (state, concurrency, running, queue depth, restarts) with a restart button. The
 * screen reads the overview (`useWorkerOverview`) and hands it in, with where to put a restart's.
 */
export function WorkerPanel({
  overview,
  setOverview,
}: {
  overview: WorkerAndInstances | null;
  setOverview(overview: WorkerAndInstances): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [busy, setBusy] = useState(false);

  async function restart(): Promise<void> {
    setBusy(true);
    try {
      setOverview(await api.restartWorker());
      notifications.show({ message: t('jobs.restarted') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  const worker = overview?.worker;
  return (
    <Paper withBorder p="md" data-testid="worker-panel">
      <Group justify="space-between">
        <Group gap="xl">
          <Group gap="xs">
            <Text fw={700}>{t('jobs.worker')}</Text>
            {worker ? (
              <Badge
                color={worker.state === 'running' ? 'teal' : 'yellow'}
                variant="light"
                data-testid="worker-state"
              >
                {t(`jobs.workerState.${worker.state}`)}
              </Badge>
            ) : (
              <Badge color="gray">{overview ? t('jobs.workerNone') : t('common.loading')}</Badge>
            )}
          </Group>
          <Figure
            label={t('jobs.concurrency')}
            value={worker?.concurrency ?? '—'}
            testId="worker-concurrency"
          />
          <Figure label={t('jobs.runningJobs')} value={overview?.jobs.running ?? '—'} />
          <Figure label={t('jobs.queueDepth')} value={overview?.jobs.pending ?? '—'} />
          <Figure label={t('jobs.restarts')} value={worker?.restarts ?? '—'} testId="worker-restarts" />
        </Group>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={() => void restart()}
          loading={busy}
          disabled={!worker}
        >
          {t('jobs.restart')}
        </Button>
      </Group>
    </Paper>
  );
}
