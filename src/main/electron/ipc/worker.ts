import type { IpcResult } from '@shared/ipc-contract';
import type { IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

export async function workerOverview(core: IpcCore): Promise<IpcResult<'getWorkerStatus'>> {
  return { worker: core.worker?.getStatus() ?? null, jobs: await core.repositories.jobs.countByStatus() };
}

type WorkerHandlers = Pick<IpcHandlers, 'getWorkerStatus' | 'restartWorker'>;

export function workerHandlers(core: () => IpcCore | null): WorkerHandlers {
  return {
    getWorkerStatus: () => workerOverview(requireCore(core())),
    // Graceful: running jobs checkpoint and release their leases, then a fresh process starts.
    restartWorker: async () => {
      const c = requireCore(core());
      if (!c.worker) throw new IpcFailure('no_worker', 'Esta instancia no ejecuta un proceso de trabajo.');
      await c.worker.restart();
      return workerOverview(c);
    },
  };
}
