import { toPublicJob } from '@shared/job';
import { generatePlan } from '../../application/generate-plan';
import { cancelJob, estimatePlanCost, getPublicJob, listJobs, retryJob } from '../../application/jobs';
import type { IpcHandlers } from './dispatch';
import { requireCore, type IpcCore } from './host';

/*
 * Thin door onto the job use cases (application/generate-plan.ts, application/jobs.ts): `dispatch`
 * has parsed the arguments and maps a `DomainError` to its IPC reason (fields under `args.`).
 * Progress of an enqueued job then arrives as `job` events.
 */

type JobHandlers = Pick<
  IpcHandlers,
  'generatePlan' | 'getJob' | 'listJobs' | 'cancelJob' | 'retryJob' | 'estimatePlanCost'
>;

export function jobHandlers(core: () => IpcCore | null): JobHandlers {
  const c = (): IpcCore => requireCore(core());
  return {
    estimatePlanCost: (args) => estimatePlanCost(c().config.llm, args.type),
    generatePlan: async (args) => toPublicJob(await generatePlan(c(), args)),
    getJob: (args) => getPublicJob(c().repositories, args.id),
    listJobs: (args) => listJobs(c().repositories, args ?? {}),
    cancelJob: async (args) => {
      const { outcome, job } = await cancelJob(c(), args.id);
      return { outcome, job: toPublicJob(job) };
    },
    retryJob: async (args) => toPublicJob(await retryJob(c(), args.id)),
  };
}
