import { toCatalogExercise } from '@shared/exercise';
import type { IpcResult } from '@shared/ipc-contract';
import { getCatalog, type ExerciseCatalog } from '../../pipeline/catalog';
import type { IpcHandlers } from './dispatch';

type CatalogHandlers = Pick<IpcHandlers, 'listExercises'>;

/**
 * The exercise catalog shipped with the app, read-only. It does not need the core (no database):
 * the plan screen can name exercises even while MongoDB is still starting.
 */
export function catalogHandlers(catalog: () => ExerciseCatalog = getCatalog): CatalogHandlers {
  return {
    listExercises: (): IpcResult<'listExercises'> => catalog().exercises.map(toCatalogExercise),
  };
}
