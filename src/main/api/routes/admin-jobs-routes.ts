import type { FastifyInstance } from 'fastify';
import { EmptyBodySchema, EstimateQuerySchema, JobListQuerySchema, JobParamsSchema } from '@shared/api';
import { toPublicJob as toPublic } from '@shared/job';
import { retryFailedJob } from '../../application/job-retry';
import { JOB_STATUS_ES } from '../../application/job-status';
import type { ApiDependencies } from '../deps';
import { ApiError } from '../errors';
import { estimateJobCost } from '../../pipeline/plan-estimate';
import { parseInput } from '../validate';
import { jobNotFound } from './jobs-routes';

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
    const result = await queue.cancel(job_id);
    switch (result.outcome) {
      case 'not_found':
        throw jobNotFound(job_id);
      case 'not_cancellable':
        throw new ApiError(
          409,
          'job_not_cancellable',
          `El job «${job_id}» ya terminó (estado ${JOB_STATUS_ES[result.job.status]}); solo se cancelan jobs pendientes o en curso.`,
        );
      case 'cancelled':
        return { success: true, outcome: result.outcome, job: toPublic(result.job) };
      case 'cancel_requested':
        // Accepted, not done: the worker stops the run at its next checkpoint.
        return reply.code(202).send({ success: true, outcome: result.outcome, job: toPublic(result.job) });
    }
  });

  admin.post('/jobs/:job_id/retry', async (request) => {
    const { job_id } = parseInput(JobParamsSchema, request.params, 'params');
    parseInput(EmptyBodySchema, request.body, 'body');
    const result = await retryFailedJob({ queue, repositories }, job_id);
    if (result.outcome === 'retried') return { success: true, job: toPublic(result.job) };
    if (result.outcome === 'not_found') throw jobNotFound(job_id);
    throw new ApiError(409, 'job_not_retryable', `${result.message} Consulta su estado en /jobs/${job_id}.`);
  });
}
