import type { IpcResult } from '@shared/ipc-contract';
import type { IpcHandlers } from './dispatch';
import { restartWorker } from '../../application/worker';
import { requireCore, type IpcCore } from './host';

export async function workerOverview(core: IpcCore): Promise<IpcResult<'getWorkerStatus'>> {
  return { worker: core.worker?.getStatus() ?? null, jobs: await core.repositories.jobs.countByStatus() };
}

type WorkerHandlers = Pick<IpcHandlers, 'getWorkerStatus' | 'restartWorker'>;

export function workerHandlers(core: () => IpcCore | null): WorkerHandlers {
  return {
    getWorkerStatus: () => workerOverview(requireCore(core())),
    restartWorker: async () => {
      const c = requireCore(core());
      await restartWorker(c.worker);
      return workerOverview(c);
    },
  };
}
