/*
 * Exercise catalog (docs/ARCHITECTURE.md "Numbers by code, words by the LLM", issue 4 point 3): loading, lookups, equipment and injury filters,
 * and the weekly volume facts computed from it. Module-level helpers use the cached default
 * catalog (`getCatalog()`); pass a catalog explicitly to use another one.
 */
import type { Exercise } from '@shared/exercise';
import { type ExerciseCatalog, type ExerciseFilter } from './catalog';
import { getCatalog } from './loader';
import {
  computeFrequencyPerMuscle,
  computePushPullRatio,
  computeWeeklySetsPerMuscle,
  type MuscleRecord,
  type PushPullBalance,
  type SessionLike,
} from './volume';

export { ExerciseCatalog, type ExerciseFilter } from './catalog';
export { contraindicationConflicts, missingEquipment } from '@shared/exercise';
export { CatalogLoadError, UnknownExerciseError } from './errors';
export {
  CATALOG_FILE_NAME,
  catalogPathCandidates,
  defaultCatalogPath,
  getCatalog,
  initCatalog,
  loadCatalog,
  parseCatalog,
  resetCatalogCache,
  resolveDefaultCatalogPath,
} from './loader';
export { activeInjuryTags, contraindicationsForInjury, type InjuryLike } from './injuries';
export {
  PRIMARY_SET_WEIGHT,
  SECONDARY_SET_WEIGHT,
  computeFrequencyPerMuscle,
  computePushPullRatio,
  computeWeeklySetsPerMuscle,
  emptyMuscleRecord,
  type MuscleRecord,
  type PrescribedSetsLike,
  type PushPullBalance,
  type SessionLike,
} from './volume';

export function findExercise(id: string, catalog: ExerciseCatalog = getCatalog()): Exercise | undefined {
  return catalog.find(id);
}

export function isCatalogId(id: string, catalog: ExerciseCatalog = getCatalog()): boolean {
  return catalog.has(id);
}

/** Exercises the client can do: equipment ⊆ material, level ≤ nivel, no avoided tag, not excluded. */
export function exercisesFor(filter: ExerciseFilter, catalog: ExerciseCatalog = getCatalog()): Exercise[] {
  return catalog.exercisesFor(filter);
}

/** Weekly hard sets per muscle, fractional (primary 1, secondary 0.5). Unknown ids throw. */
export function weeklySetsPerMuscle(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog = getCatalog(),
): MuscleRecord {
  return computeWeeklySetsPerMuscle(sessions, catalog);
}

/** Days per week each muscle is hit as a primary mover. Unknown ids throw. */
export function frequencyPerMuscle(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog = getCatalog(),
): MuscleRecord {
  return computeFrequencyPerMuscle(sessions, catalog);
}

/** Upper-body push vs pull weekly sets and their ratio. Unknown ids throw. */
export function pushPullRatio(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog = getCatalog(),
): PushPullBalance {
  return computePushPullRatio(sessions, catalog);
}
