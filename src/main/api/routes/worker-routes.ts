import type { FastifyInstance } from 'fastify';
import { EmptyBodySchema } from '@shared/api';
import type { ApiDependencies } from '../deps';
import { ApiError } from '../errors';
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
    if (!worker) {
      throw new ApiError(
        409,
        'no_worker',
        'Esta instancia no ejecuta ningún proceso de trabajo (solo interfaz); reinicia el worker en el servidor que lo ejecuta (`edn360 worker`).',
      );
    }
    // Graceful: running jobs checkpoint and release their leases, then a fresh process starts.
    await worker.restart();
    return { success: true, worker: worker.getStatus() };
  });
}
