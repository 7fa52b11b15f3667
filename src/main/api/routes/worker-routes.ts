import type { ApiDependencies } from '../deps';
import { restartWorker, workerOverview } from '../../application/worker';
import type { RouteHandlers } from '../route-table';

/** Worker process status (with the jobs per status, to see at a glance whether work is piling up) and restart. */
export function workerHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'getWorker' | 'restartWorker'> {
  return {
    getWorker: async () => ({ success: true, ...(await workerOverview(deps)) }),
    restartWorker: async () => {
      await restartWorker(deps.worker);
      return { success: true, ...(await workerOverview(deps)) };
    },
  };
}
