import { AGENT_NAMES } from '@shared/agent-names';
import { E6OutputSchema } from '@shared/agent-outputs/training';
import type { ClientSummary, SafeSessionsField, SessionsField } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { outputOf } from '../select-helpers';
import { allowedExercises, exerciseMenu, menuIds, sessionProblems } from './exercise-rules';
import { isCatalogId, weeklySetsPerMuscle } from '../../catalog';

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
  outputSchema: E6OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Técnico clínico (E6)',
        rules: [
          'Devuelve la misma semana hecha segura: sustituye cualquier ejercicio que choque con una lesión por uno de alternativas_seguras (agrupadas por patrón) del mismo patrón, y anótalo en sustituciones.',
          'Si no hace falta cambiar nada, copia las sesiones tal cual y deja sustituciones vacío.',
          'Añade correctivos y prehab (calentamiento o final) para las zonas lesionadas, solo con ids de alternativas_seguras.',
          'Mantén los mismos días, series, esfuerzo y la duración de cada sesión (duracion_min): cambia ejercicios, no la semana.',
          'por_revisar son respuestas de salud que el coach aún no ha confirmado: ante la duda, evita los ejercicios que carguen la zona o la condición que mencionan y dilo en sustituciones.',
        ],
        data: input,
        task: 'Devuelve las sesiones seguras, las sustituciones y los correctivos.',
      },
      language,
    ),
  validate: (output, input) => [
    ...sessionProblems(output.sesiones, {
      allowedIds: menuIds(input.alternativas_seguras),
      dias: input.dias,
      forbiddenTags: input.tags_contraindicados,
    }),
    ...sameWeekProblems(output.sesiones, input.sesiones),
    ...output.correctivos
      .filter((c) => !isCatalogId(c.ejercicio_id))
      .map((c) => `correctivo ${c.ejercicio_id}: el id no existe en el catálogo`),
  ],
  finalize: (output): SafeSessionsField => ({
    ...output,
    series_semanales: weeklySetsPerMuscle(output.sesiones),
  }),
});

/**
 * E6 makes the week safe without changing its shape: every E5 day stays, with E5's minutes. That is
 * the training load nutrition starts from as soon as E5 is done (agents/nutrition/bridge-input.ts),
 * so a week E6 shortened or thinned would leave the nutrition plan on another load than E9's.
 */
function sameWeekProblems(
  safe: ReadonlyArray<{ dia: string; duracion_min: number }>,
  planned: ReadonlyArray<{ dia: string; duracion_min: number }>,
): string[] {
  const byDay = new Map(safe.map((s) => [s.dia, s.duracion_min]));
  return planned.flatMap((day) => {
    const minutes = byDay.get(day.dia);
    if (minutes === undefined) return [`falta la sesión del ${day.dia}: mantén todos los días de la semana`];
    return minutes === day.duracion_min
      ? []
      : [
          `la sesión del ${day.dia} dura ${minutes} min y debe durar ${day.duracion_min} min, como la original: cambia ejercicios, no la duración`,
        ];
  });
}
