import type { GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { failedPatch } from './failed-patch';
import { updateJob, updateOwnedJob, type JobCollection } from './job-update';

export interface RenewResult {
  /** False: the lease is gone (expired and taken, cancelled, timed out) — stop working on the job. */
  owned: boolean;
  cancelRequested: boolean;
}

/** Heartbeat: pushes the lease forward and tells the worker whether a cancel was asked for. */
export async function renewLease(
  jobs: JobCollection,
  jobId: string,
  token: string,
  leaseMs: number,
  now = new Date(),
): Promise<RenewResult> {
  const job = await updateOwnedJob(
    jobs,
    jobId,
    token,
    (current) => ({
      lease: current.lease && { ...current.lease, expires_at: new Date(now.getTime() + leaseMs) },
    }),
    now,
  );
  return { owned: job !== null, cancelRequested: job?.cancel_requested ?? false };
}

/**
 * Jobs whose worker vanished (killed, laptop asleep, machine lost) go back to `pending` and resume
 * from their last checkpoint; one that keeps losing its worker fails after `max_attempts`.
 * Any instance may run this: the compare-and-set makes it safe to run everywhere at once.
 */
export async function recoverExpiredLeases(jobs: JobCollection, now = new Date()): Promise<GenerationJob[]> {
  const expired = { status: 'running' as const, 'lease.expires_at': { $lt: now } };
  const stale = await jobs
    .find(expired, { projection: { _id: 1 } })
    .limit(100)
    .toArray();
  const recovered: GenerationJob[] = [];
  for (const { _id } of stale) {
    const job = await updateJob(
      jobs,
      _id,
      expired,
      (current) => {
        const owner = current.lease?.owner ?? 'desconocido';
        if (current.cancel_requested) {
          return failedPatch(current, {
            reason: 'cancelled',
            message: 'Cancelado por el usuario',
            now,
            event: 'cancelled',
            logMessage: 'Cancelado (el proceso que lo ejecutaba se perdió)',
          });
        }
        if (current.attempts >= current.max_attempts) {
          return failedPatch(current, {
            reason: 'worker_lost',
            message: `El proceso que ejecutaba el job se perdió ${current.attempts} veces; no se reintenta más.`,
            now,
            logMessage: `Lease expirado (${owner}); sin intentos restantes`,
          });
        }
        return {
          status: 'pending',
          lease: null,
          run_after: now,
          progress: { ...current.progress, message: 'Reanudando tras una interrupción…' },
          execution_log: appendLog(
            current.execution_log,
            logEntry(
              'lease_expired',
              `Lease de ${owner} expirado; vuelve a la cola desde el último paso completado`,
              now,
            ),
          ),
        };
      },
      () => now,
    );
    if (job) recovered.push(job);
  }
  return recovered;
}
