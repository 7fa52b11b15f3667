import type { IpcHandlers } from './dispatch';
import { restartWorker, workerOverview } from '../../application/worker';
import { requireCore, type IpcCore } from './host';

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
