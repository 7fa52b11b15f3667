import { AGENT_NAMES } from '@shared/agent-names';
import { E5OutputSchema, type E2Output, type E4Output, type E5Output } from '@shared/agent-outputs/training';
import type { ClientSummary, SessionsField } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { outputOf } from '../select-helpers';
import { allowedExercises, exerciseMenu, menuIds, sessionProblems } from './exercise-rules';
import { weeklySetsPerMuscle } from '../../catalog';

export const e5MicrocycleEngineer = defineAgent({
  id: 'E5',
  name: AGENT_NAMES.E5,
  phase: 'training',
  field: 'sessions',
  dependsOn: ['E1', 'E2', 'E4'],
  select: (inputs) => {
    const summary = outputOf<ClientSummary>(inputs, 'E1');
    const capacity = outputOf<E2Output>(inputs, 'E2');
    const mesocycle = outputOf<E4Output>(inputs, 'E4');
    const perfil = summary.perfil;
    const previous = inputs.previousPlan?.training.sessions as Partial<E5Output> | undefined;
    const previousIds = previous?.sesiones?.flatMap((s) => s.ejercicios.map((e) => e.ejercicio_id)) ?? [];
    return {
      dias: perfil.dias_semana.slice(0, Math.min(capacity.dias_semana, perfil.dias_disponibles)),
      duracion_sesion_min: perfil.duracion_sesion_min,
      nivel: capacity.nivel,
      split: capacity.split,
      rir_objetivo: mesocycle.semanas[0]?.rir_objetivo ?? capacity.rir_objetivo,
      series_semanales_objetivo: mesocycle.series_semanales_objetivo,
      ejercicios_permitidos: exerciseMenu(allowedExercises(perfil), previousIds),
      ejercicios_bloque_anterior: [...new Set(previousIds)],
    };
  },
  outputSchema: E5OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Ingeniero de microciclos (E5)',
        rules: [
          'Escribe la semana tipo: una sesión por cada día de "dias", con ejercicios SOLO de ejercicios_permitidos (ids exactos, agrupados por patrón de movimiento).',
          'Reparte las series para acercarte a series_semanales_objetivo, con cada músculo al menos 2 veces por semana si el objetivo es hipertrofia.',
          'Cada sesión cabe en duracion_sesion_min (unos 3 min por serie con descanso incluido, más 10 min de calentamiento).',
          'Repeticiones entre 1 y 30; RIR entre 0 y 5; si das RPE debe ser 10 − RIR, si no, null. Series pesadas (≤ 6 reps): descanso ≥ 120 s.',
          'Si hay ejercicios del bloque anterior, mantén los básicos y varía accesorios para progresar.',
        ],
        data: input,
        task: 'Devuelve las sesiones de la semana.',
      },
      language,
    ),
  validate: (output, input) =>
    sessionProblems(output.sesiones, { allowedIds: menuIds(input.ejercicios_permitidos), dias: input.dias }),
  finalize: (output): SessionsField => ({
    ...output,
    series_semanales: weeklySetsPerMuscle(output.sesiones),
  }),
});
