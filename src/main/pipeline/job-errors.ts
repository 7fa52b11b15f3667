import type { FieldError } from '@shared/field-error';
import type { ErrorReason } from '@shared/job';
import type { JobResultIds } from '../queue/finish';

export interface JobFailureOptions extends ErrorOptions {
  /** The failure's detail per field (stored as the job's `error_fields`). */
  fields?: readonly FieldError[];
  /** Plans saved before the failure (`audit_blocked`: kept for review), stored as the job's `result`. */
  result?: JobResultIds;
}

/**
 * Errors are values with a reason that reaches the job document and the UI intact.
 * `transient` failures are retried with backoff; the rest fail the job at once. `fields` carries the
 * per-field detail (`validation_error`, `screening_required`) so nobody has to parse `message`.
 */
export class JobFailure extends Error {
  readonly fields: readonly FieldError[];
  readonly result: JobResultIds | null;

  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly transient = false,
    options?: JobFailureOptions,
  ) {
    super(message, options);
    this.name = 'JobFailure';
    this.fields = (options?.fields ?? []).map(({ field, code, message: text }) => ({
      field,
      code,
      message: text,
    }));
    this.result = options?.result ? { ...options.result } : null;
  }
}

/** The LLM endpoint cannot be reached at all (no network, DNS, refused): the job waits offline. */
export class LlmUnavailableError extends JobFailure {
  constructor(message: string, options?: ErrorOptions) {
    super('llm_unavailable', message, true, options);
    this.name = 'LlmUnavailableError';
  }
}

/** A fenced write found another owner: this worker must drop the job without touching it again. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`lease on job ${jobId} lost`);
    this.name = 'LeaseLostError';
  }
}

/** Why a run was aborted from outside the pipeline. */
export type AbortCause = 'cancel' | 'timeout' | 'shutdown' | 'lease_lost';

export class RunAborted extends Error {
  constructor(readonly abortCause: AbortCause) {
    super(`run aborted: ${abortCause}`);
    this.name = 'RunAborted';
  }
}
