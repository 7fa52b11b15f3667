import { AGENT_NAMES } from '@shared/agent-names';
import { N3OutputSchema } from '@shared/agent-outputs/nutrition';
import type { MacroDesign } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { macroFigures, textNumberProblems } from '../../audits';
import { computeMacros, profileFacts } from './nutrition-numbers';

export const n3MacroDesign = defineAgent({
  id: 'N3',
  name: AGENT_NAMES.N3,
  phase: 'nutrition',
  field: 'macro_design',
  dependsOn: [],
  readsFrom: ['N2', 'N1', 'N0'],
  needsBridge: true,
  select: (inputs) => {
    const { macros, referenceWeightKg } = computeMacros(inputs);
    const facts = profileFacts(inputs);
    return {
      calculos: macros,
      objetivo: facts.objetivo,
      // The weights a g/kg may be stated on: the client's and, for BMI ≥ 30, the adjusted one.
      peso_kg: facts.peso_kg,
      peso_referencia_kg: referenceWeightKg,
    };
  },
  outputSchema: N3OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente de Diseño de macros (N3)',
        rules: [
          'Explica el reparto de proteína, grasa y carbohidratos por tipo de día y para qué sirve cada uno, con los gramos dados.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve la explicación de los macros.',
      },
      language,
    ),
  validate: (output, input) =>
    textNumberProblems(
      [{ campo: 'explicacion', texto: output.explicacion }],
      macroFigures(input.calculos, [input.peso_kg, input.peso_referencia_kg]),
    ),
  finalize: (output, input): MacroDesign => ({ ...input.calculos, ...output }),
});
