import { AGENT_NAMES } from '@shared/agent-names';
import { N5OutputSchema, type N5Output } from '@shared/agent-outputs/nutrition';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { textNumberProblems, timingFigures, timingTexts } from '../../audits';
import { answersFor } from '../select-helpers';
import { profileFacts } from './nutrition-numbers';

/** Shares must add up to a whole day: 100 % of each macro, ±1 for rounding. */
export function timingProblems(output: N5Output, meals: number): string[] {
  const problems: string[] = [];
  if (output.comidas.length !== meals)
    problems.push(`se pidieron ${meals} comidas y hay ${output.comidas.length}`);
  for (const macro of ['proteina_pct', 'carbohidratos_pct', 'grasa_pct'] as const) {
    const total = output.comidas.reduce((sum, c) => sum + c[macro], 0);
    if (Math.abs(total - 100) > 1) problems.push(`${macro} suma ${total} y debe sumar 100`);
  }
  return problems;
}

export const n5Timing = defineAgent({
  id: 'N5',
  name: AGENT_NAMES.N5,
  phase: 'nutrition',
  field: 'timing_plan',
  // Meal times and shares need no training load and no grams: N5 runs from the start, beside the
  // training chain, and its menus' grams come later from N6 (issue #19).
  dependsOn: [],
  readsFrom: ['N0'],
  select: (inputs) => ({
    comidas_dia: profileFacts(inputs).comidas_dia,
    horarios: answersFor(inputs.questionnaire, [
      'horario_comidas',
      'franja_horaria',
      'entrena_manana_tarde',
      'hora_levanta',
      'hora_desayuno',
      'hora_comida',
      'hora_cena',
      'hora_acuesta',
      'turnos_trabajo',
    ]),
  }),
  outputSchema: N5OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente de Reparto y timing (N5)',
        rules: [
          `Exactamente ${input.comidas_dia} comidas con hora HH:MM según los horarios del cliente.`,
          'Porcentaje del día de proteína, carbohidratos y grasa en cada comida; cada macro suma 100 entre todas las comidas.',
          'Proteína repartida (≥ 20 % en al menos 3 comidas); más carbohidrato alrededor del entrenamiento.',
          'En las notas, ni gramos ni kcal: los menús los calculan después; puedes citar tus porcentajes y horas.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve el reparto de comidas.',
      },
      language,
    ),
  validate: (output, input) => [
    ...timingProblems(output, input.comidas_dia),
    ...textNumberProblems(timingTexts(output), timingFigures(output)),
  ],
  finalize: (output) => output,
});
