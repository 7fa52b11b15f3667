import type { z } from 'zod';
import type { Session } from '../agent-outputs/training';
import { SafeSessionsFieldSchema, SessionsFieldSchema } from '../plan-content';
import type { TrainingPlanDocument } from '../plans';
import { DIA_SEMANA_VALUES } from '../questionnaire';

/*
 * The week a training plan shows, where it lives and how an edited week is written back. The
 * choice is `readTraining`'s (src/shared/client-plan/read-plans.ts): E6's injury-safe sessions
 * (`training.safe_sessions`) when they parse, else E5's (`training.sessions`). Only that week is
 * edited; the other field, E6's substitutions and correctives, and the weekly-set counts
 * (`series_semanales`, computed by code) are kept as they were — re-auditing recomputes them.
 */

export type WeekField = 'safe_sessions' | 'sessions';

export interface ShownWeek {
  field: WeekField;
  sessions: Session[];
  /** The schema of the `sesiones` list in that field (E6's or E5's bounds). */
  schema: z.ZodType<Session[]>;
}

export function shownWeek(plan: TrainingPlanDocument): ShownWeek | undefined {
  const safe = SafeSessionsFieldSchema.safeParse(plan.training.safe_sessions);
  if (safe.success) {
    return {
      field: 'safe_sessions',
      sessions: safe.data.sesiones,
      schema: SafeSessionsFieldSchema.shape.sesiones,
    };
  }
  const designed = SessionsFieldSchema.safeParse(plan.training.sessions);
  if (designed.success) {
    return {
      field: 'sessions',
      sessions: designed.data.sesiones,
      schema: SessionsFieldSchema.shape.sesiones,
    };
  }
  return undefined;
}

/** A new document with `sessions` as the shown week; `plan` is left untouched. */
export function withWeek(
  plan: TrainingPlanDocument,
  field: WeekField,
  sessions: readonly Session[],
): TrainingPlanDocument {
  const copy = structuredClone(plan);
  copy.training[field] = { ...copy.training[field], sesiones: structuredClone([...sessions]) };
  return copy;
}

const dayRank = (session: Session): number => DIA_SEMANA_VALUES.indexOf(session.dia);

/** The week in weekday order (stable: sessions of one day keep their order). */
export function inWeekdayOrder(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => dayRank(a) - dayRank(b));
}

const DAY_NAMES_ES: Record<Session['dia'], string> = {
  lunes: 'lunes',
  martes: 'martes',
  miercoles: 'miércoles',
  jueves: 'jueves',
  viernes: 'viernes',
  sabado: 'sábado',
  domingo: 'domingo',
};

export function dayNameEs(dia: Session['dia']): string {
  return DAY_NAMES_ES[dia];
}
