import type { E7Output } from '@shared/agent-outputs/training';
import { formattedPlanTexts, textNumberProblems, type AllowedValues } from '../../audits';

/*
 * The client reads E7's formatted plan, not the sessions: its days must be the safe sessions' days,
 * and every count of days, sessions, sets, minutes, repetitions or RIR it states must be one of the
 * sessions' figures (issue 13, "text agrees with numbers"; docs/AUDITS.md §9). A mismatch goes back
 * to the model in the repair round; a model that insists fails the job instead of misleading the
 * client. TRN-15 checks the stored plan the same way.
 */

/** Without the sessions' figures, at least the week's count: N days or sessions a week, 7 − N rest days. */
function weeklyCount(sessions: number): AllowedValues {
  return { days: [sessions], sessions: [sessions], 'days:descanso': [7 - sessions] };
}

export function formattedPlanProblems(
  output: E7Output,
  sessions: readonly { dia: string }[],
  figures: AllowedValues = weeklyCount(sessions.length),
): string[] {
  const problems: string[] = [];
  const planned: string[] = sessions.map((session) => session.dia);
  const written: string[] = output.dias.map((day) => day.dia);
  const missing = planned.filter((dia) => !written.includes(dia));
  const extra = written.filter((dia) => !planned.includes(dia));
  if (missing.length > 0) problems.push(`faltan los días con sesión: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`días sin sesión en el plan: ${extra.join(', ')}; quítalos`);
  if (written.length !== new Set(written).size) problems.push('un día aparece más de una vez');
  problems.push(...textNumberProblems(formattedPlanTexts(output), figures));
  return [...new Set(problems)];
}
