import type { FastifyInstance } from 'fastify';
import { JobParamsSchema } from '@shared/api';
import type { ApiDependencies } from '../deps';
import { DEFAULT_API_OPTIONS } from '../deps';
import { getPublicJob, jobNotFound } from '../../application/jobs';
import { publicRateLimit } from '../rate-limit';
import { streamJobEvents, type SseStreams } from '../sse';
import { parseInput } from '../validate';

/**
 * Public job routes, as in the original: anyone holding a job id (unguessable: docs/ARCHITECTURE.md "Data in MongoDB") may read
 * its state. Queue internals (lease, revision) never leave the host.
 */
export function registerJobRoutes(app: FastifyInstance, deps: ApiDependencies, streams: SseStreams): void {
  const { repositories, events } = deps;
  const heartbeatMs = deps.options?.sseHeartbeatMs ?? DEFAULT_API_OPTIONS.sseHeartbeatMs;
  const pollMs = deps.options?.ssePollMs ?? DEFAULT_API_OPTIONS.ssePollMs;

  app.get('/jobs/:job_id', { config: publicRateLimit(deps) }, async (request) => {
    const { job_id } = parseInput(JobParamsSchema, request.params, 'params');
    return getPublicJob(repositories, job_id);
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
