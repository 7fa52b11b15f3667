import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkerAndInstances } from '@shared/ipc-contract';
import type { CoachClient } from '../api/coach-client';

/** The worker's state is read again this often (it has no event over HTTP). */
const POLL_MS = 3000;
/** After a job event, the counts are read again once per burst, this long after its first event. */
const AFTER_EVENT_MS = 400;

export interface WorkerOverviewState {
  overview: WorkerAndInstances | null;
  /** Replace it with an answer the screen already has (a restart's). */
  set(overview: WorkerAndInstances): void;
  /** A job changed somewhere: read the counts again soon (debounced). */
  refreshSoon(): void;
}

/**
 * The worker and where the clinic's jobs run (per instance, from the host's use case): read on
 * mount, every few seconds, and shortly after job events, so the counts follow jobs that other
 * instances run without the screen counting them itself.
 */
export function useWorkerOverview(api: CoachClient): WorkerOverviewState {
  const [overview, setOverview] = useState<WorkerAndInstances | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);
  /** Answers are applied in request order: a slow older answer never replaces a newer one. */
  const requests = useRef(0);

  const load = useCallback(() => {
    const token = ++requests.current;
    void api.getWorker().then(
      (o) => {
        if (live.current && token === requests.current) setOverview(o);
      },
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    live.current = true;
    load();
    const poll = setInterval(load, POLL_MS);
    return () => {
      live.current = false;
      clearInterval(poll);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [load]);

  const refreshSoon = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      load();
    }, AFTER_EVENT_MS);
  }, [load]);

  const set = useCallback((o: WorkerAndInstances) => {
    ++requests.current;
    setOverview(o);
  }, []);

  return { overview, set, refreshSoon };
}
