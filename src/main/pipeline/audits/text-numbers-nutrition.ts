import type { AuditCheckResult } from '@shared/plan-content';
import { checkResult, listEs } from './check';
import type { NutritionAuditInput } from './nutrition';
import {
  adherenceFigures,
  adherenceTexts,
  energyFigures,
  macroFigures,
  metabolismFigures,
  weeklyFigures,
} from './text-figures-nutrition';
import { checkTextNumbers, type AllowedValues, type PlanText } from './text-numbers';

/*
 * NUT-20, "texto = números" (issue 13 point 3, docs/AUDITS.md §9): the stored texts of N1–N4 and N7
 * state only the numbers computed for them. Each agent's repair round already enforces this on a
 * fresh answer; the audit repeats it on what is stored, so a plan assembled from checkpoints or
 * written before the check existed is covered too. The allowed values come from the stored
 * numbers, never from the text.
 */

/** Weights a g/kg may be given on: actual, and for BMI ≥ 30 the adjusted and BMI-25 weights (docs/DOMAIN.md "Macronutrients"). */
function referenceWeights(facts: NutritionAuditInput['facts']): number[] {
  if (facts.imc < 30) return [facts.peso_kg];
  const atBmi25 = 25 * (facts.altura_cm / 100) ** 2;
  return [facts.peso_kg, atBmi25, atBmi25 + 0.25 * (facts.peso_kg - atBmi25)];
}

interface Section {
  agent: string;
  texts: PlanText[];
  allowed: AllowedValues;
}

export function nut20(input: NutritionAuditInput): AuditCheckResult {
  const { facts, metabolism, energy, macros } = input;
  const kcal = {
    alto: macros.por_tipo_dia.alto.kcal,
    medio: macros.por_tipo_dia.medio.kcal,
    bajo: macros.por_tipo_dia.bajo.kcal,
  };
  const explanation = (texto: string): PlanText[] => [{ campo: 'explicacion', texto }];
  const sections: Section[] = [
    { agent: 'N1', texts: explanation(metabolism.explicacion), allowed: metabolismFigures(metabolism) },
    { agent: 'N2', texts: explanation(energy.explicacion), allowed: energyFigures(energy, metabolism.tdee) },
    {
      agent: 'N3',
      texts: explanation(macros.explicacion),
      allowed: macroFigures(macros, referenceWeights(facts)),
    },
    ...(input.weekly_structure
      ? [
          {
            agent: 'N4',
            texts: explanation(input.weekly_structure.explicacion),
            allowed: weeklyFigures(input.weekly_structure.semana, kcal),
          },
        ]
      : []),
    {
      agent: 'N7',
      texts: adherenceTexts({ ...input.adherence_texts, suplementos: input.adherence.suplementos }),
      allowed: adherenceFigures({
        kcal_por_tipo_dia: kcal,
        proteina_g_por_tipo_dia: {
          alto: macros.por_tipo_dia.alto.proteina_g,
          medio: macros.por_tipo_dia.medio.proteina_g,
          bajo: macros.por_tipo_dia.bajo.proteina_g,
        },
        peso_kg: facts.peso_kg,
      }),
    },
  ];
  const problems: string[] = [];
  let checked = 0;
  for (const section of sections) {
    const result = checkTextNumbers(section.texts, section.allowed);
    checked += result.checked;
    problems.push(...result.problems.map((problem) => `${section.agent} ${problem}`));
  }
  const agents = sections.map((section) => section.agent).join(', ');
  if (problems.length > 0) {
    return checkResult(
      'NUT-20',
      'block',
      false,
      `Cifras de los textos que no son las calculadas: ${listEs(problems, 6)}`,
    );
  }
  return checkResult(
    'NUT-20',
    'block',
    true,
    `${checked} cifras de los textos de ${agents} coinciden con los valores calculados.`,
  );
}
