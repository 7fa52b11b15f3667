import { AGENT_NAMES } from '@shared/agent-names';
import { N7OutputSchema } from '@shared/agent-outputs/nutrition';
import type { NutritionProfile } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { answersFor, outputOf } from '../select-helpers';
import { macrosOf } from './nutrition-numbers';
import {
  adherenceFigures,
  adherenceTexts,
  supplementRepairProblems,
  supplementRestriction,
  textNumberProblems,
} from '../../audits';

export const n7AdherenceCoach = defineAgent({
  id: 'N7',
  name: AGENT_NAMES.N7,
  phase: 'nutrition',
  field: 'adherence_report',
  // The triage's summary (N0); the targets are computed (nutrition-numbers.ts).
  dependsOn: ['N0'],
  readsFrom: ['N3', 'N0'],
  needsBridge: true,
  select: (inputs) => {
    const profile = outputOf<NutritionProfile>(inputs, 'N0');
    const days = macrosOf(inputs).por_tipo_dia;
    return {
      resumen: profile.resumen,
      limite_cafeina_mg: profile.datos.screening.caffeine_limit_mg,
      // Set for a minor or pregnancy/lactation: no supplement at all (NUT-18).
      restriccion_suplementos: supplementRestriction(profile.datos),
      // The plan's kcal and protein, so any the texts state are the computed ones (NUT-20).
      objetivos: {
        kcal_por_tipo_dia: { alto: days.alto.kcal, medio: days.medio.kcal, bajo: days.bajo.kcal },
        proteina_g_por_tipo_dia: {
          alto: days.alto.proteina_g,
          medio: days.medio.proteina_g,
          bajo: days.bajo.proteina_g,
        },
        peso_kg: profile.datos.peso_kg,
      },
      habitos: answersFor(inputs.questionnaire, [
        'horas_sueno',
        'horas_duerme',
        'agua_l_dia',
        'cafeina_mg_dia',
        'alcohol_unidades_semana',
        'tabaco',
        'suplementos_actuales',
        'suplementacion',
        'impedido_constancia',
        'come_fuera',
        'come_fuera_casa',
        'nivel_estres',
      ]),
    };
  },
  outputSchema: N7OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Coach de adherencia (N7)',
        rules: [
          'Hábitos concretos y alcanzables; barreras reales del cliente y una estrategia para cada una.',
          'Hidratación: orientativa (EFSA: 2,0 L mujeres, 2,5 L hombres de agua total).',
          `Suplementos solo con evidencia (creatina 3–5 g, cafeína, proteína en polvo); cafeína total ≤ ${input.limite_cafeina_mg} mg/día y ≤ 200 mg por toma; nada para menores o embarazo sin autorización.`,
          'Si restriccion_suplementos no es null, ningún suplemento (la proteína en polvo es un alimento). Nunca estimulantes, quemagrasas, diuréticos, laxantes, hormonas ni fármacos.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve el informe de adherencia.',
      },
      language,
    ),
  validate: (output, input) => [
    ...textNumberProblems(adherenceTexts(output), adherenceFigures(input.objetivos)),
    ...supplementRepairProblems(output.suplementos, { restriction: input.restriccion_suplementos }),
  ],
  finalize: (output) => output,
});
