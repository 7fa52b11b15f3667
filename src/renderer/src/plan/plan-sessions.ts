import type { Session } from '@shared/agent-outputs/training';
import { distinctSessions } from '@shared/client-plan/sessions';
import { DIA_SEMANA_VALUES, type DiaSemana } from '@shared/questionnaire';

export interface PlanSession {
  /** "Sesión A", or "Sesión A1" / "Sesión A2" when two sessions share a label but not their exercises. */
  title: string;
  session: Session;
  /** Every day the session is done on, Monday first. */
  days: DiaSemana[];
}

/**
 * The week's sessions as the coach's plan view lists them: one entry per distinct session (a session
 * repeated on two days with the same exercises is one entry with both days), titled as in the
 * client's version of the plan (src/shared/client-plan/sessions.ts) under the stored label.
 */
export function planSessions(sessions: readonly Session[]): PlanSession[] {
  return distinctSessions(sessions, (session) => session.nombre.trim()).map(({ title, session, days }) => ({
    title,
    session,
    days: days.map((day) => DIA_SEMANA_VALUES[day]).filter((day) => day !== undefined),
  }));
}
