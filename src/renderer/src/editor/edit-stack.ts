import type { FieldError } from '@shared/field-error';
import type { NutritionEdit, TrainingEdit } from '@shared/plan-edits';

/*
 * The editor's pending edits, as pure functions: applying the list on top of the loaded version
 * (what the coach sees while the host re-audits), folding a keystroke into the edit it continues
 * (typing "12" in a field is one edit, not two), and reading the host's `edits.N.<field>` names.
 */

export type ApplyResult<P> =
  { ok: true; plan: P; warnings?: FieldError[] } | { ok: false; errors: FieldError[] };

export interface AppliedEdits<P> {
  /** The plan with every edit that applied, in order. */
  plan: P;
  /** Each applied edit's warnings, by edit index. */
  warnings: FieldError[][];
  /** The first edit that no longer applies (then the later ones are not applied either). */
  failed?: { index: number; errors: FieldError[] };
}

/** Applies `edits` in order on `base`, stopping at the first that fails. */
export function applyAll<P, E>(
  base: P,
  edits: readonly E[],
  apply: (plan: P, edit: E) => ApplyResult<P>,
): AppliedEdits<P> {
  let plan = base;
  const warnings: FieldError[][] = [];
  for (const [index, edit] of edits.entries()) {
    const result = apply(plan, edit);
    if (!result.ok) return { plan, warnings, failed: { index, errors: result.errors } };
    plan = result.plan;
    warnings.push(result.warnings ?? []);
  }
  return { plan, warnings };
}

/**
 * The edit that replaces `last` when `next` continues it, or null when `next` is an edit of its
 * own: a prescription change on the same exercise (fields merged), new grams for the same
 * ingredient, a new time for the same meal.
 */
export function coalesce(last: TrainingEdit, next: TrainingEdit): TrainingEdit | null;
export function coalesce(last: NutritionEdit, next: NutritionEdit): NutritionEdit | null;
export function coalesce(
  last: TrainingEdit | NutritionEdit,
  next: TrainingEdit | NutritionEdit,
): TrainingEdit | NutritionEdit | null {
  if (last.type === 'set_prescription' && next.type === 'set_prescription') {
    return last.session === next.session && last.exercise === next.exercise ? { ...last, ...next } : null;
  }
  if (last.type === 'set_grams' && next.type === 'set_grams') {
    const same =
      last.day_type === next.day_type &&
      last.meal === next.meal &&
      last.dish === next.dish &&
      last.item === next.item;
    return same ? next : null;
  }
  if (last.type === 'move_meal' && next.type === 'move_meal') {
    const timeOnly = last.to === undefined && next.to === undefined;
    return timeOnly && last.day_type === next.day_type && last.meal === next.meal ? next : null;
  }
  return null;
}

/** `edits` with `next` added, folded into the last edit when it continues it. */
export function pushEdit<E extends TrainingEdit | NutritionEdit>(edits: readonly E[], next: E): E[] {
  const last = edits.at(-1);
  const merged = last ? (coalesce as (a: E, b: E) => E | null)(last, next) : null;
  return merged ? [...edits.slice(0, -1), merged] : [...edits, next];
}

/** "edits.3.exercise_id" → {index: 3, field: "exercise_id"}; undefined for other names. */
export function editField(name: string): { index: number; field: string } | undefined {
  const match = /^edits\.(\d+)(?:\.(.+))?$/.exec(name);
  if (!match) return undefined;
  return { index: Number(match[1]), field: match[2] ?? '' };
}

/**
 * The catalog ids named by edits that carry warnings (swapped or added exercises the client should
 * not do), from the local warnings (by edit index) and the host's (`edits.N.…`).
 */
export function warnedExerciseIds(
  edits: readonly TrainingEdit[],
  local: readonly FieldError[][],
  host: readonly FieldError[] = [],
): Set<string> {
  const indexes = new Set<number>();
  local.forEach((warnings, index) => warnings.length > 0 && indexes.add(index));
  for (const warning of host) {
    const named = editField(warning.field);
    if (named) indexes.add(named.index);
  }
  const ids = new Set<string>();
  for (const index of indexes) {
    const edit = edits[index];
    if (edit?.type === 'swap_exercise') ids.add(edit.exercise_id);
    if (edit?.type === 'add_exercise') ids.add(edit.prescription.ejercicio_id);
    if (edit?.type === 'add_session') edit.session.ejercicios.forEach((e) => ids.add(e.ejercicio_id));
  }
  return ids;
}
