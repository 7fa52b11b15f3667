import { toPublicJob } from '@shared/job';
import type { IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { retryFailedJob } from '../../application/job-retry';
import { JOB_STATUS_ES } from '../../application/job-status';
import { checkPreviousTrainingPlan } from '../../application/plan-delivery';
import { estimateJobCost } from '../../pipeline/plan-estimate';
import { clientNotFound } from './clients';
import type { IpcHandlers } from './dispatch';
import { asIpcFailure, IpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

export function jobNotFound(id: string): IpcFailure {
  return new IpcFailure('job_not_found', `No existe ningún trabajo de generación con id «${id}».`);
}

/**
 * Checks that what the job will read exists and belongs to this client, then enqueues; progress then
 * arrives as `job` events. The questionnaire itself is validated again by the job.
 */
export async function generatePlan(
  core: IpcCore,
  args: IpcParsedArgs<'generatePlan'>,
): Promise<IpcResult<'generatePlan'>> {
  const { repositories: repos, queue } = core;
  if (!(await repos.users.get(args.user_id))) throw clientNotFound(args.user_id);
  const submission = await repos.submissions.getRaw(args.submission_id);
  // Another client's questionnaire is reported as missing, exactly like the HTTP API does.
  if (!submission || submission['user_id'] !== args.user_id) {
    throw new IpcFailure(
      'submission_not_found',
      `El cliente «${args.user_id}» no tiene ningún cuestionario con id «${args.submission_id}».`,
      [{ field: 'args.submission_id', code: 'not_found', message: 'cuestionario no encontrado' }],
    );
  }
  const previousId = args.previous_training_plan_id ?? null;
  // Missing, another client's, or blocked by its audit (plan_blocked): the use case decides.
  if (previousId) await checkPreviousTrainingPlan(repos, args.user_id, previousId).catch(asIpcFailure);
  const job = await queue.enqueue({
    user_id: args.user_id,
    submission_id: args.submission_id,
    type: args.type,
    previous_training_plan_id: previousId,
  });
  return toPublicJob(job);
}

export async function cancelJob(core: IpcCore, id: string): Promise<IpcResult<'cancelJob'>> {
  const result = await core.queue.cancel(id);
  switch (result.outcome) {
    case 'not_found':
      throw jobNotFound(id);
    case 'not_cancellable':
      throw new IpcFailure(
        'job_not_cancellable',
        `El trabajo ya terminó (estado ${JOB_STATUS_ES[result.job.status]}); solo se cancelan trabajos pendientes o en curso.`,
      );
    default:
      return { outcome: result.outcome, job: toPublicJob(result.job) };
  }
}

export async function retryJob(core: IpcCore, id: string): Promise<IpcResult<'retryJob'>> {
  const result = await retryFailedJob(core, id);
  if (result.outcome === 'retried') return toPublicJob(result.job);
  if (result.outcome === 'not_found') throw jobNotFound(id);
  throw new IpcFailure('job_not_retryable', result.message);
}

type JobHandlers = Pick<
  IpcHandlers,
  'generatePlan' | 'getJob' | 'listJobs' | 'cancelJob' | 'retryJob' | 'estimatePlanCost'
>;

export function jobHandlers(core: () => IpcCore | null): JobHandlers {
  const c = (): IpcCore => requireCore(core());
  return {
    estimatePlanCost: (args) => estimateJobCost(args.type, c().config.llm),
    generatePlan: (args) => generatePlan(c(), args),
    getJob: async (args) => {
      const job = await c().repositories.jobs.getPublic(args.id);
      if (!job) throw jobNotFound(args.id);
      return job;
    },
    listJobs: (args) => c().repositories.jobs.list(args ?? {}),
    cancelJob: (args) => cancelJob(c(), args.id),
    retryJob: (args) => retryJob(c(), args.id),
  };
}
