import { AGENT_NAMES } from '@shared/agent-names';
import { E9OutputSchema, type E4Output } from '@shared/agent-outputs/training';
import type { Bridge, ClientSummary, SafeSessionsField } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { bridgeFigures, textNumberProblems } from '../../audits';
import { outputOf } from '../select-helpers';
import { bridgeFromSessions } from '../../facts/bridge';

export const e9NutritionBridge = defineAgent({
  id: 'E9',
  name: AGENT_NAMES.E9,
  phase: 'training',
  field: 'bridge_for_nutrition',
  dependsOn: ['E6', 'E4', 'E1'],
  select: (inputs) => {
    const mesocycle = outputOf<E4Output>(inputs, 'E4');
    return {
      carga: bridgeFromSessions(outputOf<SafeSessionsField>(inputs, 'E6')),
      objetivo: outputOf<ClientSummary>(inputs, 'E1').objetivo_interpretado,
      fases: mesocycle.semanas.map((w) => w.fase),
    };
  },
  outputSchema: E9OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente Puente a nutrición (E9)',
        rules: [
          'La carga semanal y el tipo de cada día (alto, medio, bajo) ya están calculados: explica al nutricionista qué implican.',
          'Señala días con sesiones largas o de pierna, semanas de descarga y cuándo conviene más carbohidrato.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve las notas para los agentes de nutrición.',
      },
      language,
    ),
  validate: (output, input) =>
    textNumberProblems(
      [{ campo: 'notas_para_nutricion', texto: output.notas_para_nutricion }],
      bridgeFigures(input.carga),
    ),
  finalize: (output, input): Bridge => ({ ...input.carga, ...output }),
});
