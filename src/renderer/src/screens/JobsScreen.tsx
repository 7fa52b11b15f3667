import { Group, Paper, Select, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType, type PublicJob } from '@shared/job';
import { useClient } from '../api/client-store';
import { useClientNames } from '../clients/useClientNames';
import { WorkerPanel } from '../components/WorkerPanel';
import { errorText } from '../components/error-text';
import { ClientFilter } from '../jobs/ClientFilter';
import { JobRow, type JobAction } from '../jobs/JobRow';
import { RunningSummary } from '../jobs/RunningSummary';
import { useWorkerOverview } from '../jobs/useWorkerOverview';
import {
  applyJobUpdate,
  EMPTY_VIEW,
  jobAt,
  markStale,
  mayJoinView,
  mergeFetchedRows,
  pageNeedsFetch,
  withFetchedPage,
  type JobFilters,
  type JobsView,
} from '../jobs/job-pages';
import { useGenerationStore } from '../stores/generation-store';

const PAGE = 200;
const ROW_HEIGHT = 52;
const COLUMNS = '1.2fr 0.9fr 1.1fr 1.3fr 1.1fr 1fr 1.2fr';
/** A job that may have joined the list: the pages on screen are fetched again after this pause. */
const REFRESH_DELAY_MS = 300;
/** Pushed job states remembered to correct pages fetched while they arrived. */
const PUSHED_KEPT = 500;

/** Trabajos: the whole queue, virtualised and paged on demand (smooth with 10 000 jobs), live. */
export function JobsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const showProgress = useGenerationStore((s) => s.show);
  const worker = useWorkerOverview(api);
  const { refreshSoon } = worker;
  const [filters, setFilters] = useState<JobFilters>({ status: null, type: null, userId: null });
  const [view, setView] = useState<JobsView>(EMPTY_VIEW);
  const total = view.total;
  /** The latest view and filters, for event handlers (never written from a state updater). */
  const viewRef = useRef(view);
  const filtersRef = useRef(filters);
  /** Page index → token of its request in flight. */
  const loading = useRef(new Map<number, number>());
  const requests = useRef(0);
  const generation = useRef(0);
  const pushed = useRef(new Map<string, PublicJob>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    viewRef.current = view;
    filtersRef.current = filters;
  }, [view, filters]);

  const fetchPage = useCallback(
    async (index: number) => {
      if (loading.current.has(index)) return;
      const token = ++requests.current;
      loading.current.set(index, token);
      const gen = generation.current;
      const epoch = viewRef.current.epoch;
      try {
        const page = await api.listJobs({
          status: filters.status ?? undefined,
          type: filters.type ?? undefined,
          user_id: filters.userId ?? undefined,
          limit: PAGE,
          offset: index * PAGE,
        });
        if (gen !== generation.current) return;
        // States pushed while the request was in flight are newer than what it read.
        const rows = mergeFetchedRows(page.items, pushed.current, filters);
        setView((v) => withFetchedPage(v, index, rows, page.total, epoch));
      } catch (error) {
        if (gen === generation.current) notifications.show({ color: 'red', message: errorText(error, t) });
      } finally {
        if (loading.current.get(index) === token) loading.current.delete(index);
      }
    },
    [api, filters, t],
  );

  // New filters: a new list, from its first page (fetched by the effect below).
  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setView(EMPTY_VIEW);
  }, [api, filters]);

  /** A job may have joined the list: fetch the pages on screen again, once per burst of events. */
  const scheduleRefresh = useCallback(() => {
    if (refreshTimer.current !== null) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      setView(markStale);
    }, REFRESH_DELAY_MS);
  }, []);
  useEffect(
    () => () => {
      if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
    },
    [],
  );

  /** One new state of a job (pushed, or returned by cancel/retry) applied to the list. */
  const applyJob = useCallback(
    (job: PublicJob) => {
      pushed.current.delete(job._id);
      pushed.current.set(job._id, job);
      if (pushed.current.size > PUSHED_KEPT) {
        const oldest = pushed.current.keys().next().value;
        if (oldest !== undefined) pushed.current.delete(oldest);
      }
      const current = filtersRef.current;
      if (mayJoinView(viewRef.current, job, current)) scheduleRefresh();
      else setView((v) => applyJobUpdate(v, job, current, PAGE));
      // The counts per instance are the host's (every instance's jobs): read again after a burst.
      refreshSoon();
    },
    [scheduleRefresh, refreshSoon],
  );

  useEffect(() => api.watchJobs(applyJob), [api, applyJob]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();

  // The pages on screen (the first one while the list is empty) that are missing, short or stale.
  useEffect(() => {
    const needed = new Set(virtualRows.map((row) => Math.floor(row.index / PAGE)));
    if (needed.size === 0) needed.add(0);
    for (const index of needed) if (pageNeedsFetch(view, index, PAGE)) void fetchPage(index);
  }, [virtualRows, view, fetchPage]);

  const shown = virtualRows.map((row) => jobAt(view, row.index, PAGE));
  const clientName = useClientNames(shown.flatMap((job) => (job ? [job.user_id] : [])));

  async function onAction(kind: JobAction, job: PublicJob): Promise<void> {
    if (kind === 'view') return showProgress(job._id);
    try {
      applyJob(kind === 'cancel' ? await api.cancelJob(job._id) : await api.retryJob(job._id));
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
      <WorkerPanel overview={worker.overview} setOverview={worker.set} />
      <RunningSummary running={worker.overview?.running ?? null} />
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
        <ClientFilter value={filters.userId} onChange={(userId) => setFilters((f) => ({ ...f, userId }))} />
      </Group>
      <Paper withBorder role="table" aria-rowcount={total} data-testid="jobs-table">
        <div role="rowgroup">
          <div role="row" className="jobs-row jobs-head" style={{ gridTemplateColumns: COLUMNS }}>
            {(['created', 'type', 'client', 'progress', 'status', 'instance', 'actions'] as const).map(
              (key) => (
                <div role="columnheader" key={key}>
                  {key === 'instance' ? t('instances.column') : t(`jobs.${key}`)}
                </div>
              ),
            )}
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          className="jobs-scroller"
          tabIndex={0}
          aria-label={t('jobs.title')}
        >
          {total === 0 && (
            <div role="row">
              <Text role="cell" c="dimmed" ta="center" py="lg">
                {t('jobs.empty')}
              </Text>
            </div>
          )}
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((row, i) => {
              const job = shown[i];
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
                    <JobRow
                      job={job}
                      clientName={clientName(job.user_id)}
                      thisInstance={worker.overview?.running.this_instance ?? null}
                      onAction={(k, j) => void onAction(k, j)}
                    />
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
