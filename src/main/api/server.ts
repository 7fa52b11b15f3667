import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect';
import type { Logger } from '../log/logger';
import type { WorkerSupervisor } from '../worker/worker-supervisor';
import { registerHealthRoutes } from './health-routes';

export interface ApiDependencies {
  database: DatabaseHandle;
  logger: Logger;
  version: string;
  worker: WorkerSupervisor | null;
}

/**
 * Fastify: schema-first routes, a mature plugin set (rate limit, CORS, SSE) and low per-request
 * overhead; it is the local HTTP API of DESIGN §8. Routes beyond /health arrive with issue 5.
 */
export function createApiServer(deps: ApiDependencies): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'api' }) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
  });
  registerHealthRoutes(app, deps);
  return app;
}
