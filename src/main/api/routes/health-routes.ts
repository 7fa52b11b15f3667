import { checkDatabaseHealth } from '../../db/connect';
import { DEFAULT_API_OPTIONS, type ApiDependencies } from '../deps';
import { cachedLlmHealth } from '../llm-probe';
import type { RouteHandlers } from '../route-table';

/**
 * `GET /health`: database, worker and LLM endpoint. Public (monitoring and the start-up screen use
 * it), so it carries no URLs with credentials, no tokens and no key — only whether a key exists.
 */
export function healthHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'health'> {
  const llm = cachedLlmHealth(deps.config.llm, deps.options?.llmProbe ?? DEFAULT_API_OPTIONS.llmProbe);
  return {
    health: async (_input, { reply }) => {
      const [database, llmStatus] = await Promise.all([checkDatabaseHealth(deps.database), llm()]);
      const worker = deps.worker?.getStatus() ?? null;
      const workerOk = worker === null || worker.state === 'running' || worker.state === 'starting';
      // An unreachable LLM is not "degraded": jobs wait for it by design (offline, docs/ARCHITECTURE.md "Job lifecycle").
      const status = database.ok && workerOk ? 'ok' : 'degraded';
      if (!database.ok) reply.code(503);
      return { status, version: deps.version, database, worker, llm: llmStatus };
    },
  };
}
