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
