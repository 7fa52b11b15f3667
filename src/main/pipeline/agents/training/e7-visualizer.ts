import { AGENT_NAMES } from '@shared/agent-names';
import { E7OutputSchema, type E4Output } from '@shared/agent-outputs/training';
import type { ClientSummary, SafeSessionsField } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { firstName, outputOf } from '../select-helpers';
import { findExercise } from '../../catalog';
import { formattedPlanFigures, trainingFigures } from '../../audits';
import { formattedPlanProblems } from './formatted-plan-checks';

export const e7Visualizer = defineAgent({
  id: 'E7',
  name: AGENT_NAMES.E7,
  phase: 'training',
  field: 'formatted_plan',
  dependsOn: ['E6', 'E4', 'E1'],
  select: (inputs) => {
    const safe = outputOf<SafeSessionsField>(inputs, 'E6');
    const mesocycle = outputOf<E4Output>(inputs, 'E4');
    return {
      nombre: firstName(inputs.questionnaire),
      objetivo: outputOf<ClientSummary>(inputs, 'E1').objetivo_interpretado,
      semanas: mesocycle.semanas.map((w) => ({ semana: w.semana, fase: w.fase, rir: w.rir_objetivo })),
      sesiones: safe.sesiones.map((s) => ({
        dia: s.dia,
        nombre: s.nombre,
        minutos: s.duracion_min,
        ejercicios: s.ejercicios.map(
          (e) =>
            `${findExercise(e.ejercicio_id)?.nombre ?? e.ejercicio_id}: ${e.series}×${e.reps_min}-${e.reps_max} RIR ${e.rir}, descanso ${e.descanso_seg}s`,
        ),
      })),
      // The week's figures, computed from the sessions: the only ones the client text may state.
      cifras: trainingFigures(safe.sesiones, mesocycle.semanas),
    };
  },
  outputSchema: E7OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Visualizador (E7), que redacta el plan que leerá el cliente',
        rules: [
          'Tono cercano y motivador, frases cortas, nivel de lectura de secundaria; tutea al cliente por su nombre.',
          'Un texto por día explicando la sesión, cómo calentar y cómo saber si el peso es el adecuado (RIR).',
          'No cambies ejercicios, series ni repeticiones: solo explícalos.',
          'Un texto por cada día de sesiones, exactamente esos días; si mencionas cuántos días o sesiones por semana, es el número de sesiones.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve el plan presentado para el cliente.',
      },
      language,
    ),
  validate: (output, input) =>
    formattedPlanProblems(output, input.sesiones, formattedPlanFigures(input.cifras)),
  finalize: (output) => output,
});
