import type { FastifyInstance } from 'fastify';
import { checkDatabaseHealth } from '../db/connect';
import type { ApiDependencies } from './server';

export function registerHealthRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  app.get('/health', async (_request, reply) => {
    const database = await checkDatabaseHealth(deps.database);
    const worker = deps.worker?.getStatus() ?? null;
    const workerOk = worker === null || worker.state === 'running' || worker.state === 'starting';
    const status = database.ok && workerOk ? 'ok' : 'degraded';
    // No URLs with credentials, no tokens: /health is public.
    return reply.code(database.ok ? 200 : 503).send({ status, version: deps.version, database, worker });
  });
}
