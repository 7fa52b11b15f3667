import { UNRETRYABLE_REASONS, type ErrorReason, type PublicJob } from '@shared/job';

/*
 * When Trabajos offers "Reintentar". The server (queue/retry.ts, `POST /admin/jobs/{id}/retry`, IPC
 * `retryJob`) accepts any failed job except one whose plan its audit blocked (`UNRETRYABLE_REASONS`),
 * and answers `job_not_retryable` otherwise. Whether a retry can *help* is the UI's judgement, so the
 * rest of the rule lives here.
 *
 * A retry runs the same job again: the same stored questionnaire (`submission_id`, which this app
 * never edits: a corrected questionnaire is a new submission) and the agents' saved checkpoints.
 */

/**
 * Failures a retry would only repeat: the questionnaire stored for the job is invalid or needs a
 * professional's review (the pipeline re-validates and re-screens that same document), or the
 * finished plan was blocked by its audit (kept checkpoints give the same plan). The way out is a new
 * questionnaire and a new job.
 */
const REPEATS_ON_RETRY: ReadonlySet<ErrorReason> = new Set<ErrorReason>([
  'validation_error',
  'screening_required',
  ...UNRETRYABLE_REASONS,
]);

/**
 * True when the server would accept a retry (the job failed) and running it again can succeed:
 * timeouts, LLM outages and errors (often fixed in Ajustes: API key, model), invalid model output,
 * a lost worker, an internal error, or a job the coach cancelled.
 */
export function retryCanHelp(job: Pick<PublicJob, 'status' | 'error_reason'>): boolean {
  if (job.status !== 'failed') return false;
  return job.error_reason === null || !REPEATS_ON_RETRY.has(job.error_reason);
}

/** A failure fixed with a new questionnaire for the client (not with a retry). */
export function needsNewQuestionnaire(job: Pick<PublicJob, 'status' | 'error_reason'>): boolean {
  return (
    job.status === 'failed' &&
    (job.error_reason === 'validation_error' || job.error_reason === 'screening_required')
  );
}
