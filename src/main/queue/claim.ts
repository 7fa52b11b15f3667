import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { updateJob, type JobCollection } from './job-update';

export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  /** Database time (database-clock.ts): `run_after` and the lease are compared in it. */
  now?: Date;
  /** Whether `now` is the database server's time (recorded on the lease: watchdog.ts trusts only those). */
  serverTime?: boolean;
  /** How many due jobs to try before giving up; others may be taking them at the same time. */
  candidates?: number;
}

/**
 * Takes the oldest due pending job: a compare-and-set from `pending` to `running` with a fresh lease.
 * Two workers, two app instances or two machines on one database never both win the same job.
 */
export async function claimNextJob(
  jobs: JobCollection,
  options: ClaimOptions,
): Promise<GenerationJob | null> {
  const now = options.now ?? new Date();
  // A job waiting for nothing (new, recovered, released, retried by hand) is due whatever the
  // clocks say: comparing its `run_after` with ours would make an instance whose clock is slow
  // ignore it (docs/ARCHITECTURE.md "Time and leases"). Only backoffs and offline waits are timed.
  const due: Filter<GenerationJob> = {
    status: 'pending',
    $or: [{ waiting_reason: null }, { run_after: { $lte: now } }],
  };
  const candidates = await jobs
    .find(due, { projection: { _id: 1 } })
    .sort({ run_after: 1, created_at: 1 })
    .limit(options.candidates ?? 10)
    .toArray();
  for (const { _id } of candidates) {
    const claimed = await updateJob(
      jobs,
      _id,
      due,
      (job) => ({
        status: 'running',
        lease: {
          owner: options.owner,
          token: randomUUID(),
          expires_at: new Date(now.getTime() + options.leaseMs),
          run_ms: 0,
          server_time: options.serverTime ?? false,
        },
        attempts: job.attempts + 1,
        started_at: job.started_at ?? now,
        attempt_started_at: now,
        waiting_reason: null,
        progress: {
          ...job.progress,
          message: job.progress.completed_steps > 0 ? 'Reanudando…' : 'Iniciando…',
        },
        execution_log: appendLog(
          job.execution_log,
          logEntry('started', `Intento ${job.attempts + 1} de ${job.max_attempts} (${options.owner})`, now),
        ),
      }),
      () => now,
    );
    if (claimed) return claimed;
  }
  return null;
}
