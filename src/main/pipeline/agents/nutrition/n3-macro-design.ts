import { AGENT_NAMES } from '@shared/agent-names';
import { N3OutputSchema } from '@shared/agent-outputs/nutrition';
import type { EnergyStrategy, MacroDesign, NutritionProfile } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { macroFigures, textNumberProblems } from '../../audits';
import { macroTargets } from '../../calculators';
import { outputOf } from '../select-helpers';

export const n3MacroDesign = defineAgent({
  id: 'N3',
  name: AGENT_NAMES.N3,
  phase: 'nutrition',
  field: 'macro_design',
  dependsOn: ['N2', 'N1', 'N0'],
  select: (inputs) => {
    const energy = outputOf<EnergyStrategy>(inputs, 'N2');
    const facts = outputOf<NutritionProfile>(inputs, 'N0').datos;
    const trained = inputs.clientFacts.nivel_experiencia !== 'principiante';
    const day = (kcal: number) =>
      macroTargets({
        kcal,
        weightKg: facts.peso_kg,
        heightCm: facts.altura_cm,
        goal: facts.objetivo,
        trained,
        deficit: energy.deficit_pct > 0,
        ketogenic: false,
      });
    const por_tipo_dia = {
      alto: day(energy.por_tipo_dia.alto),
      medio: day(energy.por_tipo_dia.medio),
      bajo: day(energy.por_tipo_dia.bajo),
    };
    return {
      calculos: {
        por_tipo_dia: {
          alto: por_tipo_dia.alto.day,
          medio: por_tipo_dia.medio.day,
          bajo: por_tipo_dia.bajo.day,
        },
        proteina_g_kg: por_tipo_dia.medio.proteinPerKg,
        grasa_pct: por_tipo_dia.medio.fatPct,
      },
      objetivo: facts.objetivo,
      // The weights a g/kg may be stated on: the client's and, for BMI ≥ 30, the adjusted one.
      peso_kg: facts.peso_kg,
      peso_referencia_kg: por_tipo_dia.medio.referenceWeight.kg,
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
