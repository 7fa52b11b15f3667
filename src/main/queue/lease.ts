import type { Filter } from 'mongodb';
import type { GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { failedPatch } from './failed-patch';
import type { QueueClock } from './database-clock';
import { updateJob, updateOwnedJob, type JobCollection } from './job-update';
import type { LeaseObserver } from './lease-observer';

export interface RenewResult {
  /** False: the lease is gone (expired and taken, cancelled, timed out) — stop working on the job. */
  owned: boolean;
  cancelRequested: boolean;
}

/**
 * Heartbeat: pushes the lease forward (strictly: observers read "unchanged" as "no heartbeat"),
 * records how long the owner has been running the attempt (`runMs`, its own monotonic measure, for
 * the watchdog) and tells the worker whether a cancel was asked for.
 */
export async function renewLease(
  jobs: JobCollection,
  jobId: string,
  token: string,
  leaseMs: number,
  now = new Date(),
  runMs?: number,
): Promise<RenewResult> {
  const job = await updateOwnedJob(
    jobs,
    jobId,
    token,
    (current) => ({
      lease: current.lease && {
        ...current.lease,
        expires_at: new Date(Math.max(now.getTime() + leaseMs, current.lease.expires_at.getTime() + 1)),
        ...(runMs === undefined ? {} : { run_ms: Math.round(runMs) }),
      },
    }),
    now,
  );
  return { owned: job !== null, cancelRequested: job?.cancel_requested ?? false };
}

export interface LeaseRecoveryOptions {
  clock: QueueClock;
  /** This process's record of when each lease last changed. */
  observer: LeaseObserver;
  leaseMs: number;
}

/**
 * Jobs whose worker vanished (killed, laptop asleep, machine lost) go back to `pending` and resume
 * from their last checkpoint; one that keeps losing its worker fails after `max_attempts`.
 * A lease counts as expired once this process has seen it without a heartbeat for a whole lease
 * period (and, when the server gives its time, its deadline has passed): no two machines' clocks
 * are ever compared. Any instance may run this: the compare-and-set, guarded by the very lease it
 * saw, makes it safe everywhere at once and loses to a heartbeat that lands in between.
 */
export async function recoverExpiredLeases(
  jobs: JobCollection,
  options: LeaseRecoveryOptions,
): Promise<GenerationJob[]> {
  const { clock, observer, leaseMs } = options;
  const now = clock.now();
  const running = await jobs
    .find({ status: 'running' }, { projection: { _id: 1, lease: 1 } })
    .limit(1_000)
    .toArray();
  observer.looked(leaseMs);
  observer.retainOnly(new Set(running.map(({ _id }) => _id)));
  const stale = running.flatMap(({ _id, lease }): Array<{ _id: string; guard: Filter<GenerationJob> }> => {
    if (!lease) return [{ _id, guard: { status: 'running', lease: null } }];
    const silent = observer.silentFor(_id, lease);
    // With the server's clock the lease's own deadline must have passed too; without it, only
    // this process's monotonic observation counts (a skewed writer's expires_at means nothing).
    const pastDeadline =
      !clock.serverTime || lease.server_time !== true || lease.expires_at.getTime() < now.getTime();
    if (silent < leaseMs || !pastDeadline) return [];
    return [
      {
        _id,
        guard: { status: 'running', 'lease.token': lease.token, 'lease.expires_at': lease.expires_at },
      },
    ];
  });
  const recovered: GenerationJob[] = [];
  for (const { _id, guard } of stale) {
    const job = await updateJob(
      jobs,
      _id,
      guard,
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
