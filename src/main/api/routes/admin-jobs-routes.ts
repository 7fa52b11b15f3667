import type { FastifyInstance } from 'fastify';
import { EmptyBodySchema, EstimateQuerySchema, JobListQuerySchema, JobParamsSchema } from '@shared/api';
import { toPublicJob as toPublic } from '@shared/job';
import { cancelJob, retryJob } from '../../application/jobs';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
import { estimateJobCost } from '../../pipeline/plan-estimate';
import { parseInput } from '../validate';

/** Admin job routes: list with filters, cancel, manual retry (all through the queue, which notifies). */
export function registerAdminJobRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories, queue } = deps;

  admin.get('/jobs', async (request) => {
    const query = parseInput(JobListQuerySchema, request.query, 'query');
    const page = await repositories.jobs.list(query);
    return { success: true, ...page };
  });

  // Before "Generar": the cost with the models per agent and prices this server runs with.
  admin.get('/estimate', async (request) => {
    const { type } = parseInput(EstimateQuerySchema, request.query, 'query');
    return { success: true, ...estimateJobCost(type, deps.config.llm) };
  });

  admin.post('/jobs/:job_id/cancel', async (request, reply) => {
    const { job_id } = parseInput(JobParamsSchema, request.params, 'params');
    parseInput(EmptyBodySchema, request.body, 'body');
    const { outcome, job } = await cancelJob(queue, job_id).catch(apiErrorAt('params'));
    // `cancel_requested` is accepted, not done (202): the worker stops the run at its next checkpoint.
    return reply
      .code(outcome === 'cancelled' ? 200 : 202)
      .send({ success: true, outcome, job: toPublic(job) });
  });

  admin.post('/jobs/:job_id/retry', async (request) => {
    const { job_id } = parseInput(JobParamsSchema, request.params, 'params');
    parseInput(EmptyBodySchema, request.body, 'body');
    const job = await retryJob({ queue, repositories }, job_id).catch(apiErrorAt('params'));
    return { success: true, job: toPublic(job) };
  });
}
