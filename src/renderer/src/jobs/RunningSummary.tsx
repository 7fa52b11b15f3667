import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunningByInstance } from '@shared/ipc-contract';

/**
 * "En curso: 3 — portatil (esta): 2 · consulta-2: 1 · En cola: 4": the running jobs overall and per
 * instance, and the queue, as the host counts them for the whole clinic.
 */
export function RunningSummary({ running }: { running: RunningByInstance | null }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group
      component="section"
      gap="xs"
      aria-label={t('instances.summaryLabel')}
      data-testid="jobs-running-summary"
      mt="sm"
    >
      <Text fw={600} size="sm" data-testid="jobs-running-total">
        {t('instances.runningTotal', { count: running?.running_total ?? 0 })}
      </Text>
      {running && running.by_instance.length > 0 && (
        <Text size="sm" aria-hidden c="dimmed">
          —
        </Text>
      )}
      {running && running.by_instance.length > 0 && (
        <Group component="ul" gap={6} className="instance-list" aria-label={t('instances.column')}>
          {running.by_instance.map((row, i) => (
            <Text component="li" size="sm" key={row.instance}>
              {i > 0 && <span aria-hidden>· </span>}
              <span data-testid="jobs-running-instance" data-instance={row.instance}>
                {t(
                  row.instance === running.this_instance
                    ? 'instances.perInstanceThis'
                    : 'instances.perInstance',
                  { name: row.instance, count: row.running },
                )}
              </span>
            </Text>
          ))}
        </Group>
      )}
      <Text size="sm" aria-hidden c="dimmed">
        ·
      </Text>
      <Text size="sm" data-testid="jobs-pending-total">
        {t('instances.pendingTotal', { count: running?.pending_total ?? 0 })}
      </Text>
    </Group>
  );
}
