import { z } from 'zod';
import { N7OutputSchema } from '@shared/agent-outputs/nutrition';
import { E2OutputSchema, E7OutputSchema, type E7Output } from '@shared/agent-outputs/training';
import { menuDayTotals } from '@shared/menu-totals';
import { MenuPlanSchema } from '@shared/menu-plan';
import {
  ClientFactsSchema,
  EnergyStrategySchema,
  MacroDesignSchema,
  MesocycleSchema,
  MetabolismSchema,
  NutritionFactsSchema,
  SafeSessionsFieldSchema,
  SessionsFieldSchema,
  WeeklyStructureSchema,
  type AuditCheckResult,
  type AuditResult,
  type SafeSessionsField,
} from '@shared/plan-content';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { emptyMuscleRecord, type ExerciseCatalog } from '../catalog';
import { bridgeFromSessions } from '../facts/bridge';
import { buildAudit } from './build-audit';
import { checkResult } from './check';
import { auditNutrition } from './nutrition';
import { fitFormattedPlanToWeek } from './reaudit-formatted-plan';
import { readField, reauditFailure, recoverLlmReview, thrownReason, type FieldRead } from './reaudit-review';
import { auditTraining, recomputeWeeklySets } from './training';

/*
 * The re-audit of a coach-edited plan (issue 16 point 3;
 * docs/AUDITS.md "Re-audit of an edited plan"): the same deterministic checks E8/N8 ran, on the
 * edited document, read from the document's own fields — no model call, milliseconds. The model's
 * review is the one stored (recoverLlmReview). The fields code derives from the edited content are
 * recomputed the way the pipeline computes them; the models' texts are kept, except E7's day notes
 * (reaudit-formatted-plan.ts).
 */

export interface TrainingReauditOptions {
  /** The previous block's plan: E4 may state the change from its weekly targets (TRN-15). */
  previousPlan?: TrainingPlanDocument | null;
  catalog?: ExerciseCatalog;
}

export interface NutritionReauditOptions {
  /** The questionnaire's habitual caffeine (`responses.cafeina_mg_dia`): not in the plan, NUT-17 needs it. */
  cafeina_mg_dia?: number | null;
  /**
   * Checks of what lies outside the plan (the training plan its week came from), added to the
   * audit as they are: the caller knows the other documents.
   */
  extraChecks?: readonly AuditCheckResult[];
}

export interface TrainingReaudit {
  plan: TrainingPlanDocument;
  audit: AuditResult;
}

export interface NutritionReaudit {
  plan: NutritionPlanDocument;
  audit: AuditResult;
}

const PerfilSchema = z.object({ perfil: ClientFactsSchema });
const CapacitySchema = E2OutputSchema.pick({ nivel: true });
const ProfileSchema = z.object({ datos: NutritionFactsSchema });
const PreviousTargetsSchema = z.object({
  series_semanales_objetivo: z.array(z.object({ musculo: z.string(), series: z.number() })),
});

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);

function firstFailure(reads: readonly FieldRead<unknown>[]): string {
  for (const read of reads) if (!read.ok) return read.reason;
  return 'faltan campos del plan';
}

/** E6's week, or E5's when E6's does not parse — the week the plan shows (training-week.ts `shownWeek`). */
function readWeek(
  plan: TrainingPlanDocument,
): FieldRead<{ field: 'safe_sessions' | 'sessions'; week: SafeSessionsField }> {
  const safe = readField(SafeSessionsFieldSchema, plan.training.safe_sessions, 'training.safe_sessions');
  if (safe.ok) return { ok: true, value: { field: 'safe_sessions', week: safe.value } };
  const designed = readField(SessionsFieldSchema, plan.training.sessions, 'training.sessions');
  if (!designed.ok) return isEmpty(plan.training.safe_sessions) ? designed : safe;
  return {
    ok: true,
    value: { field: 'sessions', week: { ...designed.value, sustituciones: [], correctivos: [] } },
  };
}

