import type { E7Output, Session } from '@shared/agent-outputs/training';
import type { PlanLanguage } from '@shared/plans';
import { DIA_SEMANA_VALUES } from '@shared/questionnaire';

/*
 * E7's client text after a coach moved, added or removed a session
 * (docs/AUDITS.md "Re-audit of an edited plan"). E7 writes one note per session day in free
 * prose — not a format code can rewrite — and TRN-15 requires exactly the session days. Left as it
 * is, a perfectly safe move (Monday's session to Thursday) would block the plan, and the client
 * would read a note for a day without a session. So the edited document carries E7's notes only for
 * days that still have a session, and a session day without a note gets a short note written here
 * from the session, with no figure in it. Everything E7 still states — the introduction, the tips,
 * each kept note — goes through the unchanged TRN-15: "3 días por semana" after a fourth session is
 * added still blocks, because the client would read it. A generated plan never passes through here
 * (E8 runs TRN-15 on E7's text as written).
 */

type Day = E7Output['dias'][number];

const dayRank = (dia: string) => DIA_SEMANA_VALUES.indexOf(dia as (typeof DIA_SEMANA_VALUES)[number]);

const NOTE: Record<PlanLanguage, (session: Session) => string> = {
  es: (s) => `${s.nombre}: sigue los ejercicios, las series, las repeticiones y el RIR que indica la sesión.`,
  en: (s) => `${s.nombre}: follow the exercises, sets, reps and RIR shown in the session.`,
};

export interface FittedFormattedPlan {
  plan: E7Output;
  /** What was changed, in Spanish for the coach; empty when E7's days are the week's. */
  changes: string[];
}

export function fitFormattedPlanToWeek(
  plan: E7Output,
  sessions: readonly Session[],
  language: PlanLanguage,
): FittedFormattedPlan {
  const sessionDays = new Set<string>(sessions.map((session) => session.dia));
  const kept = plan.dias.filter((day) => sessionDays.has(day.dia));
  const dropped = plan.dias.filter((day) => !sessionDays.has(day.dia)).map((day) => day.dia);
  const noted = new Set<string>(kept.map((day) => day.dia));
  const written: Day[] = sessions
    .filter((session) => !noted.has(session.dia))
    .map((session) => ({ dia: session.dia, titulo: session.nombre, texto: NOTE[language](session) }));
  const changes = [
    ...dropped.map((dia) => `nota del ${dia} retirada (ese día ya no tiene sesión)`),
    ...written.map((day) => `nota del ${day.dia} escrita por el sistema (sin cifras)`),
  ];
  if (changes.length === 0) return { plan, changes };
  const dias = [...kept, ...written].sort((a, b) => dayRank(a.dia) - dayRank(b.dia));
  return { plan: { ...plan, dias }, changes };
}
