import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthResponse } from '@shared/api';
import { fetchServerHealth } from '../api/http-transport';
import { errorText } from '../components/error-text';
import { formatDateTime, formatNumber } from '../format';

/** One term and its value of a definition list. */
function Fact({
  term,
  children,
  testId,
}: {
  term: string;
  children: React.ReactNode;
  testId?: string;
}): React.JSX.Element {
  return (
    <div className="server-fact">
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** A titled group of facts (a heading and its definition list). */
function FactGroup({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
}): React.JSX.Element {
  return (
    <section data-testid={testId}>
      <Title order={4} size="h5" mb={4}>
        {title}
      </Title>
      <dl className="server-facts">{children}</dl>
    </section>
  );
}

/** The server's state (GET /health with the admin token) in words: no raw JSON. */
export function ServerStatusView({ health }: { health: HealthResponse }): React.JSX.Element {
  const { t } = useTranslation();
  const yesNo = (value: boolean): string => t(value ? 'instances.server.yes' : 'instances.server.no');
  const ms = (value: number | null): string =>
    value === null ? '—' : t('instances.server.latency', { ms: formatNumber(value) });
  const { database: db, worker, llm, clock } = health;
  return (
    <Stack gap="md" data-testid="server-status">
      <Group gap="sm">
        <Text size="sm" fw={600} id="server-overall-label">
          {t('instances.server.overallLabel')}
        </Text>
        <Badge
          color={health.status === 'ok' ? 'teal' : 'red'}
          variant="light"
          size="lg"
          aria-describedby="server-overall-label"
          data-testid="server-overall"
          data-status={health.status}
        >
          {t(`instances.server.overall.${health.status}`)}
        </Badge>
      </Group>
      <dl className="server-facts">
        <Fact term={t('instances.server.version')} testId="server-version">
          {health.version}
        </Fact>
        <Fact term={t('instances.server.instance')} testId="server-instance">
          {health.instance}
        </Fact>
      </dl>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <FactGroup title={t('instances.server.database.title')} testId="server-database">
          <Fact term={t('instances.server.database.mode')}>
            {t(`instances.server.database.modes.${db.mode}`)}
          </Fact>
          <Fact term={t('instances.server.database.reachable')}>{yesNo(db.ok)}</Fact>
          <Fact term={t('instances.server.database.latency')}>{ms(db.latency_ms)}</Fact>
          {db.error && <Fact term={t('instances.server.database.error')}>{db.error}</Fact>}
        </FactGroup>
        <FactGroup title={t('instances.server.worker.title')} testId="server-worker">
          {worker ? (
            <>
              <Fact term={t('instances.server.worker.state')} testId="server-worker-state">
                {t(`instances.server.worker.states.${worker.state}`)}
              </Fact>
              <Fact term={t('instances.server.worker.pid')}>{worker.pid ?? '—'}</Fact>
              <Fact term={t('instances.server.worker.concurrency')}>{worker.concurrency ?? '—'}</Fact>
              <Fact term={t('instances.server.worker.running')}>{worker.running_jobs.length}</Fact>
              <Fact term={t('instances.server.worker.restarts')}>{worker.restarts}</Fact>
              <Fact term={t('instances.server.worker.lastExit')}>
                {worker.last_exit
                  ? t('instances.server.worker.lastExitValue', {
                      reason: worker.last_exit.reason,
                      time: formatDateTime(worker.last_exit.at),
                    })
                  : t('instances.server.worker.lastExitNone')}
              </Fact>
              <Fact term={t('instances.server.worker.nextRestart')}>
                {worker.next_restart_at
                  ? formatDateTime(worker.next_restart_at)
                  : t('instances.server.worker.nextRestartNone')}
              </Fact>
            </>
          ) : (
            <Fact term={t('instances.server.worker.state')} testId="server-worker-state">
              {t('instances.server.worker.none')}
            </Fact>
          )}
        </FactGroup>
        <FactGroup title={t('instances.server.llm.title')} testId="server-llm">
          <Fact term={t('instances.server.llm.status')} testId="server-llm-status">
            {t(`instances.server.llm.statuses.${llm.status}`)}
          </Fact>
          <Fact term={t('instances.server.llm.endpoint')}>
            {t(`instances.server.llm.endpoints.${llm.endpoint}`)}
          </Fact>
          <Fact term={t('instances.server.llm.key')}>{yesNo(llm.api_key_configured)}</Fact>
          <Fact term={t('instances.server.llm.latency')}>{ms(llm.latency_ms)}</Fact>
          {llm.error && <Fact term={t('instances.server.llm.error')}>{llm.error}</Fact>}
        </FactGroup>
        <FactGroup title={t('instances.server.clock.title')} testId="server-clock">
          <Fact term={t('instances.server.clock.source')} testId="server-clock-source">
            {t(`instances.server.clock.sources.${clock.source}`)}
          </Fact>
          <Fact term={t('instances.server.clock.offset')}>
            {t('instances.server.clock.offsetValue', {
              seconds: formatNumber(clock.offset_ms / 1000, 1),
            })}
          </Fact>
          <Fact term={t('instances.server.clock.syncedAt')}>
            {clock.synced_at ? formatDateTime(clock.synced_at) : t('instances.server.clock.syncedNever')}
          </Fact>
        </FactGroup>
        <FactGroup title={t('instances.server.watch.title')} testId="server-watch">
          <Fact term={t('instances.server.watch.mode')} testId="server-watch-mode">
            {t(`instances.server.watch.modes.${health.job_watch}`)}
          </Fact>
        </FactGroup>
      </SimpleGrid>
    </Stack>
  );
}

/**
 * Browser build: the server's state from `GET /health` (the transport's admin token unlocks the
 * details), readable, with a refresh button.
 */
export function ServerStatusPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const [health, setHealth] = useState<HealthResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      setHealth(await fetchServerHealth());
      setError(null);
      setCheckedAt(new Date());
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="sm" data-testid="settings-health">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('instances.server.title')}
        </Title>
        <Group gap="sm">
          {checkedAt && (
            <Text size="xs" c="dimmed">
              {t('instances.server.checkedAt', { time: formatDateTime(checkedAt) })}
            </Text>
          )}
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} />}
            onClick={() => void load()}
            loading={busy}
            data-testid="server-refresh"
          >
            {t('instances.server.refresh')}
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" data-testid="server-status-error">
          {t('instances.server.failed', { error })}
        </Alert>
      )}
      {health ? (
        <ServerStatusView health={health} />
      ) : (
        !error && <Text size="sm">{t('instances.server.loading')}</Text>
      )}
    </Stack>
  );
}
