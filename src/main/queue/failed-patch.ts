import type { FieldError } from '@shared/field-error';
import type { ErrorReason, GenerationJob } from '@shared/job';
import type { JobResultIds } from './finish';
import { appendLog, logEntry } from './execution-log';
import type { JobPatch } from './job-update';

export interface FailedPatchOptions {
  reason: ErrorReason;
  /** Stored as `error_message` and shown as the progress message: the coach reads it. */
  message: string;
  /** Stored as `error_fields`: the per-field detail of `message`, if the failure has one. */
  fields?: readonly FieldError[];
  now: Date;
  /** Plans the failed run saved anyway (`audit_blocked`: kept for review); the result stays as it was otherwise. */
  result?: JobResultIds | null;
  /** The execution_log event (`failed`, `timeout`, `cancelled`…) and its text, if not the message. */
  event?: string;
  logMessage?: string;
}

/**
 * Every way a job ends in `failed` (error, timeout, cancel, lost worker) writes the same fields, so
 * `GET /jobs/{id}` clients always find `error_reason`, `error_message` and `completed_at` together.
 * `error_fields` is always rewritten (whole, no `$push`: queue writes are full `$set`s), so a new
 * failure never shows the fields of an earlier one.
 */
export function failedPatch(job: GenerationJob, options: FailedPatchOptions): JobPatch {
  return {
    status: 'failed',
    lease: null,
    error_reason: options.reason,
    error_message: options.message,
    error_fields: [...(options.fields ?? [])],
    completed_at: options.now,
    waiting_reason: null,
    progress: { ...job.progress, message: options.message },
    ...(options.result ? { result: { ...options.result } } : {}),
    execution_log: appendLog(
      job.execution_log,
      logEntry(options.event ?? 'failed', options.logMessage ?? options.message, options.now),
    ),
  };
}
