import { AGENT_NAMES } from '@shared/agent-names';
import { N1OutputSchema } from '@shared/agent-outputs/nutrition';
import type { Metabolism } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { metabolismFigures, textNumberProblems } from '../../audits';
import { activityFactor, computeBmr, tdee } from '../../calculators';
import { bridgeFor } from './bridge-input';

/** BMR and TDEE by code (docs/DOMAIN.md "Basal metabolic rate", "Activity level and TDEE"); the agent explains them. */
export function computeMetabolism(inputs: Parameters<typeof bridgeFor>[0]): Omit<Metabolism, 'explicacion'> {
  const facts = inputs.nutritionFacts;
  const r = inputs.questionnaire.responses;
  const bmr = computeBmr({
    sexo: facts.sexo,
    peso_kg: facts.peso_kg,
    altura_cm: facts.altura_cm,
    edad: facts.edad,
    grasa_corporal_pct: r.grasa_corporal_pct ?? null,
    metodo_grasa: r.metodo_grasa ?? null,
  });
  const bridge = bridgeFor(inputs);
  const pal = activityFactor({
    actividad_laboral: r.actividad_laboral ?? 'sedentaria',
    pasos_diarios: r.pasos_diarios ?? null,
    trainingSessionsPerWeek: bridge.sesiones_semana,
    avgSessionMinutes: bridge.sesiones_semana > 0 ? bridge.minutos_semana / bridge.sesiones_semana : 0,
  });
  return {
    bmr: bmr.kcal,
    ecuacion: bmr.equation,
    pal,
    tdee: tdee(bmr.kcal, pal),
    entradas: {
      ...bmr.inputs,
      sesiones_semana: bridge.sesiones_semana,
      minutos_semana: bridge.minutos_semana,
    },
  };
}

export const n1MetabolicAnalyst = defineAgent({
  id: 'N1',
  name: AGENT_NAMES.N1,
  phase: 'nutrition',
  field: 'metabolism',
  dependsOn: ['N0'],
  needsBridge: true,
  select: (inputs) => ({ calculos: computeMetabolism(inputs), objetivo: inputs.nutritionFacts.objetivo }),
  outputSchema: N1OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Analista metabólico (N1)',
        rules: [
          'Explica en 3–5 frases el gasto basal (ecuación usada), el factor de actividad y el gasto total diario, con los números dados.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve la explicación del metabolismo.',
      },
      language,
    ),
  validate: (output, input) =>
    textNumberProblems(
      [{ campo: 'explicacion', texto: output.explicacion }],
      metabolismFigures(input.calculos),
    ),
  finalize: (output, input): Metabolism => ({ ...input.calculos, ...output }),
});
