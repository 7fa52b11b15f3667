import type { ErrorReason } from '@shared/job';

/**
 * Errors are values with a reason that reaches the job document and the UI intact.
 * `transient` failures are retried with backoff; the rest fail the job at once.
 */
export class JobFailure extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly transient = false,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'JobFailure';
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
