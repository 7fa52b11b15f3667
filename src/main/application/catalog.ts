import { toCatalogExercise, type CatalogExercise } from '@shared/exercise';
import { getCatalog, type ExerciseCatalog } from '../pipeline/catalog';

/**
 * The exercise catalog shipped with the app, read-only (both doors): it needs no database, so the
 * plan screen can name exercises even while MongoDB is still starting.
 */
export function listExercises(catalog: () => ExerciseCatalog = getCatalog): CatalogExercise[] {
  return catalog().exercises.map(toCatalogExercise);
}
