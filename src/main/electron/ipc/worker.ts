import type { IpcHandlers } from './dispatch';
import { workerAndInstances } from '../../application/jobs';
import { restartWorker } from '../../application/worker';
import { requireCore, type IpcCore } from './host';

type WorkerHandlers = Pick<IpcHandlers, 'getWorkerStatus' | 'restartWorker'>;

export function workerHandlers(core: () => IpcCore | null): WorkerHandlers {
  return {
    getWorkerStatus: () => {
      const c = requireCore(core());
      return workerAndInstances(c, c.config.worker.instanceName);
    },
    restartWorker: async () => {
      const c = requireCore(core());
      await restartWorker(c.worker);
      return workerAndInstances(c, c.config.worker.instanceName);
    },
  };
}
