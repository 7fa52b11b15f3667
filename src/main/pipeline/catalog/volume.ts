import { MUSCLE_VALUES, STRENGTH_TIPOS, type Exercise, type Muscle } from '@shared/exercise';
import type { ExerciseCatalog } from './catalog';
import { UnknownExerciseError } from './errors';

/*
 * Weekly volume facts computed from the catalog (docs/ARCHITECTURE.md "Numbers by code, words by the LLM").
 * Fractional counting (docs/DOMAIN.md "Training volume, frequency and effort"; [VOL4], Pelland et al. 2024): a hard set counts 1 for each
 * primary muscle and 0.5 for each secondary muscle. Only strength work (`compuesto`,
 * `aislamiento`) counts; cardio and mobility entries carry no hard sets.
 */

export const PRIMARY_SET_WEIGHT = 1;
export const SECONDARY_SET_WEIGHT = 0.5;

export interface PrescribedSetsLike {
  ejercicio_id: string;
  series: number;
}
export interface SessionLike {
  ejercicios: readonly PrescribedSetsLike[];
}

export type MuscleRecord = Record<Muscle, number>;

export function emptyMuscleRecord(): MuscleRecord {
  return Object.fromEntries(MUSCLE_VALUES.map((m) => [m, 0])) as MuscleRecord;
}

/** Resolve every prescribed exercise; any unknown id → one `UnknownExerciseError` listing all of them. */
function resolveAll(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog,
): { exercise: Exercise; series: number; session: number }[] {
  const unknown: string[] = [];
  const resolved: { exercise: Exercise; series: number; session: number }[] = [];
  sessions.forEach((session, index) => {
    for (const item of session.ejercicios) {
      if (!Number.isFinite(item.series) || item.series < 0) {
        throw new RangeError(
          `series inválidas (${item.series}) para ${item.ejercicio_id} en la sesión ${index + 1}`,
        );
      }
      const exercise = catalog.find(item.ejercicio_id);
      if (!exercise) unknown.push(item.ejercicio_id);
      else resolved.push({ exercise, series: item.series, session: index });
    }
  });
  if (unknown.length > 0) throw new UnknownExerciseError(unknown);
  return resolved;
}

const isStrength = (ex: Exercise): boolean => STRENGTH_TIPOS.includes(ex.tipo);

/** Weekly hard sets per muscle, fractional counting (primary 1, secondary 0.5). */
export function computeWeeklySetsPerMuscle(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog,
): MuscleRecord {
  const totals = emptyMuscleRecord();
  for (const { exercise, series } of resolveAll(sessions, catalog)) {
    if (!isStrength(exercise) || series === 0) continue;
    for (const m of exercise.musculos_primarios) totals[m] += series * PRIMARY_SET_WEIGHT;
    for (const m of exercise.musculos_secundarios) totals[m] += series * SECONDARY_SET_WEIGHT;
  }
  return totals;
}

/** Sessions (days) per week in which each muscle is trained as a primary mover (TRN-07). */
export function computeFrequencyPerMuscle(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog,
): MuscleRecord {
  const days = new Map<Muscle, Set<number>>();
  for (const { exercise, series, session } of resolveAll(sessions, catalog)) {
    if (!isStrength(exercise) || series === 0) continue;
    for (const m of exercise.musculos_primarios) {
      const set = days.get(m) ?? new Set<number>();
      set.add(session);
      days.set(m, set);
    }
  }
  const out = emptyMuscleRecord();
  for (const [m, set] of days) out[m] = set.size;
  return out;
}

export interface PushPullBalance {
  /** Weekly sets of exercises classified `empuje`. */
  empuje: number;
  /** Weekly sets of exercises classified `traccion`. */
  traccion: number;
  /** empuje / traccion; null when there are no pulling sets (undefined ratio). */
  ratio: number | null;
}

/**
 * Push:pull set ratio (TRN-13, heuristic band 0.67–1.5). Counts whole sets of exercises whose
 * `empuje_traccion` is set (upper-body pushes and pulls, including isolation work); lower body,
 * core, carries, cardio and mobility are neither.
 */
export function computePushPullRatio(
  sessions: readonly SessionLike[],
  catalog: ExerciseCatalog,
): PushPullBalance {
  let empuje = 0;
  let traccion = 0;
  for (const { exercise, series } of resolveAll(sessions, catalog)) {
    if (!isStrength(exercise)) continue;
    if (exercise.empuje_traccion === 'empuje') empuje += series;
    else if (exercise.empuje_traccion === 'traccion') traccion += series;
  }
  return { empuje, traccion, ratio: traccion === 0 ? null : empuje / traccion };
}
