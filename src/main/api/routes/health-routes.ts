import { checkDatabaseHealth } from '../../db/connect';
import { hasAdminToken } from '../auth';
import { DEFAULT_API_OPTIONS, type ApiDependencies } from '../deps';
import { cachedLlmHealth } from '../llm-probe';
import type { RouteHandlers } from '../route-table';

/**
 * `GET /health`: up or down for anyone (monitoring), 503 while the database is unreachable; with
 * the admin token, the details — version, database, worker (its running jobs' ids) and LLM
 * endpoint — still without URLs with credentials, tokens or the key (only whether a key exists).
 */
export function healthHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'health'> {
  const llm = cachedLlmHealth(deps.config.llm, deps.options?.llmProbe ?? DEFAULT_API_OPTIONS.llmProbe);
  return {
    health: async (_input, { request, reply }) => {
      const details = hasAdminToken(request);
      // The public answer probes no LLM endpoint: nobody without the token can make the server call out.
      const [database, llmStatus] = await Promise.all([
        checkDatabaseHealth(deps.database),
        details ? llm() : null,
      ]);
      const worker = deps.worker?.getStatus() ?? null;
      const workerOk = worker === null || worker.state === 'running' || worker.state === 'starting';
      // An unreachable LLM is not "degraded": jobs wait for it by design (offline, docs/ARCHITECTURE.md "Job lifecycle").
      const status = database.ok && workerOk ? 'ok' : 'degraded';
      if (!database.ok) reply.code(503);
      // Publicly up or down, and only the database says which: the worker's state is a detail.
      if (!details || !llmStatus) return { status: database.ok ? 'ok' : 'degraded' };
      return {
        status,
        version: deps.version,
        database,
        worker,
        llm: llmStatus,
        instance: deps.instanceName,
        clock: deps.clock.status(),
        job_watch: deps.jobWatcher.mode,
      };
    },
  };
}
