import type { GenerationJob } from '../../src/shared/job';
import { LeaseObserver, recoverExpiredLeases, type JobCollection } from '../../src/main/queue';

/**
 * Lease recovery as an instance that watched every running lease stay silent for a whole lease
 * period (src/main/queue/lease-observer.ts), on a server-time clock that reads `at`.
 */
export async function recoverAfterSilence(
  jobs: JobCollection,
  at: Date,
  leaseMs: number,
): Promise<GenerationJob[]> {
  let monotonic = 0;
  const options = {
    clock: { now: () => at, serverTime: true },
    observer: new LeaseObserver(() => monotonic),
    leaseMs,
  };
  await recoverExpiredLeases(jobs, options);
  monotonic = leaseMs + 1;
  return recoverExpiredLeases(jobs, options);
}
