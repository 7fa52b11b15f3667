import type { GenerationJob } from '@shared/job';
import { isDatabaseUnreachable } from '../db/errors';
import { JobFailure, LlmUnavailableError, type AbortCause } from '../pipeline/job-errors';
import {
  failJob,
  failOrRetry,
  markCancelled,
  releaseOnShutdown,
  timeoutMessage,
  waitOffline,
  type JobCollection,
} from '../queue';
import { backoffDelay } from '../util/backoff';
import type { RunDependencies, RunSettings } from './job-run';

export interface RunEnding {
  jobs: JobCollection;
  settings: RunSettings;
  log: RunDependencies['log'];
  /** The job as claimed by this run. */
  job: GenerationJob;
  /** The run's lease: every write below is fenced by it. */
  token: string;
  timeoutMs: number;
  /** Database time. */
  now: Date;
}

/**
 * Exactly one fenced state change for how a run that did not complete ended: cancelled, timed out,
 * released on shutdown, waiting for the network or the database (no attempt spent), failed for
 * good, or back to the queue after a backoff while attempts remain.
 */
export async function endFailedRun(
  run: RunEnding,
  cause: AbortCause | null,
  error: unknown,
): Promise<GenerationJob | null> {
  const { jobs, settings, token, now } = run;
  const id = run.job._id;
  if (cause === 'cancel') return markCancelled(jobs, id, token, now);
  if (cause === 'timeout') return failJob(jobs, id, token, 'timeout', timeoutMessage(run.timeoutMs), now);
  if (cause === 'shutdown') return releaseOnShutdown(jobs, id, token, now);
  if (error instanceof LlmUnavailableError || isDatabaseUnreachable(error)) {
    return waitOffline(jobs, id, token, {
      baseMs: settings.offlineBaseMs,
      maxMs: settings.offlineMaxMs,
      now,
      cause: error instanceof LlmUnavailableError ? 'llm' : 'database',
    });
  }
  if (error instanceof JobFailure && !error.transient) {
    const { reason, message, fields, result } = error;
    return failJob(jobs, id, token, reason, message, now, fields, result);
  }
  if (!(error instanceof JobFailure))
    run.log('error', 'unexpected pipeline error', { job: id, error: String(error) });
  const failure =
    error instanceof JobFailure
      ? error
      : new JobFailure(
          'internal_error',
          `Error interno: ${error instanceof Error ? error.message : String(error)}`,
          true,
        );
  const delay = backoffDelay(run.job.attempts, settings.retryBaseMs, settings.retryMaxMs);
  return failOrRetry(jobs, id, token, failure.reason, failure.message, delay, now, failure.fields);
}
