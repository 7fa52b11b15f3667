import { z } from 'zod';
import { SchemaVersionFieldSchema } from './schema-version';
import { PlanDeliverySchema } from './plan-delivery';
import { PlanReviewSchema } from './plan-versions';

/*
 * Finished plans (collections `training_plans` / `nutrition_plans`; docs/ARCHITECTURE.md "Data in
 * MongoDB" and "The agents").
 *
 * Each agent fills exactly one field of `training` / `nutrition`. Their inner content gets strict
 * schemas in a later issue; for now each is a loose object naming only the fields the design
 * names, so nothing an agent writes is dropped and the audit — which the UI must show — is typed.
 */

export const TRAINING_PLANS_COLLECTION = 'training_plans';
export const NUTRITION_PLANS_COLLECTION = 'nutrition_plans';

export const PLAN_LANGUAGES = ['es', 'en'] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];

/** Agent → the one `training.*` field it fills (docs/ARCHITECTURE.md "The agents"). */
export const TRAINING_AGENT_FIELDS = {
  E1: 'client_summary',
  E2: 'capacity',
  E3: 'adaptation',
  E4: 'mesocycle',
  E5: 'sessions',
  E6: 'safe_sessions',
  E7: 'formatted_plan',
  E8: 'audit',
  E9: 'bridge_for_nutrition',
} as const;

/** Agent → the one `nutrition.*` field it fills (docs/ARCHITECTURE.md "The agents"). */
export const NUTRITION_AGENT_FIELDS = {
  N0: 'profile',
  N1: 'metabolism',
  N2: 'energy_strategy',
  N3: 'macro_design',
  N4: 'weekly_structure',
  N5: 'timing_plan',
  N6: 'menu_plan',
  N7: 'adherence_report',
  N8: 'audit',
} as const;

/** In pipeline order. */
export const TRAINING_PLAN_FIELDS = [
  'client_summary',
  'capacity',
  'adaptation',
  'mesocycle',
  'sessions',
  'safe_sessions',
  'formatted_plan',
  'audit',
  'bridge_for_nutrition',
] as const satisfies readonly (typeof TRAINING_AGENT_FIELDS)[keyof typeof TRAINING_AGENT_FIELDS][];

/** In pipeline order. */
export const NUTRITION_PLAN_FIELDS = [
  'profile',
  'metabolism',
  'energy_strategy',
  'macro_design',
  'weekly_structure',
  'timing_plan',
  'menu_plan',
  'adherence_report',
  'audit',
] as const satisfies readonly (typeof NUTRITION_AGENT_FIELDS)[keyof typeof NUTRITION_AGENT_FIELDS][];

export type TrainingAgentId = keyof typeof TRAINING_AGENT_FIELDS;
export type NutritionAgentId = keyof typeof NUTRITION_AGENT_FIELDS;
export type TrainingPlanField = (typeof TRAINING_PLAN_FIELDS)[number];
export type NutritionPlanField = (typeof NUTRITION_PLAN_FIELDS)[number];

// ---------------------------------------------------------------------------------------------
// Ids: derived from the job so a retried or resumed job can never create a second plan.
// ---------------------------------------------------------------------------------------------

const TRAINING_PLAN_ID_PREFIX = 'tp_';
const NUTRITION_PLAN_ID_PREFIX = 'np_';

function planIdForJob(prefix: string, jobId: string): string {
  if (typeof jobId !== 'string' || jobId.length === 0) {
    throw new TypeError('A plan id needs a non-empty job id.');
  }
  return `${prefix}${jobId}`;
}

export function trainingPlanIdForJob(jobId: string): string {
  return planIdForJob(TRAINING_PLAN_ID_PREFIX, jobId);
}

export function nutritionPlanIdForJob(jobId: string): string {
  return planIdForJob(NUTRITION_PLAN_ID_PREFIX, jobId);
}

// ---------------------------------------------------------------------------------------------
// Audit (E8 and N8 share the shape).
// ---------------------------------------------------------------------------------------------

export const AUDIT_STATUS_VALUES = ['aprobado', 'con_warnings', 'bloqueado'] as const;
export const AUDIT_SEVERITY_VALUES = ['block', 'warn', 'info'] as const;
export type AuditStatus = (typeof AUDIT_STATUS_VALUES)[number];
export type AuditSeverity = (typeof AUDIT_SEVERITY_VALUES)[number];

export const AuditCheckSchema = z.looseObject({
  /** Rule id from the rule tables of docs/AUDITS.md (e.g. `TRN-04`, `NUT-05`). */
  id: z.string().min(1),
  severity: z.enum(AUDIT_SEVERITY_VALUES),
  passed: z.boolean(),
  reason: z.string(),
});

export const PlanAuditSchema = z.looseObject({
  status: z.enum(AUDIT_STATUS_VALUES),
  checks: z.array(AuditCheckSchema),
  warnings: z.array(z.string()).optional(),
  recomendaciones: z.array(z.string()).optional(),
});

// ---------------------------------------------------------------------------------------------
// Agent outputs. Named fields are the ones docs/ARCHITECTURE.md "The agents" lists, all optional until
// their strict schemas exist.
// ---------------------------------------------------------------------------------------------

const looseRecord = z.looseObject({});
const anyList = z.array(z.unknown());
const nonNegative = z.number().nonnegative();

