import type { GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { failedPatch } from './failed-patch';
import { updateJob, updateOwnedJob, type JobCollection } from './job-update';

export const CANCEL_MESSAGE = 'Cancelado por el usuario';

export type CancelOutcome =
  | { outcome: 'cancelled'; job: GenerationJob }
  | { outcome: 'cancel_requested'; job: GenerationJob }
  | { outcome: 'not_cancellable'; job: GenerationJob }
  | { outcome: 'not_found' };

/**
 * Cancel = `failed` with `error_reason: "cancelled"`, so clients of the original API never see an
 * unknown status. A pending job is cancelled at once; a running one is flagged and its worker
 * aborts it (it sees the flag at its next heartbeat, or at once when the host tells it).
 */
export async function cancelJob(
  jobs: JobCollection,
  jobId: string,
  now = new Date(),
): Promise<CancelOutcome> {
  const pending = await updateJob(
    jobs,
    jobId,
    { status: 'pending' },
    (job) => failedPatch(job, { reason: 'cancelled', message: CANCEL_MESSAGE, now, event: 'cancelled' }),
    () => now,
  );
  if (pending) return { outcome: 'cancelled', job: pending };
  const running = await updateJob(
    jobs,
    jobId,
    { status: 'running' },
    (job) =>
      job.cancel_requested
        ? null
        : {
            cancel_requested: true,
            progress: { ...job.progress, message: 'Cancelando…' },
            execution_log: appendLog(
              job.execution_log,
              logEntry('cancel_requested', 'Cancelación solicitada', now),
            ),
          },
    () => now,
  );
  if (running) return { outcome: 'cancel_requested', job: running };
  const other = await jobs.findOne({ _id: jobId });
  return other ? { outcome: 'not_cancellable', job: other } : { outcome: 'not_found' };
}

/** The worker stopped the run after a cancel request: finish it as cancelled, fenced. */
export async function markCancelled(
  jobs: JobCollection,
  jobId: string,
  token: string,
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => failedPatch(job, { reason: 'cancelled', message: CANCEL_MESSAGE, now, event: 'cancelled' }),
    now,
  );
}
