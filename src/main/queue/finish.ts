import type { FieldError } from '@shared/field-error';
import type { ErrorReason, GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { failedPatch } from './failed-patch';
import { updateOwnedJob, type JobCollection } from './job-update';

export interface JobResultIds {
  training_plan_id: string | null;
  nutrition_plan_id: string | null;
}

/** The plan documents are already saved (idempotently); this flips the job, fenced by the lease. */
export async function completeJob(
  jobs: JobCollection,
  jobId: string,
  token: string,
  result: JobResultIds,
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => ({
      status: 'completed',
      lease: null,
      result,
      completed_at: now,
      waiting_reason: null,
      error_reason: null,
      error_message: null,
      error_fields: [],
      progress: {
        ...job.progress,
        phase: 'done',
        // No agent named as running: updateJob clears them for every job that leaves `running`.
        completed_steps: job.progress.total_steps,
        percentage: 100,
        message: 'Plan generado',
      },
      execution_log: appendLog(job.execution_log, logEntry('completed', 'Job completado', now)),
    }),
    now,
  );
}

/**
 * `fields`: the failure's per-field detail (the job's `error_fields`), e.g. a questionnaire's
 * problems. `result`: plans the run saved although it failed (`audit_blocked`), so they can be opened.
 */
export async function failJob(
  jobs: JobCollection,
  jobId: string,
  token: string,
  reason: ErrorReason,
  message: string,
  now = new Date(),
  fields: readonly FieldError[] = [],
  result: JobResultIds | null = null,
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) =>
      failedPatch(job, {
        reason,
        message,
        fields,
        now,
        result,
        event: reason === 'timeout' ? 'timeout' : 'failed',
      }),
    now,
  );
}

/**
 * A transient failure (LLM errors that outlived the in-call retries, an internal hiccup): back to
 * `pending` after a backoff while attempts remain, else `failed` with the reason.
 */
export async function failOrRetry(
  jobs: JobCollection,
  jobId: string,
  token: string,
  reason: ErrorReason,
  message: string,
  delayMs: number,
  now = new Date(),
  fields: readonly FieldError[] = [],
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => {
      if (job.attempts >= job.max_attempts) {
        return failedPatch(job, {
          reason,
          message,
          fields,
          now,
          logMessage: `${message} (sin intentos restantes)`,
        });
      }
      const seconds = Math.round(delayMs / 1000);
      return {
        status: 'pending',
        lease: null,
        run_after: new Date(now.getTime() + delayMs),
        waiting_reason: 'backoff',
        error_reason: reason,
        error_message: message,
        error_fields: [...fields],
        progress: { ...job.progress, message: `Reintentando en ${seconds} s…` },
        execution_log: appendLog(
          job.execution_log,
          logEntry(
            'retry',
            `${message}; reintento ${job.attempts + 1} de ${job.max_attempts} en ${seconds} s`,
            now,
          ),
        ),
      };
    },
    now,
  );
}
