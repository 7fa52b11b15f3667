import {
  instanceOfOwner,
  type ErrorReason,
  type GenerationJob,
  type JobType,
  type PublicJob,
} from '@shared/job';
import type { PublicJobStatus } from '@shared/job-status-view';
import type { Page } from '@shared/paging';
import type { PlanEstimate } from '@shared/pricing';
import type { RunningByInstance, WorkerAndInstances } from '@shared/running-jobs';
import type { AppConfig } from '../config/load-config';
import type { Repositories } from '../db/repositories';
import { withdrawPlansOfFailedJob } from '../db/repositories/withdraw-job-plans';
import type { JobListFilter } from '../db/repositories/jobs-repository';
import { estimateJobCost } from '../pipeline/plan-estimate';
import type { JobQueue } from '../queue/job-queue';
import { DomainError } from './domain-error';
import { retryFailedJob } from './job-retry';
import { JOB_STATUS_ES } from './job-status';
import { workerOverview } from './worker';

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

/** The public view of a stored job (`publicJobStatus`); `job_not_found` when there is none. */
export async function getPublicJobStatus(
  repos: Pick<Repositories, 'jobs'>,
  id: string,
): Promise<PublicJobStatus> {
  return publicJobStatus(await getPublicJob(repos, id));
}

/**
 * `progress.message` of the public view: one generic text per state, and per reason code for a
 * failure. Never the stored message: a failed job's progress message is its error message, which
 * for a screening failure quotes the client's health answers.
 */
const FAILED_MESSAGE_ES: Record<ErrorReason, string> = {
  validation_error: 'El cuestionario tiene datos no válidos; el entrenador debe revisarlo.',
  screening_required: 'El plan necesita la revisión del entrenador antes de generarse.',
  timeout: 'El trabajo superó el tiempo máximo.',
  cancelled: 'Trabajo cancelado.',
  llm_unavailable: 'El servicio de IA no estaba disponible.',
  llm_error: 'El servicio de IA devolvió un error.',
  invalid_output: 'La respuesta del servicio de IA no era válida.',
  audit_blocked: 'El plan quedó retenido para la revisión del entrenador.',
  worker_lost: 'Se perdió el proceso que ejecutaba el trabajo.',
  internal_error: 'Error interno al generar el plan.',
};

function publicProgressMessage(job: PublicJob): string {
  switch (job.status) {
    case 'failed':
      return job.error_reason ? FAILED_MESSAGE_ES[job.error_reason] : 'El trabajo falló.';
    case 'completed':
      return 'Plan generado';
    case 'running':
      return job.cancel_requested ? 'Cancelando…' : 'Generando el plan…';
    default:
      if (job.waiting_reason === 'offline') return 'En espera: sin conexión (servicio de IA o base de datos)';
      if (job.waiting_reason === 'backoff') return 'En espera para reintentar';
      return 'En cola';
  }
}

/**
 * The public view of a job (`PublicJobStatusSchema`): what `GET /jobs/{id}` and its event stream
 * answer without the admin token. Built field by field, so nothing new on the job document leaks
 * into it by default.
 */
export function publicJobStatus(job: PublicJob): PublicJobStatus {
  const { progress } = job;
  return {
    _id: job._id,
    job_id: job._id,
    type: job.type,
    status: job.status,
    progress: {
      phase: progress.phase,
      current_agent: progress.current_agent,
      running_agents: progress.running_agents,
      completed_steps: progress.completed_steps,
      total_steps: progress.total_steps,
      percentage: progress.percentage,
      message: publicProgressMessage(job),
    },
    result: {
      training_plan_id: job.result.training_plan_id,
      nutrition_plan_id: job.result.nutrition_plan_id,
    },
    error_reason: job.error_reason,
    waiting_reason: job.waiting_reason,
    created_at: job.created_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
    updated_at: job.updated_at,
  };
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

export async function cancelJob(
  deps: { queue: Pick<JobQueue, 'cancel'>; repositories: Repositories },
  id: string,
): Promise<CancelResult> {
  const result = await deps.queue.cancel(id);
  // A pending job may hold plans saved by an attempt whose worker died before completing it
  // (recovered to pending): cancelled, it must not leave them listed (docs/ARCHITECTURE.md "Fenced saves").
  if (result.outcome === 'cancelled') await withdrawPlansOfFailedJob(deps.repositories, result.job);
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

/**
 * Where the clinic's jobs run (issue #17 point 8; IPC `getWorkerStatus`, HTTP `GET /admin/worker`):
 * running jobs per instance and overall, and the pending ones. The running jobs are grouped by lease
 * owner (a handful of groups: one per worker process); the instance is the owner's part before the
 * first ':' (`instanceOfOwner`). A running job without a lease (none should exist) counts in the
 * total but under no instance.
 */
export async function runningByInstance(
  repos: Pick<Repositories, 'jobs'>,
  thisInstance: string,
): Promise<RunningByInstance> {
  const [owners, pending] = await Promise.all([
    repos.jobs.runningPerOwner(),
    repos.jobs.countWithStatus('pending'),
  ]);
  let running = 0;
  const byInstance = new Map<string, number>();
  for (const { owner, running: n } of owners) {
    running += n;
    if (owner) {
      const instance = instanceOfOwner(owner);
      byInstance.set(instance, (byInstance.get(instance) ?? 0) + n);
    }
  }
  const by_instance = [...byInstance]
    .map(([instance, count]) => ({ instance, running: count }))
    .sort((a, b) =>
      a.instance === thisInstance
        ? -1
        : b.instance === thisInstance
          ? 1
          : a.instance.localeCompare(b.instance),
    );
  return { this_instance: thisInstance, running_total: running, pending_total: pending, by_instance };
}

/** The worker overview (`workerOverview`) with where the clinic's jobs run (`runningByInstance`). */
export async function workerAndInstances(
  deps: Parameters<typeof workerOverview>[0],
  thisInstance: string,
): Promise<WorkerAndInstances> {
  const [overview, running] = await Promise.all([
    workerOverview(deps),
    runningByInstance(deps.repositories, thisInstance),
  ]);
  return { ...overview, running };
}
