import { useEffect, useState } from 'react';
import type { PublicJob } from '@shared/job';
import { useClient } from '../api/client-store';

/** Live state of one job: pushed states, never older than the one shown, plus the stream's health. */
export function useJobWatch(jobId: string): { job: PublicJob | null; connected: boolean } {
  const client = useClient();
  const [job, setJob] = useState<PublicJob | null>(null);
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    const stop = client.watchJob(
      jobId,
      (next) => setJob((prev) => (prev && prev.updated_at > next.updated_at ? prev : next)),
      setConnected,
    );
    return stop;
  }, [client, jobId]);
  return { job, connected };
}

/** Re-renders every second while `active`, for elapsed-time displays. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
