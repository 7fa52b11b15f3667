import { AGENT_NAMES } from '@shared/agent-names';
import { N4OutputSchema } from '@shared/agent-outputs/nutrition';
import type { WeeklyStructure } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { textNumberProblems, weeklyFigures } from '../../audits';
import { bridgeFor } from './bridge-input';
import { macrosOf } from './nutrition-numbers';

export const n4WeeklySync = defineAgent({
  id: 'N4',
  name: AGENT_NAMES.N4,
  phase: 'nutrition',
  field: 'weekly_structure',
  dependsOn: [],
  readsFrom: ['N3', 'N2'],
  needsBridge: true,
  select: (inputs) => {
    const bridge = bridgeFor(inputs);
    const macros = macrosOf(inputs);
    return {
      semana: bridge.semana.map((d) => ({ dia: d.dia, tipo_dia: d.tipo_dia, entrena: d.entrena })),
      kcal_por_tipo: {
        alto: macros.por_tipo_dia.alto.kcal,
        medio: macros.por_tipo_dia.medio.kcal,
        bajo: macros.por_tipo_dia.bajo.kcal,
      },
      turnos: inputs.questionnaire.responses.turnos_trabajo ?? null,
    };
  },
  outputSchema: N4OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Sincronizador de días altos, medios y bajos (N4)',
        rules: [
          'Explica qué día de la semana es alto, medio o bajo en energía y por qué, ligado a los entrenamientos.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve la explicación de la estructura semanal.',
      },
      language,
    ),
  validate: (output, input) =>
    textNumberProblems(
      [{ campo: 'explicacion', texto: output.explicacion }],
      weeklyFigures(input.semana, input.kcal_por_tipo),
    ),
  finalize: (output, input): WeeklyStructure => ({ semana: input.semana, ...output }),
});
