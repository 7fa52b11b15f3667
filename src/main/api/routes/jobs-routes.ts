import type { PublicJob } from '@shared/job';
import type { ApiDependencies } from '../deps';
import { DEFAULT_API_OPTIONS } from '../deps';
import { getPublicJob, getPublicJobStatus, jobNotFound, publicJobStatus } from '../../application/jobs';
import { hasAdminToken } from '../auth';
import { ApiError } from '../errors';
import type { RouteHandlers } from '../route-table';
import { streamJobEvents, type SseStreams } from '../sse';

/** Seconds a refused stream is told to wait (Retry-After): streams end or time out meanwhile. */
const SSE_RETRY_AFTER_S = 30;

const fullView = (job: PublicJob): object => job;

/**
 * Public job routes, as in the original: anyone holding a job id (unguessable: docs/ARCHITECTURE.md
 * "Data in MongoDB") may follow its state — only its state and progress (`publicJobStatus`); the
 * admin token unlocks the whole document (client id, error detail, log). Queue internals (lease,
 * revision) never leave the host.
 */
export function jobHandlers(
  deps: ApiDependencies,
  streams: SseStreams,
): Pick<RouteHandlers, 'getJob' | 'jobEvents'> {
  const { repositories, events } = deps;
  const option = <K extends keyof typeof DEFAULT_API_OPTIONS>(key: K) =>
    deps.options?.[key] ?? DEFAULT_API_OPTIONS[key];
  const heartbeatMs = option('sseHeartbeatMs');
  const maxLifetimeMs = option('sseMaxLifetimeMs');
  return {
    getJob: ({ params }, { request }) =>
      hasAdminToken(request)
        ? getPublicJob(repositories, params.job_id)
        : getPublicJobStatus(repositories, params.job_id),

    jobEvents: async ({ params }, { request, reply }) => {
      const { job_id } = params;
      const release = streams.claim(request.ip);
      if (!release) {
        throw new ApiError(
          429,
          'rate_limited',
          `Demasiados flujos de eventos abiertos (máximo ${streams.limits.perClient} por dirección y ${streams.limits.total} en el servidor). ` +
            `Cierra los que no uses o espera ${SSE_RETRY_AFTER_S} s; también puedes sondear GET /jobs/{id} cada 3 s.`,
          undefined,
          { 'retry-after': String(SSE_RETRY_AFTER_S) },
        );
      }
      const streaming = await streamJobEvents(reply, {
        jobId: job_id,
        events,
        readJob: () => repositories.jobs.get(job_id),
        watch: (id) => deps.jobWatcher.watch(id),
        heartbeatMs,
        streams,
        view: hasAdminToken(request) ? fullView : publicJobStatus,
        maxLifetimeMs,
        onEnd: release,
      });
      if (!streaming) throw jobNotFound(job_id);
      return reply;
    },
  };
}
