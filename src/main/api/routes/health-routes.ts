import type { FastifyInstance } from 'fastify';
import { checkDatabaseHealth } from '../../db/connect';
import { DEFAULT_API_OPTIONS, type ApiDependencies } from '../deps';
import { cachedLlmHealth } from '../llm-probe';
import { publicRateLimit } from '../rate-limit';

/**
 * `GET /health`: database, worker and LLM endpoint. Public (monitoring and the start-up screen use
 * it), so it carries no URLs with credentials, no tokens and no key — only whether a key exists.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  const llm = cachedLlmHealth(deps.config.llm, deps.options?.llmProbe ?? DEFAULT_API_OPTIONS.llmProbe);

  app.get('/health', { config: publicRateLimit(deps) }, async (_request, reply) => {
    const [database, llmStatus] = await Promise.all([checkDatabaseHealth(deps.database), llm()]);
    const worker = deps.worker?.getStatus() ?? null;
    const workerOk = worker === null || worker.state === 'running' || worker.state === 'starting';
    // An unreachable LLM is not "degraded": jobs wait for it by design (offline, docs/ARCHITECTURE.md "Job lifecycle").
    const status = database.ok && workerOk ? 'ok' : 'degraded';
    return reply
      .code(database.ok ? 200 : 503)
      .send({ status, version: deps.version, database, worker, llm: llmStatus });
  });
}
