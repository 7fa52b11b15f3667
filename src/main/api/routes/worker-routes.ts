import type { ApiDependencies } from '../deps';
import { restartWorker } from '../../application/worker';
import type { RouteHandlers } from '../route-table';

/** Worker process status (with the queue's counts, to see at a glance whether work is piling up) and restart. */
export function workerHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'getWorker' | 'restartWorker'> {
  const { repositories, worker } = deps;
  const overview = async () => ({
    success: true as const,
    worker: worker?.getStatus() ?? null,
    queue: await repositories.jobs.countByStatus(),
  });
  return {
    getWorker: overview,
    restartWorker: async () => {
      await restartWorker(worker);
      return overview();
    },
  };
}