export const TrainingPlanContentSchema = z.looseObject({
  client_summary: z.looseObject({
    profile: looseRecord.optional(),
    constraints: anyList.optional(),
    prehab: anyList.optional(),
  }),
  capacity: z.looseObject({
    level: z.string().optional(),
    split: z.string().optional(),
    /** DOMAIN TRN-09: RIR scale 0–5. */
    target_rir: z.number().min(0).max(5).optional(),
    risk: z.unknown().optional(),
  }),
  adaptation: z.looseObject({ strategy: z.unknown().optional() }),
  mesocycle: z.looseObject({
    weeks: z.unknown().optional(),
    phases: anyList.optional(),
    deload: z.unknown().optional(),
  }),
  sessions: looseRecord,
  safe_sessions: looseRecord,
  formatted_plan: looseRecord,
  audit: PlanAuditSchema,
  bridge_for_nutrition: z.looseObject({
    training_days: z.unknown().optional(),
    session_load: z.unknown().optional(),
    energy_map: z.unknown().optional(),
  }),
});

export const NutritionPlanContentSchema = z.looseObject({
  profile: z.looseObject({
    eligibility: z.unknown().optional(),
    referral_flags: anyList.optional(),
    preferences: z.unknown().optional(),
    allergies: anyList.optional(),
  }),
  /** Computed by code (docs/DOMAIN.md "Basal metabolic rate", "Activity level and TDEE"), so the numbers are typed. */
  metabolism: z.looseObject({
    bmr: z.number().positive().optional(),
    tdee: z.number().positive().optional(),
  }),
  energy_strategy: looseRecord,
  macro_design: looseRecord,
  weekly_structure: looseRecord,
  timing_plan: looseRecord,
  menu_plan: looseRecord,
  adherence_report: looseRecord,
  audit: PlanAuditSchema,
});

// ---------------------------------------------------------------------------------------------
// Metrics and documents.
// ---------------------------------------------------------------------------------------------

const tokenCount = z.number().int().nonnegative();

export const AgentMetricsSchema = z.looseObject({
  prompt_tokens: tokenCount,
  completion_tokens: tokenCount,
  total_tokens: tokenCount,
  cost_usd: nonNegative.nullable().optional(),
  duration_ms: nonNegative.optional(),
  model: z.string().optional(),
});

export const PlanMetricsSchema = z.looseObject({
  total_tokens: tokenCount,
  prompt_tokens: tokenCount,
  completion_tokens: tokenCount,
  /** Prompt tokens served from the provider's cache; absent on plans from before it was counted. */
  cached_tokens: tokenCount.optional(),
  /** null when the model of any agent is missing from the editable price table. */
  cost_usd: nonNegative.nullable(),
  /** The models (as the price table names them) whose agents' cost is unknown; absent = none. */
  unpriced_models: z.array(z.string()).optional(),
  duration_ms: nonNegative,
  /** Keyed by agent id (`E1`, `N3`, …). */
  by_agent: z.record(z.string(), AgentMetricsSchema),
});

const planBaseShape = {
  user_id: z.string().min(1),
  job_id: z.string().min(1),
  submission_id: z.string().min(1),
  created_at: z.date(),
  language: z.enum(PLAN_LANGUAGES),
  model: z.string().min(1),
  metrics: PlanMetricsSchema,
  /**
   * Whether the plan may reach the client (blocked by its audit, or approved by the coach despite
   * it). Absent on documents stored before it existed: read it through `deliveryOf(plan)`.
   */
  delivery: PlanDeliverySchema.optional(),
  /** The current version (docs/ARCHITECTURE.md "Plan versions and review"); absent = 1, as generated. */
  version: z.number().int().min(1).optional(),
  /** draft → approved → delivered; absent = a draft. Read it through `reviewOf(plan)`. */
  review: PlanReviewSchema.optional(),
  schema_version: SchemaVersionFieldSchema,
};

export const TrainingPlanDocumentSchema = z
  .looseObject({
    _id: z.string().startsWith(TRAINING_PLAN_ID_PREFIX),
    ...planBaseShape,
    previous_training_plan_id: z.string().nullable(),
    training: TrainingPlanContentSchema,
  })
  .refine((plan) => plan._id === `${TRAINING_PLAN_ID_PREFIX}${plan.job_id}`, {
    path: ['_id'],
    message: '_id must be trainingPlanIdForJob(job_id)',
  });

export const NutritionPlanDocumentSchema = z
  .looseObject({
    _id: z.string().startsWith(NUTRITION_PLAN_ID_PREFIX),
    ...planBaseShape,
    /** The training plan whose `bridge_for_nutrition` was used, if any (docs/ARCHITECTURE.md "The agents"). */
    training_plan_id: z.string().nullable().optional(),
    previous_nutrition_plan_id: z.string().nullable(),
    nutrition: NutritionPlanContentSchema,
  })
  .refine((plan) => plan._id === `${NUTRITION_PLAN_ID_PREFIX}${plan.job_id}`, {
    path: ['_id'],
    message: '_id must be nutritionPlanIdForJob(job_id)',
  });

export type AuditCheck = z.infer<typeof AuditCheckSchema>;
export type PlanAudit = z.infer<typeof PlanAuditSchema>;
export type TrainingPlanContent = z.infer<typeof TrainingPlanContentSchema>;
export type NutritionPlanContent = z.infer<typeof NutritionPlanContentSchema>;
export type AgentMetrics = z.infer<typeof AgentMetricsSchema>;
export type PlanMetrics = z.infer<typeof PlanMetricsSchema>;
export type TrainingPlanDocument = z.infer<typeof TrainingPlanDocumentSchema>;
export type NutritionPlanDocument = z.infer<typeof NutritionPlanDocumentSchema>;
