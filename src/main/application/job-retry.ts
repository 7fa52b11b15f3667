import { UNRETRYABLE_REASONS, type GenerationJob } from '@shared/job';
import type { Repositories } from '../db/repositories';
import type { JobQueue } from '../queue/job-queue';
import { JOB_STATUS_ES } from './job-status';

/*
 * A coach's manual retry, one use case behind both doors (HTTP `POST /admin/jobs/{id}/retry`, IPC
 * `retryJob`): the queue retries failed jobs only, and never one whose plan its audit blocked; this
 * says why in words the coach can act on.
 */

export type RetryOutcome =
  | { outcome: 'retried'; job: GenerationJob }
  | { outcome: 'not_found' }
  | { outcome: 'not_retryable'; job: GenerationJob; message: string };

function refusal(job: GenerationJob): string {
  if (
    job.status === 'failed' &&
    (UNRETRYABLE_REASONS as readonly string[]).includes(job.error_reason ?? '')
  ) {
    return `El trabajo «${job._id}» no se reintenta: la auditoría bloqueó su plan, y un reintento encontraría el mismo plan (su id sale del trabajo). Revisa el plan y apruébalo pese al bloqueo con un motivo escrito, o genera un trabajo nuevo.`;
  }
  return `El trabajo «${job._id}» está ${JOB_STATUS_ES[job.status]}; solo se reintentan trabajos fallidos.`;
}

export async function retryFailedJob(
  deps: { queue: Pick<JobQueue, 'retry'>; repositories: Pick<Repositories, 'jobs'> },
  jobId: string,
): Promise<RetryOutcome> {
  const job = await deps.queue.retry(jobId);
  if (job) return { outcome: 'retried', job };
  const existing = await deps.repositories.jobs.get(jobId);
  if (!existing) return { outcome: 'not_found' };
  return { outcome: 'not_retryable', job: existing, message: refusal(existing) };
}
