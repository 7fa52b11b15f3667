import type { ApiDependencies } from '../deps';
import { DEFAULT_API_OPTIONS } from '../deps';
import { getPublicJob, jobNotFound } from '../../application/jobs';
import type { RouteHandlers } from '../route-table';
import { streamJobEvents, type SseStreams } from '../sse';

/**
 * Public job routes, as in the original: anyone holding a job id (unguessable: docs/ARCHITECTURE.md "Data in MongoDB") may read
 * its state. Queue internals (lease, revision) never leave the host.
 */
export function jobHandlers(
  deps: ApiDependencies,
  streams: SseStreams,
): Pick<RouteHandlers, 'getJob' | 'jobEvents'> {
  const { repositories, events } = deps;
  const heartbeatMs = deps.options?.sseHeartbeatMs ?? DEFAULT_API_OPTIONS.sseHeartbeatMs;
  const pollMs = deps.options?.ssePollMs ?? DEFAULT_API_OPTIONS.ssePollMs;
  return {
    getJob: ({ params }) => getPublicJob(repositories, params.job_id),

    jobEvents: async ({ params }, { reply }) => {
      const { job_id } = params;
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
    },
  };
}
