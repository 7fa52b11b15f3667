import { AGENT_NAMES } from '@shared/agent-names';
import { N2OutputSchema } from '@shared/agent-outputs/nutrition';
import type { EnergyStrategy, Metabolism, NutritionProfile } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { energyFigures, textNumberProblems } from '../../audits';
import { energyTargets } from '../../calculators';
import { outputOf } from '../select-helpers';
import { bridgeFor } from './bridge-input';

export const n2EnergySelector = defineAgent({
  id: 'N2',
  name: AGENT_NAMES.N2,
  phase: 'nutrition',
  field: 'energy_strategy',
  dependsOn: ['N1', 'N0'],
  needsBridge: true,
  select: (inputs) => {
    const metabolism = outputOf<Metabolism>(inputs, 'N1');
    const profile = outputOf<NutritionProfile>(inputs, 'N0');
    const bridge = bridgeFor(inputs);
    const targets = energyTargets({
      tdee: metabolism.tdee,
      sex: profile.datos.sexo,
      weightKg: profile.datos.peso_kg,
      goal: profile.datos.objetivo,
      dayTypes: bridge.mapa_energetico,
      flags: { noDeficit: profile.datos.screening.no_deficit },
    });
    return { calculos: { objetivo: profile.datos.objetivo, ...targets }, tdee: metabolism.tdee };
  },
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
