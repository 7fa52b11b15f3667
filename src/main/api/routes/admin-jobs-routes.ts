import { toPublicJob as toPublic } from '@shared/job';
import { cancelJob, estimatePlanCost, listJobs, retryJob } from '../../application/jobs';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
import type { RouteHandlers } from '../route-table';

/** Admin job routes: list with filters, cost estimate, cancel, manual retry (through the queue, which notifies). */
export function adminJobHandlers(
  deps: ApiDependencies,
): Pick<RouteHandlers, 'listJobs' | 'estimatePlanCost' | 'cancelJob' | 'retryJob'> {
  const { repositories, queue } = deps;
  return {
    listJobs: async ({ query }) => ({ success: true, ...(await listJobs(repositories, query)) }),

    // Before "Generar": the cost with the models per agent and prices this server runs with.
    estimatePlanCost: async ({ query }) => ({
      success: true,
      ...estimatePlanCost(deps.config.llm, query.type),
    }),

    cancelJob: async ({ params }, { reply }) => {
      const { outcome, job } = await cancelJob({ queue, repositories }, params.job_id).catch(
        apiErrorAt('params'),
      );
      // `cancel_requested` is accepted, not done (202): the worker stops the run at its next checkpoint.
      if (outcome === 'cancel_requested') reply.code(202);
      return { success: true, outcome, job: toPublic(job) };
    },

    retryJob: async ({ params }) => {
      const job = await retryJob({ queue, repositories }, params.job_id).catch(apiErrorAt('params'));
      return { success: true, job: toPublic(job) };
    },
  };
}
