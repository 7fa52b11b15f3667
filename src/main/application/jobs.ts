import type { GenerationJob, JobType, PublicJob } from '@shared/job';
import type { Page } from '@shared/paging';
import type { PlanEstimate } from '@shared/pricing';
import type { AppConfig } from '../config/load-config';
import type { Repositories } from '../db/repositories';
import type { JobListFilter } from '../db/repositories/jobs-repository';
import { estimateJobCost } from '../pipeline/plan-estimate';
import type { JobQueue } from '../queue/job-queue';
import { DomainError } from './domain-error';
import { retryFailedJob } from './job-retry';
import { JOB_STATUS_ES } from './job-status';

/*
 * A job's coach actions, one set of use cases behind both doors (HTTP `/jobs/{id}`,
 * `/admin/jobs/{id}/cancel|retry`; IPC `getJob`, `cancelJob`, `retryJob`): the outcome of each
 * queue action and the refusals, in words the coach can act on.
 */

export function jobNotFound(id: string): DomainError {
  return new DomainError(
    'job_not_found',
    `No existe ningún trabajo de generación con id «${id}». Usa el id que se devolvió al generar el plan (job_id).`,
  );
}

export async function getPublicJob(repos: Pick<Repositories, 'jobs'>, id: string): Promise<PublicJob> {
  const job = await repos.jobs.getPublic(id);
  if (!job) throw jobNotFound(id);
  return job;
}

/** Jobs, newest first (or, with `updated_since`, every change since then, oldest first). */
export function listJobs(
  repos: Pick<Repositories, 'jobs'>,
  filter: JobListFilter = {},
): Promise<Page<PublicJob>> {
  return repos.jobs.list(filter);
}

/** What a job of this type would cost with the models per agent and the prices in force. */
export function estimatePlanCost(
  llm: Pick<AppConfig['llm'], 'model' | 'agentModels' | 'prices'>,
  type: JobType,
): PlanEstimate {
  return estimateJobCost(type, llm);
}

/** `cancelled`: done now (pending job); `cancel_requested`: the worker stops it at its next checkpoint. */
export interface CancelResult {
  outcome: 'cancelled' | 'cancel_requested';
  job: GenerationJob;
}

export async function cancelJob(queue: Pick<JobQueue, 'cancel'>, id: string): Promise<CancelResult> {
  const result = await queue.cancel(id);
  switch (result.outcome) {
    case 'not_found':
      throw jobNotFound(id);
    case 'not_cancellable':
      throw new DomainError(
        'job_not_cancellable',
        `El trabajo «${id}» ya terminó (estado ${JOB_STATUS_ES[result.job.status]}); solo se cancelan trabajos pendientes o en curso.`,
      );
    default:
      return { outcome: result.outcome, job: result.job };
  }
}

/** A coach's manual retry: failed jobs only, never one whose plan its audit blocked. */
export async function retryJob(
  deps: { queue: Pick<JobQueue, 'retry'>; repositories: Pick<Repositories, 'jobs'> },
  id: string,
): Promise<GenerationJob> {
  const result = await retryFailedJob(deps, id);
  if (result.outcome === 'retried') return result.job;
  if (result.outcome === 'not_found') throw jobNotFound(id);
  throw new DomainError('job_not_retryable', result.message);
}
