import type { FastifyInstance } from 'fastify';
import { JobParamsSchema } from '@shared/api';
import type { ApiDependencies } from '../deps';
import { DEFAULT_API_OPTIONS } from '../deps';
import { ApiError } from '../errors';
import { publicRateLimit } from '../rate-limit';
import { streamJobEvents, type SseStreams } from '../sse';
import { parseInput } from '../validate';

export function jobNotFound(jobId: string): ApiError {
  return new ApiError(
    404,
    'job_not_found',
    `No existe ningún job con id «${jobId}». Usa el job_id que devolvió POST /admin/users/{user_id}/plans/generate_async.`,
  );
}

/**
 * Public job routes, as in the original: anyone holding a job id (unguessable, DESIGN §4) may read
 * its state. Queue internals (lease, revision) never leave the host.
 */
export function registerJobRoutes(app: FastifyInstance, deps: ApiDependencies, streams: SseStreams): void {
  const { repositories, events } = deps;
  const heartbeatMs = deps.options?.sseHeartbeatMs ?? DEFAULT_API_OPTIONS.sseHeartbeatMs;
  const pollMs = deps.options?.ssePollMs ?? DEFAULT_API_OPTIONS.ssePollMs;

  app.get('/jobs/:job_id', { config: publicRateLimit(deps) }, async (request) => {
    const { job_id } = parseInput(JobParamsSchema, request.params, 'params');
    const job = await repositories.jobs.getPublic(job_id);
    if (!job) throw jobNotFound(job_id);
    return job;
  });

  app.get('/jobs/:job_id/events', { config: publicRateLimit(deps) }, async (request, reply) => {
    const { job_id } = parseInput(JobParamsSchema, request.params, 'params');
    const streaming = await streamJobEvents(reply, {
      jobId: job_id,
      events,
      readJob: () => repositories.jobs.getPublic(job_id),
      heartbeatMs,
      pollMs,
      streams,
    });
    if (!streaming) throw jobNotFound(job_id);
    return reply;
  });
}
