import type { CatalogExercise } from '@shared/exercise';
import type { TrainingEditCatalog } from '@shared/plan-edits';

/** The exercise catalog the host lists, as the shared edit functions read it. */
export function editCatalog(items: readonly CatalogExercise[]): TrainingEditCatalog {
  const byId = new Map(items.map((item) => [item.id, item]));
  return { byId: (id) => byId.get(id), all: () => items };
}
