import type { GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { updateOwnedJob, type JobCollection } from './job-update';

/**
 * Graceful shutdown: the worker stopped the job after its last checkpoint; give it back to the queue
 * at once (no waiting for the lease to expire) without spending the attempt.
 */
export async function releaseOnShutdown(
  jobs: JobCollection,
  jobId: string,
  token: string,
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => ({
      status: 'pending',
      lease: null,
      attempts: Math.max(0, job.attempts - 1),
      run_after: now,
      progress: { ...job.progress, message: 'En pausa: se reanudará al volver a abrir la aplicación' },
      execution_log: appendLog(
        job.execution_log,
        logEntry('released', 'Liberado al cerrar la aplicación', now),
      ),
    }),
    now,
  );
}
