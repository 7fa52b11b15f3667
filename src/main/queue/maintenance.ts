import type { GenerationJob } from '@shared/job';
import type { QueueClock } from './database-clock';
import type { JobCollection } from './job-update';
import { recoverExpiredLeases } from './lease';
import type { LeaseObserver } from './lease-observer';
import { failOverdueJobs } from './watchdog';

export interface QueueMaintenanceOptions {
  clock: QueueClock;
  observer: LeaseObserver;
  leaseMs: number;
  /** The limit for jobs created before `timeout_ms` was stored on them. */
  defaultTimeoutMs: number;
  graceMs: number;
}

export interface MaintenanceOutcome {
  /** Back to `pending` (or `failed` when out of attempts / cancelled) after their worker vanished. */
  recovered: GenerationJob[];
  /** Failed with `timeout` by the sweep. */
  timedOut: GenerationJob[];
}

/**
 * The shared queue's self-healing, run by every worker's poll and by every host (so a hung or
 * absent worker cannot leave jobs `running`): expired leases first, then overdue jobs.
 */
export async function maintainQueue(
  jobs: JobCollection,
  options: QueueMaintenanceOptions,
): Promise<MaintenanceOutcome> {
  const recovered = await recoverExpiredLeases(jobs, options);
  const timedOut = await failOverdueJobs(jobs, options);
  return { recovered, timedOut };
}

/** The grace the sweep gives past a job's limit when none is configured: the owner's timer fires first. */
export function defaultWatchdogGraceMs(leaseMs: number): number {
  return Math.max(leaseMs, 5_000);
}
