import { listExercises } from '../../application/catalog';
import type { RouteHandlers } from '../route-table';

/** The exercise catalog, read-only: what the plan screen needs to name exercises by their ids. */
export function catalogHandlers(): Pick<RouteHandlers, 'listExercises'> {
  return {
    listExercises: async () => {
      const items = listExercises();
      return { success: true, total: items.length, items };
    },
  };
}
