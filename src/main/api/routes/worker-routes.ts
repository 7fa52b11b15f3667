import type { FastifyInstance } from 'fastify';
import { EmptyBodySchema } from '@shared/api';
import type { ApiDependencies } from '../deps';
import { restartWorker } from '../../application/worker';
import { parseInput } from '../validate';

/** Worker process status (with the queue's counts, to see at a glance whether work is piling up) and restart. */
export function registerWorkerRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories, worker } = deps;

  admin.get('/worker', async () => {
    const queue = await repositories.jobs.countByStatus();
    return { success: true, worker: worker?.getStatus() ?? null, queue };
  });

  admin.post('/worker/restart', async (request) => {
    parseInput(EmptyBodySchema, request.body, 'body');
    await restartWorker(worker);
    return { success: true, worker: worker?.getStatus() ?? null };
  });
}
