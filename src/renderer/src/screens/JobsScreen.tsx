import { Anchor, Button, Group, Paper, Progress, Select, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType, type PublicJob } from '@shared/job';
import { useClient } from '../api/client-store';
import { JobStatusBadge } from '../components/JobStatusBadge';
import { WorkerPanel } from '../components/WorkerPanel';
import { errorText } from '../components/error-text';
import { formatDateTime, formatNumber } from '../format';
import { useGenerationStore } from '../stores/generation-store';

const PAGE = 200;
const ROW_HEIGHT = 52;
const COLUMNS = '1.3fr 1fr 1.2fr 1.4fr 1.2fr 1.2fr';

interface Filters {
  status: JobStatus | null;
  type: JobType | null;
  userId: string;
}

/** One job row; the virtualiser positions it. */
function JobRow({
  job,
  onAction,
}: {
  job: PublicJob;
  onAction(kind: 'cancel' | 'retry' | 'view', job: PublicJob): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const active = job.status === 'pending' || job.status === 'running';
  return (
    <>
      <div role="cell">{formatDateTime(job.created_at)}</div>
      <div role="cell">
        <Text size="sm" lineClamp={2} title={t(`generate.types.${job.type}`)}>
          {t(`generate.types.${job.type}`)}
        </Text>
      </div>
      <div role="cell">
        <Anchor component={Link} to={`/clients/${encodeURIComponent(job.user_id)}`} size="sm" lineClamp={1}>
          {job.user_id}
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
      <div role="cell">
        <Group gap={4} wrap="nowrap">
          {job.status === 'completed' ? (
            <Button
              size="compact-xs"
              variant="subtle"
              component={Link}
              to={`/plan/${encodeURIComponent(job._id)}`}
            >
              {t('common.open')}
            </Button>
          ) : (
            <Button size="compact-xs" variant="subtle" onClick={() => onAction('view', job)}>
              {t('jobs.view')}
            </Button>
          )}
          {active && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => onAction('cancel', job)}
              data-testid="job-cancel"
            >
              {t('jobs.cancel')}
            </Button>
          )}
          {job.status === 'failed' && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onAction('retry', job)}
              data-testid="job-retry"
            >
              {t('jobs.retry')}
            </Button>
          )}
        </Group>
      </div>
    </>
  );
}

/** Trabajos: the whole queue, virtualised and paged on demand (smooth with 10 000 jobs), live. */
export function JobsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const showProgress = useGenerationStore((s) => s.show);
  const [filters, setFilters] = useState<Filters>({ status: null, type: null, userId: '' });
  const [userId] = useDebouncedValue(filters.userId, 300);
  const [total, setTotal] = useState(0);
  const [pages, setPages] = useState<Map<number, PublicJob[]>>(new Map());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);

  const fetchPage = useCallback(
    async (index: number, force = false) => {
      if (loading.current.has(index) && !force) return;
      loading.current.add(index);
      const gen = generation.current;
      try {
        const page = await api.listJobs({
          status: filters.status ?? undefined,
          type: filters.type ?? undefined,
          user_id: userId.trim() || undefined,
          limit: PAGE,
          offset: index * PAGE,
        });
        if (gen !== generation.current) return;
        setTotal(page.total);
        setPages((prev) => new Map(prev).set(index, page.items));
      } catch (error) {
        notifications.show({ color: 'red', message: errorText(error, t) });
      } finally {
        loading.current.delete(index);
      }
    },
    [api, filters.status, filters.type, userId, t],
  );

  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setPages(new Map());
    void fetchPage(0, true);
  }, [fetchPage]);

  useEffect(
    () =>
      api.watchJobs((job) => {
        setPages((prev) => {
          for (const [index, items] of prev) {
            const at = items.findIndex((j) => j._id === job._id);
            if (at >= 0) {
              const next = new Map(prev);
              next.set(
                index,
                items.map((j, i) => (i === at ? job : j)),
              );
              return next;
            }
          }
          // A job this list has not seen: reload the first page so it appears at the top.
          void fetchPage(0, true);
          return prev;
        });
      }),
    [api, fetchPage],
  );

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();

  useEffect(() => {
    const needed = new Set(virtualRows.map((row) => Math.floor(row.index / PAGE)));
    for (const index of needed) if (!pages.has(index)) void fetchPage(index);
  }, [virtualRows, pages, fetchPage]);

  async function onAction(kind: 'cancel' | 'retry' | 'view', job: PublicJob): Promise<void> {
    if (kind === 'view') return showProgress(job._id);
    try {
      const updated = kind === 'cancel' ? await api.cancelJob(job._id) : await api.retryJob(job._id);
      setPages((prev) => {
        const next = new Map(prev);
        for (const [index, items] of prev)
          next.set(
            index,
            items.map((j) => (j._id === updated._id ? updated : j)),
          );
        return next;
      });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('jobs.title')}
        </Title>
        <Text c="dimmed" size="sm" data-testid="jobs-total">
          {t('jobs.total', { count: total })}
        </Text>
      </Group>
      <WorkerPanel />
      <Group my="md" align="flex-end">
        <Select
          label={t('jobs.filterStatus')}
          placeholder={t('common.all')}
          clearable
          value={filters.status}
          onChange={(v) => setFilters((f) => ({ ...f, status: (v as JobStatus | null) ?? null }))}
          data={JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
          data-testid="jobs-filter-status"
        />
        <Select
          label={t('jobs.filterType')}
          placeholder={t('common.all')}
          clearable
          value={filters.type}
          onChange={(v) => setFilters((f) => ({ ...f, type: (v as JobType | null) ?? null }))}
          data={JOB_TYPES.map((s) => ({ value: s, label: t(`generate.types.${s}`) }))}
        />
        <TextInput
          label={t('jobs.filterClient')}
          value={filters.userId}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setFilters((f) => ({ ...f, userId: value }));
          }}
        />
      </Group>
      <Paper withBorder role="table" aria-rowcount={total} data-testid="jobs-table">
        <div role="row" className="jobs-row jobs-head" style={{ gridTemplateColumns: COLUMNS }}>
          {(['created', 'type', 'client', 'progress', 'status', 'actions'] as const).map((key) => (
            <div role="columnheader" key={key}>
              {t(`jobs.${key}`)}
            </div>
          ))}
        </div>
        <div ref={scroller} className="jobs-scroller" tabIndex={0} aria-label={t('jobs.title')}>
          {total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('jobs.empty')}
            </Text>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((row) => {
              const job = pages.get(Math.floor(row.index / PAGE))?.[row.index % PAGE];
              return (
                <div
                  key={row.key}
                  role="row"
                  aria-rowindex={row.index + 2}
                  className="jobs-row"
                  data-testid={job ? 'job-row' : undefined}
                  style={{
                    gridTemplateColumns: COLUMNS,
                    height: ROW_HEIGHT,
                    transform: `translateY(${row.start}px)`,
                  }}
                >
                  {job ? (
                    <JobRow job={job} onAction={(k, j) => void onAction(k, j)} />
                  ) : (
                    <div role="cell">…</div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </Paper>
    </>
  );
}
