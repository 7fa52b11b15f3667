import type { ApiDependencies } from '../deps';
import { workerAndInstances } from '../../application/jobs';
import { restartWorker } from '../../application/worker';
import type { RouteHandlers } from '../route-table';

/**
 * Worker process status (with the jobs per status, to see at a glance whether work is piling up, and
 * the running jobs per instance) and restart.
 */
export function workerHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'getWorker' | 'restartWorker'> {
  return {
    getWorker: async () => ({ success: true, ...(await workerAndInstances(deps, deps.instanceName)) }),
    restartWorker: async () => {
      await restartWorker(deps.worker);
      return { success: true, ...(await workerAndInstances(deps, deps.instanceName)) };
    },
  };
}
