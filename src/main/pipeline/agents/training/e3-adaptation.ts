import { AGENT_NAMES } from '@shared/agent-names';
import { E3OutputSchema, type E2Output } from '@shared/agent-outputs/training';
import type { ClientSummary } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { answersFor, outputOf } from '../select-helpers';

export const e3Adaptation = defineAgent({
  id: 'E3',
  name: AGENT_NAMES.E3,
  phase: 'training',
  field: 'adaptation',
  dependsOn: ['E1', 'E2'],
  select: (inputs) => {
    const summary = outputOf<ClientSummary>(inputs, 'E1');
    return {
      resumen: summary.resumen,
      objetivo: summary.objetivo_interpretado,
      restricciones: summary.restricciones.map((r) => `${r.zona}: ${r.evitar}`),
      progreso_previo: summary.progreso_previo,
      capacidad: outputOf<E2Output>(inputs, 'E2'),
      historial: answersFor(inputs.questionnaire, [
        'entrenado_gimnasio',
        'anos_entrenando_fuerza',
        'experiencia_negativa',
        'constante_deporte',
        'impedido_constancia',
        'actividades_preferidas',
        'marcas_actuales',
      ]),
    };
  },
  outputSchema: E3OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente de Historial y adaptación (E3)',
        rules: [
          'Define la estrategia de adaptación: cómo introducir el volumen y la intensidad según el historial y la constancia.',
          'Énfasis: 2–5 prioridades concretas (p. ej. técnica de bisagra, glúteo, tolerancia al volumen de pierna).',
          'Tolerancia al volumen: baja si vuelve tras un parón, hay lesión activa o mala recuperación.',
        ],
        data: input,
        task: 'Devuelve la estrategia de adaptación.',
      },
      language,
    ),
  finalize: (output) => output,
});
