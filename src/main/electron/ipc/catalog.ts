import { listExercises } from '../../application/catalog';
import type { ExerciseCatalog } from '../../pipeline/catalog';
import type { IpcHandlers } from './dispatch';

type CatalogHandlers = Pick<IpcHandlers, 'listExercises'>;

/** The exercise catalog (application/catalog.ts); `catalog` is replaced in tests. */
export function catalogHandlers(catalog?: () => ExerciseCatalog): CatalogHandlers {
  return { listExercises: () => listExercises(catalog) };
}
