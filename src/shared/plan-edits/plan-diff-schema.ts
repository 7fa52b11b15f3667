import { z } from 'zod';
import { DayTypeSchema, DiaSchema } from '../agent-outputs/common';
import {
  AUDIT_STATUS_VALUES,
  NUTRITION_AGENT_FIELDS,
  NUTRITION_PLAN_FIELDS,
  TRAINING_AGENT_FIELDS,
  TRAINING_PLAN_FIELDS,
  type AuditStatus,
  type NutritionPlanField,
  type TrainingPlanField,
} from '../plans';
import { arrow, sameValue } from './plan-diff-match';
import { PRESCRIPTION_FIELDS } from './training-edit-schema';

/*
 * One line of the readable difference between two versions of a plan (issue #16 point 4). The two
 * versions may be any two — consecutive coach edits or a regeneration that rewrote whole agent
 * fields — so a change says where it happened in the version that has it (`after`, or `before` for
 * what was removed) and carries its sentence in both languages: the UI shows `text[lang]` as is.
 */

export const PLAN_CHANGE_CODES = [
  'session_added',
  'session_removed',
  'session_moved',
  /** A paired session's `nombre` or `duracion_min` (see `field`). */
  'session_changed',
  'exercise_swapped',
  'exercise_added',
  'exercise_removed',
  'exercise_moved',
  'prescription_changed',
  'menu_added',
  'menu_removed',
  'meal_added',
  'meal_removed',
  'meal_moved',
  'meal_renamed',
  /** The meal's dishes were rewritten (other dish names or count): shown whole, not food by food. */
  'meal_replaced',
  'meal_time_changed',
  'food_replaced',
  'food_added',
  'food_removed',
  'food_moved',
  'grams_changed',
  /** An agent field outside the parts above differs (deep equality). */
  'field_changed',
  'audit_status_changed',
] as const;
export type PlanChangeCode = (typeof PLAN_CHANGE_CODES)[number];

// `audit` is in both field lists; z.enum keeps one.
const CHANGED_FIELDS = [
  ...PRESCRIPTION_FIELDS,
  'rpe',
  'nombre',
  'duracion_min',
  ...TRAINING_PLAN_FIELDS,
  ...NUTRITION_PLAN_FIELDS,
] as const;

const position = z.number().int().min(0);
const named = z.object({ index: position, nombre: z.string() });
const LocalizedTextSchema = z.object({ es: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const PlanChangeSchema = z.object({
  code: z.enum(PLAN_CHANGE_CODES),
  /**
   * The session, as the later version has it (the earlier one for a removed session): index in the
   * shown week, weekday, name.
   */
  session: named.extend({ dia: DiaSchema }).optional(),
  /** The exercise: catalog id and 0-based position in its session (in the earlier version if removed). */
  exercise: z.object({ index: position, id: z.string() }).optional(),
  day_type: DayTypeSchema.optional(),
  meal: named.optional(),
  dish: named.optional(),
  /**
   * The food: table id (null for a free-text food of an older plan) and 0-based position in its dish
   * (in the earlier version if removed). Meals and dishes likewise.
   */
  ingredient: z.object({ index: position, id: z.string().nullable() }).optional(),
  /** The prescription field, the session field, or the agent field that changed. */
  field: z.enum(CHANGED_FIELDS).optional(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  text: LocalizedTextSchema,
});
export type PlanChange = z.infer<typeof PlanChangeSchema>;

const FIELD_LABELS: Record<string, { es: string; en: string; feminine?: boolean; plural?: boolean }> = {
  client_summary: { es: 'Resumen del cliente', en: 'Client summary' },
  capacity: { es: 'Capacidad y riesgo', en: 'Capacity and risk', feminine: true },
  adaptation: { es: 'Historial y adaptación', en: 'History and adaptation' },
  mesocycle: { es: 'Mesociclo', en: 'Mesocycle' },
  sessions: { es: 'Semana diseñada', en: 'Designed week', feminine: true },
  safe_sessions: { es: 'Semana adaptada a lesiones', en: 'Injury-safe week', feminine: true },
  formatted_plan: { es: 'Plan redactado', en: 'Written plan' },
  bridge_for_nutrition: { es: 'Puente a nutrición', en: 'Bridge to nutrition' },
  profile: { es: 'Perfil nutricional', en: 'Nutrition profile' },
  metabolism: { es: 'Metabolismo', en: 'Metabolism' },
  energy_strategy: { es: 'Estrategia energética', en: 'Energy strategy', feminine: true },
  macro_design: { es: 'Diseño de macros', en: 'Macro design' },
  weekly_structure: { es: 'Estructura semanal', en: 'Weekly structure', feminine: true },
  timing_plan: { es: 'Reparto y horario de comidas', en: 'Meal split and times' },
  menu_plan: { es: 'Menús', en: 'Menus', plural: true },
  adherence_report: { es: 'Plan de adherencia', en: 'Adherence plan' },
};

const AGENT_OF: Record<string, string> = Object.fromEntries(
  [...Object.entries(TRAINING_AGENT_FIELDS), ...Object.entries(NUTRITION_AGENT_FIELDS)].map(
    ([agent, field]) => [field, agent],
  ),
);

/** "Estructura semanal (N4) cambiada" when the field differs between the versions, else nothing. */
export function fieldChange(
  field: TrainingPlanField | NutritionPlanField,
  before: unknown,
  after: unknown,
  agent = AGENT_OF[field],
): PlanChange[] {
  if (sameValue(before, after)) return [];
  const label = FIELD_LABELS[field] ?? { es: field, en: field };
  const who = agent ? ` (${agent})` : '';
  const es = `${label.es}${who} cambiad${label.feminine ? 'a' : 'o'}${label.plural ? 's' : ''}`;
  return [
    {
      code: 'field_changed',
      field,
      before: null,
      after: null,
      text: { es, en: `${label.en}${who} changed` },
    },
  ];
}

const STATUS: Record<AuditStatus, { es: string; en: string }> = {
  aprobado: { es: 'aprobado', en: 'approved' },
  con_warnings: { es: 'con avisos', en: 'with warnings' },
  bloqueado: { es: 'bloqueado', en: 'blocked' },
};

const statusOf = (audit: unknown): AuditStatus | undefined => {
  const status = (audit as { status?: unknown } | null)?.status;
  return AUDIT_STATUS_VALUES.find((value) => value === status);
};

/**
 * The audit's status as one line ("Auditoría: aprobado → bloqueado"): its checks are recomputed by
 * code from the rest of the plan, so listing them would repeat the changes above.
 */
export function auditChange(before: unknown, after: unknown): PlanChange[] {
  const from = statusOf(before);
  const to = statusOf(after);
  if (!from || !to || from === to) return [];
  return [
    {
      code: 'audit_status_changed',
      field: 'audit',
      before: from,
      after: to,
      text: {
        es: `Auditoría: ${arrow(STATUS[from].es, STATUS[to].es)}`,
        en: `Audit: ${arrow(STATUS[from].en, STATUS[to].en)}`,
      },
    },
  ];
}
