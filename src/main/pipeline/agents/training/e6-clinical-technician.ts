import { AGENT_NAMES } from '@shared/agent-names';
import { E6AnswerSchema, type E6Answer, type Session } from '@shared/agent-outputs/training';
import type { ClientSummary, SafeSessionsField, SessionsField } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { outputOf } from '../select-helpers';
import { allowedExercises, exerciseMenu, menuIds, sessionProblems } from './exercise-rules';
import { findExercise, isCatalogId, weeklySetsPerMuscle } from '../../catalog';

export const e6ClinicalTechnician = defineAgent({
  id: 'E6',
  name: AGENT_NAMES.E6,
  phase: 'training',
  field: 'safe_sessions',
  dependsOn: ['E5', 'E1'],
  select: (inputs) => {
    const summary = outputOf<ClientSummary>(inputs, 'E1');
    const sessions = outputOf<SessionsField>(inputs, 'E5');
    const current = sessions.sesiones.flatMap((s) => s.ejercicios.map((e) => e.ejercicio_id));
    return {
      sesiones: sessions.sesiones,
      lesiones: summary.perfil.lesiones,
      tags_contraindicados: summary.perfil.tags_contraindicados,
      // Plans checkpointed before the reader existed have no open questions.
      por_revisar: summary.perfil.por_revisar ?? [],
      prehab: summary.prehab,
      alternativas_seguras: exerciseMenu(allowedExercises(summary.perfil), current),
      dias: sessions.sesiones.map((s) => s.dia),
    };
  },
  outputSchema: E6AnswerSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Técnico clínico (E6)',
        rules: [
          'No reescribas la semana: devuelve solo los cambios. Por cada ejercicio de sesiones que choque con una lesión, una sustitución (original_id → nuevo_id) por uno de alternativas_seguras (agrupadas por patrón) del mismo patrón, con su motivo; el sistema la aplica en todos los días donde aparece.',
          'Si no hace falta cambiar nada, deja sustituciones vacío.',
          'Añade correctivos y prehab (calentamiento o final) para las zonas lesionadas, solo con ids de alternativas_seguras.',
          'Los días, las series, el esfuerzo y la duración de cada sesión son los de E5: cambias ejercicios, no la semana.',
          'por_revisar son respuestas de salud que el coach aún no ha confirmado: ante la duda, sustituye los ejercicios que carguen la zona o la condición que mencionan y dilo en el motivo.',
        ],
        data: input,
        task: 'Devuelve las sustituciones y los correctivos.',
      },
      language,
    ),
  validate: (answer, input) => [
    ...swapProblems(answer.sustituciones, input.sesiones),
    ...sessionProblems(applySubstitutions(input.sesiones, answer.sustituciones), {
      allowedIds: menuIds(input.alternativas_seguras),
      dias: input.dias,
      forbiddenTags: input.tags_contraindicados,
    }),
    ...answer.correctivos
      .filter((c) => !isCatalogId(c.ejercicio_id))
      .map((c) => `correctivo ${c.ejercicio_id}: el id no existe en el catálogo`),
  ],
  finalize: (answer, input): SafeSessionsField => {
    const sesiones = applySubstitutions(input.sesiones, answer.sustituciones);
    return { sesiones, ...answer, series_semanales: weeklySetsPerMuscle(sesiones) };
  },
});

/**
 * A swap keeps E5's sets, reps and effort, so it must be the same kind of movement (same pattern,
 * a squat for a squat), of an exercise that is in the week, and not one the session already has.
 * Whether the new exercise is allowed for this client is checked on the week as stored.
 */
export function swapProblems(
  sustituciones: E6Answer['sustituciones'],
  sesiones: readonly Session[],
): string[] {
  return sustituciones.flatMap((swap, index) => {
    const what = `sustitución ${swap.original_id} → ${swap.nuevo_id}`;
    if (sustituciones.findIndex((other) => other.original_id === swap.original_id) !== index)
      return [`${swap.original_id} tiene más de una sustitución: da una sola`];
    const days = sesiones.filter((s) => s.ejercicios.some((e) => e.ejercicio_id === swap.original_id));
    if (days.length === 0) return [`${what}: ${swap.original_id} no está en la semana`];
    if (swap.nuevo_id === swap.original_id) return [`${what}: es el mismo ejercicio`];
    // A chain (A → B, B → C) would bring back an exercise E6 itself takes out.
    if (sustituciones.some((other) => other.original_id === swap.nuevo_id))
      return [`${what}: ${swap.nuevo_id} también se sustituye; elige uno que se quede`];
    const before = findExercise(swap.original_id)?.patron;
    const after = findExercise(swap.nuevo_id)?.patron;
    const problems: string[] = [];
    if (before && after && before !== after)
      problems.push(
        `${what}: ${swap.nuevo_id} es de otro patrón (${after}, no ${before}); elige uno de alternativas_seguras.${before}`,
      );
    for (const day of days) {
      if (day.ejercicios.some((e) => e.ejercicio_id === swap.nuevo_id))
        problems.push(`${what}: ${swap.nuevo_id} ya está en la sesión del ${day.dia}`);
      // Two exercises of one session swapped for the same one would repeat it.
      const twin = sustituciones.find(
        (other) =>
          other !== swap &&
          other.nuevo_id === swap.nuevo_id &&
          day.ejercicios.some((e) => e.ejercicio_id === other.original_id),
      );
      if (twin && sustituciones.indexOf(twin) > index)
        problems.push(
          `${what}: ${twin.original_id} también pasa a ${swap.nuevo_id} en la sesión del ${day.dia}`,
        );
    }
    return problems;
  });
}

/**
 * E5's week with E6's swaps: each exercise named as an `original_id` becomes its `nuevo_id` on
 * every day, with E5's sets, reps, effort and rest. The week keeps E5's days and minutes by
 * construction — the training load nutrition starts from as soon as E5 is done
 * (agents/nutrition/bridge-input.ts) is the one E9 later reads.
 */
export function applySubstitutions(
  sesiones: readonly Session[],
  sustituciones: E6Answer['sustituciones'],
): Session[] {
  const swap = new Map(sustituciones.map((s) => [s.original_id, s.nuevo_id]));
  return sesiones.map((session) => ({
    ...session,
    ejercicios: session.ejercicios.map((exercise) => {
      const replacement = swap.get(exercise.ejercicio_id);
      return replacement === undefined ? exercise : { ...exercise, ejercicio_id: replacement };
    }),
  }));
}
