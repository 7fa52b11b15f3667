import type { WorkerOverview } from '@shared/worker-status';
import type { Repositories } from '../db/repositories';
import type { WorkerSupervisor } from '../worker/worker-supervisor';
import { DomainError } from './domain-error';

/*
 * The coach's "restart the worker", one use case behind both doors (HTTP `POST /admin/worker/restart`,
 * IPC `restartWorker`). Graceful: running jobs checkpoint and release their leases, then a fresh
 * process starts.
 */

export async function restartWorker(worker: Pick<WorkerSupervisor, 'restart'> | null): Promise<void> {
  if (!worker) {
    throw new DomainError(
      'no_worker',
      'Esta instancia no ejecuta ningún proceso de trabajo (solo interfaz): reinícialo en el equipo que lo ejecuta (`edn360 worker`).',
    );
  }
  await worker.restart();
}

/** The worker process's state (null on a UI-only instance) and the jobs per status. */
export async function workerOverview(deps: {
  worker: Pick<WorkerSupervisor, 'getStatus'> | null;
  repositories: Pick<Repositories, 'jobs'>;
}): Promise<WorkerOverview> {
  return { worker: deps.worker?.getStatus() ?? null, jobs: await deps.repositories.jobs.countByStatus() };
}
