import { AGENT_NAMES } from '@shared/agent-names';
import { N2OutputSchema } from '@shared/agent-outputs/nutrition';
import type { EnergyStrategy } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { energyFigures, textNumberProblems } from '../../audits';
import { computeEnergy, metabolismOf } from './nutrition-numbers';

export const n2EnergySelector = defineAgent({
  id: 'N2',
  name: AGENT_NAMES.N2,
  phase: 'nutrition',
  field: 'energy_strategy',
  dependsOn: [],
  readsFrom: ['N1', 'N0'],
  needsBridge: true,
  select: (inputs) => ({ calculos: computeEnergy(inputs), tdee: metabolismOf(inputs).tdee }),
  outputSchema: N2OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Selector energético (N2)',
        rules: [
          'Explica el objetivo calórico, por qué se ha elegido ese déficit o superávit y cómo varía entre días altos, medios y bajos.',
          'Menciona el ritmo semanal de cambio de peso esperado y que es una estimación a revisar en los controles.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve la explicación de la estrategia energética.',
      },
      language,
    ),
  validate: (output, input) =>
    textNumberProblems(
      [{ campo: 'explicacion', texto: output.explicacion }],
      energyFigures(input.calculos, input.tdee),
    ),
  finalize: (output, input): EnergyStrategy => ({ ...input.calculos, ...output }),
});
