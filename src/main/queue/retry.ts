import { UNRETRYABLE_REASONS, type GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { updateJob, type JobCollection } from './job-update';

/**
 * A coach's manual retry of a failed job (e.g. after fixing the questionnaire or recording a medical
 * clearance): back to `pending` with fresh attempts. Finished agents' checkpoints are kept, so the
 * retry only pays for what had not run. A job whose plan its audit blocked is never retried (null,
 * like any job that is not retryable): the retry would find the same blocked plan under the same id.
 */
export async function retryJob(
  jobs: JobCollection,
  jobId: string,
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateJob(
    jobs,
    jobId,
    { status: 'failed', error_reason: { $nin: [...UNRETRYABLE_REASONS] } },
    (job) => ({
      status: 'pending',
      attempts: 0,
      run_after: now,
      lease: null,
      error_reason: null,
      error_message: null,
      error_fields: [],
      completed_at: null,
      waiting_reason: null,
      offline_waits: 0,
      cancel_requested: false,
      progress: { ...job.progress, message: 'En cola (reintento manual)' },
      execution_log: appendLog(job.execution_log, logEntry('manual_retry', 'Reintento manual', now)),
    }),
    () => now,
  );
}
