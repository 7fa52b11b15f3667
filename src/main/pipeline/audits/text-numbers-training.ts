import type { AuditCheckResult } from '@shared/plan-content';
import { checkResult, listEs } from './check';
import {
  formattedPlanFigures,
  formattedPlanTexts,
  mesocycleFigures,
  mesocycleTexts,
  trainingFigures,
} from './text-figures-training';
import { checkTextNumbers, type PlanText, type AllowedValues } from './text-numbers';
import type { TrainingAuditInput } from './training';

/*
 * TRN-15, "texto = números" (issue 13 point 3, docs/AUDITS.md §9): the client's formatted plan (E7)
 * names exactly the session days and states only the sessions' figures (days and sessions a week,
 * rest days, sets, minutes, repetitions, RIR); the mesocycle's texts (E4) state its own sets, load
 * steps and RIR. The figures are recomputed from the stored sessions, never read from E7's input.
 */

export function trn15(input: TrainingAuditInput): AuditCheckResult {
  const sessions = input.safeSessions.sesiones;
  const problems: string[] = [];
  let checked = 0;
  const check = (agent: string, texts: PlanText[], allowed: AllowedValues) => {
    const result = checkTextNumbers(texts, allowed);
    checked += result.checked;
    problems.push(...result.problems.map((problem) => `${agent} ${problem}`));
  };
  const plan = input.formattedPlan;
  if (plan) {
    const planned = sessions.map((session) => session.dia as string);
    const written = plan.dias.map((day) => day.dia as string);
    const missing = planned.filter((dia) => !written.includes(dia));
    const extra = written.filter((dia) => !planned.includes(dia));
    if (missing.length > 0) problems.push(`E7 no explica los días con sesión: ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`E7 presenta días sin sesión: ${extra.join(', ')}`);
    check(
      'E7',
      formattedPlanTexts(plan),
      formattedPlanFigures(trainingFigures(sessions, input.mesocycle.semanas)),
    );
  }
  check(
    'E4',
    mesocycleTexts(input.mesocycle),
    mesocycleFigures(input.mesocycle, input.previousTargets ?? []),
  );
  if (problems.length > 0) {
    return checkResult(
      'TRN-15',
      'block',
      false,
      `Textos que no coinciden con el plan: ${listEs(problems, 6)}`,
    );
  }
  return checkResult(
    'TRN-15',
    'block',
    true,
    `${checked} cifras de los textos (${plan ? 'plan del cliente y ' : ''}mesociclo) coinciden con las sesiones.`,
  );
}
