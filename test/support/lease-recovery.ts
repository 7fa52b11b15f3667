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
  // Looks a quarter of a lease apart, as a polling instance makes them (a single jump would read
  // as a blind spot and start the count again: lease-observer.ts `looked`).
  for (let quarter = 0; quarter < 4; quarter++) {
    monotonic = (quarter * leaseMs) / 4;
    await recoverExpiredLeases(jobs, options);
  }
  monotonic = leaseMs + 1;
  return recoverExpiredLeases(jobs, options);
}
