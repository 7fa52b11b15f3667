import type { Session } from '@shared/agent-outputs/training';
import type { ClientFacts } from '@shared/plan-content';
import type { Exercise } from '@shared/exercise';
import { exercisesFor, findExercise } from '../../catalog';

/** Strength exercises this client may do: their equipment, their level, nothing their injuries rule out. */
export function allowedExercises(perfil: ClientFacts): Exercise[] {
  return exercisesFor({
    material: perfil.material as Exercise['material'],
    nivel: perfil.nivel_experiencia,
    excludeTags: perfil.tags_contraindicados as Exercise['contraindicaciones'],
    excludeIds: perfil.ejercicios_excluidos,
  }).filter((e) => e.tipo === 'compuesto' || e.tipo === 'aislamiento');
}

/** Enough choice per movement pattern for a varied week, small enough to keep the prompt lean. */
export const OPTIONS_PER_PATTERN = 6;

/**
 * The allowed exercises grouped by pattern, at most OPTIONS_PER_PATTERN each (the previous block's
 * exercises first, so a follow-up block can keep its main lifts). Ids are descriptive Spanish names,
 * so the model needs nothing else to choose.
 */
export function exerciseMenu(
  allowed: readonly Exercise[],
  preferred: readonly string[] = [],
): Record<string, string[]> {
  const ranked = [...allowed].sort(
    (a, b) => Number(preferred.includes(b.id)) - Number(preferred.includes(a.id)),
  );
  const menu: Record<string, string[]> = {};
  for (const exercise of ranked) {
    const ids = (menu[exercise.patron] ??= []);
    if (ids.length < OPTIONS_PER_PATTERN) ids.push(exercise.id);
  }
  return menu;
}

export function menuIds(menu: Record<string, string[]>): Set<string> {
  return new Set(Object.values(menu).flat());
}

export interface SessionRules {
  allowedIds: ReadonlySet<string>;
  dias: readonly string[];
  /** Tags that must not appear (E6 re-checks against the injuries). */
  forbiddenTags?: readonly string[];
}

/**
 * What the repair round sends back to the model: invented or forbidden exercise ids, days the client
 * cannot train, inconsistent reps and effort. The auditor checks the same later, by code.
 */
export function sessionProblems(sesiones: readonly Session[], rules: SessionRules): string[] {
  const problems: string[] = [];
  if (sesiones.length > rules.dias.length) {
    problems.push(`hay ${sesiones.length} sesiones pero el cliente solo entrena ${rules.dias.length} días`);
  }
  const seenDays = new Set<string>();
  for (const session of sesiones) {
    if (!rules.dias.includes(session.dia))
      problems.push(`${session.dia} no es un día de entrenamiento (${rules.dias.join(', ')})`);
    if (seenDays.has(session.dia)) problems.push(`dos sesiones el ${session.dia}`);
    seenDays.add(session.dia);
    for (const exercise of session.ejercicios) {
      const where = `${session.dia}/${exercise.ejercicio_id}`;
      const known = findExercise(exercise.ejercicio_id);
      if (!known) problems.push(`${where}: el id no existe en el catálogo`);
      else if (!rules.allowedIds.has(exercise.ejercicio_id))
        problems.push(`${where}: no está entre los ejercicios permitidos`);
      const tags = known?.contraindicaciones.filter((t) => rules.forbiddenTags?.includes(t)) ?? [];
      if (tags.length > 0) problems.push(`${where}: contraindicado por la lesión (${tags.join(', ')})`);
      if (exercise.reps_min > exercise.reps_max) problems.push(`${where}: reps_min mayor que reps_max`);
      if (exercise.reps_max > 30) problems.push(`${where}: más de 30 repeticiones`);
      if (exercise.rpe !== null && Math.abs(exercise.rpe - (10 - exercise.rir)) > 0.01) {
        problems.push(`${where}: RPE ${exercise.rpe} no es 10 − RIR (${10 - exercise.rir})`);
      }
    }
  }
  return problems;
}