export function reauditTrainingPlan(
  plan: TrainingPlanDocument,
  options: TrainingReauditOptions = {},
): TrainingReaudit {
  const next = structuredClone(plan);
  const t = next.training;
  const llmReview = recoverLlmReview(plan.training.audit);
  const fail = (why: string): TrainingReaudit => {
    const audit = reauditFailure(why, llmReview);
    t.audit = audit;
    return { plan: next, audit };
  };

  const summary = readField(PerfilSchema, t.client_summary, 'training.client_summary.perfil');
  const capacity = readField(CapacitySchema, t.capacity, 'training.capacity');
  const mesocycle = readField(MesocycleSchema, t.mesocycle, 'training.mesocycle');
  const shown = readWeek(next);
  // A plan without E7 (stored before it existed) has no client text to check; a present one must read.
  const formatted: FieldRead<E7Output | undefined> = isEmpty(t.formatted_plan)
    ? { ok: true, value: undefined }
    : readField(E7OutputSchema, t.formatted_plan, 'training.formatted_plan');
  if (!summary.ok || !capacity.ok || !mesocycle.ok || !shown.ok || !formatted.ok) {
    return fail(firstFailure([summary, capacity, mesocycle, shown, formatted]));
  }

  try {
    const { field, week } = shown.value;
    const sessions = week.sesiones;
    // The shape E5/E6 store (`weeklySetsPerMuscle`): every muscle, zeros included.
    const series_semanales = { ...emptyMuscleRecord(), ...recomputeWeeklySets(sessions, options.catalog) };
    const edited: SafeSessionsField = { ...week, series_semanales };
    t[field] = { ...t[field], series_semanales };
    // E9's numbers come from the week; its notes for the nutrition agents stay as written.
    if (!isEmpty(t.bridge_for_nutrition)) {
      t.bridge_for_nutrition = { ...t.bridge_for_nutrition, ...bridgeFromSessions(edited) };
    }
    const fitted = formatted.value && fitFormattedPlanToWeek(formatted.value, sessions, next.language);
    if (fitted && fitted.changes.length > 0) t.formatted_plan = fitted.plan;

    const previous = PreviousTargetsSchema.safeParse(options.previousPlan?.training.mesocycle);
    const checks = auditTraining({
      facts: summary.value.perfil,
      capacity: capacity.value,
      mesocycle: mesocycle.value,
      safeSessions: edited,
      formattedPlan: fitted?.plan,
      previousTargets: previous.success ? previous.data.series_semanales_objetivo : [],
      ...(options.catalog ? { catalog: options.catalog } : {}),
    });
    if (fitted && fitted.changes.length > 0) {
      checks.push(
        checkResult(
          'REAUDIT',
          'info',
          true,
          `Texto del cliente (E7) ajustado a la semana editada: ${fitted.changes.join('; ')}.`,
        ),
      );
    }
    const audit = buildAudit(checks, llmReview);
    t.audit = audit;
    return { plan: next, audit };
  } catch (error) {
    return fail(thrownReason(error));
  }
}

export function reauditNutritionPlan(
  plan: NutritionPlanDocument,
  options: NutritionReauditOptions = {},
): NutritionReaudit {
  const next = structuredClone(plan);
  const n = next.nutrition;
  const llmReview = recoverLlmReview(plan.nutrition.audit);
  const fail = (why: string): NutritionReaudit => {
    const audit = reauditFailure(why, llmReview);
    n.audit = audit;
    return { plan: next, audit };
  };

  const profile = readField(ProfileSchema, n.profile, 'nutrition.profile.datos');
  const metabolism = readField(MetabolismSchema, n.metabolism, 'nutrition.metabolism');
  const energy = readField(EnergyStrategySchema, n.energy_strategy, 'nutrition.energy_strategy');
  const macros = readField(MacroDesignSchema, n.macro_design, 'nutrition.macro_design');
  const weekly = readField(WeeklyStructureSchema, n.weekly_structure, 'nutrition.weekly_structure');
  const menu = readField(MenuPlanSchema, n.menu_plan, 'nutrition.menu_plan');
  const adherence = readField(N7OutputSchema, n.adherence_report, 'nutrition.adherence_report');
  if (!profile.ok || !metabolism.ok || !energy.ok || !macros.ok || !weekly.ok || !menu.ok || !adherence.ok) {
    return fail(firstFailure([profile, metabolism, energy, macros, weekly, menu, adherence]));
  }

  try {
    // N6 stores each day's totals from the food table; a day stored without them (older plans) stays so.
    const menus = menu.value.menus.map((day) =>
      day.totales ? { ...day, totales: menuDayTotals(day).totals } : day,
    );
    n.menu_plan = { ...n.menu_plan, menus };
    const checks = auditNutrition({
      facts: profile.value.datos,
      metabolism: metabolism.value,
      energy: energy.value,
      macros: macros.value,
      menu: { menus },
      adherence: adherence.value,
      weekly_structure: weekly.value,
      adherence_texts: adherence.value,
      cafeina_mg_dia: options.cafeina_mg_dia ?? null,
    });
    const audit = buildAudit([...checks, ...(options.extraChecks ?? [])], llmReview);
    n.audit = audit;
    return { plan: next, audit };
  } catch (error) {
    return fail(thrownReason(error));
  }
}
