import { z } from 'zod';
import {
  IsoDate,
  NutritionPlanJsonSchema,
  PlanDeliveryJsonSchema,
  PlanReviewJsonSchema,
  TrainingPlanJsonSchema,
} from './api';
import { FieldErrorSchema } from './field-error';
import { IdSchema } from './ids';
import { OverrideCoachSchema, OverrideReasonSchema, PLAN_KINDS } from './plan-delivery';
import { NutritionEditSchema, TrainingEditSchema } from './plan-edits';
import { PlanChangeSchema } from './plan-edits/plan-diff-schema';
import {
  EDITS_PER_SAVE_MAX,
  PlanVersionSummarySchema,
  VersionCoachSchema,
  VersionNoteSchema,
  VersionNumberSchema,
} from './plan-versions';
import { PlanAuditSchema } from './plans';
import { WeekDriftSchema } from './plan-week-drift';

/*
 * What both doors take and give for a plan's versions and review (issue #16; docs/ARCHITECTURE.md
 * "Plan versions and review"): the HTTP routes (src/shared/http-routes.ts) and the IPC contract
 * (src/shared/ipc-contract.ts) use these same schemas, with `kind` and `plan_id` from the path over
 * HTTP and in the arguments over IPC. Dates are `IsoDate` codecs: JSON text on the wire, Dates once
 * decoded, so the browser and the desktop app get the same values.
 */

/**
 * Edits apply in order, each to the plan as the edits before it left it: after a
 * `remove_exercise` at 0, index 0 names the exercise that followed (the editor builds its list
 * this way as the coach works).
 */
const editsOf = <E extends z.ZodType>(edit: E) =>
  z
    .array(edit, { error: 'se esperaba una lista de cambios (edits)' })
    .min(1, 'indica al menos un cambio')
    .max(EDITS_PER_SAVE_MAX, `máximo ${EDITS_PER_SAVE_MAX} cambios por guardado`);

export const TrainingEditsSchema = editsOf(TrainingEditSchema);
export const NutritionEditsSchema = editsOf(NutritionEditSchema);

const baseVersion = { base_version: VersionNumberSchema };
const signature = { note: VersionNoteSchema.optional(), coach: VersionCoachSchema.optional() };

/** Edits checked without saving: the edited plan, its re-audit and the change list. */
export const TrainingPreviewBodySchema = z.strictObject({ ...baseVersion, edits: TrainingEditsSchema });
export const NutritionPreviewBodySchema = z.strictObject({ ...baseVersion, edits: NutritionEditsSchema });
/** The same edits saved as a new version, with an optional note and signature. */
export const TrainingSaveBodySchema = TrainingPreviewBodySchema.extend(signature);
export const NutritionSaveBodySchema = NutritionPreviewBodySchema.extend(signature);

/** A version's content back as a new version on top of the current one. */
export const RestoreBodySchema = z.strictObject({ ...baseVersion, ...signature });

/**
 * Approve the current version (named, so an approval never lands on a version the coach has not
 * seen). A version its audit blocks needs `override_reason`: the written reason of the delivery
 * block (docs/AUDITS.md §8).
 */
export const ApproveBodySchema = z.strictObject({
  version: VersionNumberSchema,
  override_reason: OverrideReasonSchema.optional(),
  coach: OverrideCoachSchema.optional(),
});

/** A version number written in a path or query: digits only (no `0x1`, `1e0`, ` 2`). */
const VersionText = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'se esperaba el número de versión (1, 2, …)')
  .transform(Number)
  .pipe(VersionNumberSchema);

export const VersionParamsSchema = z.strictObject({ plan_id: IdSchema, version: VersionText });

export const DiffQuerySchema = z.strictObject({ from: VersionText, to: VersionText });

// --- answers ---------------------------------------------------------------------------------

export const PlanVersionSummaryJsonSchema = PlanVersionSummarySchema.extend({
  created_at: IsoDate,
  delivery: PlanDeliveryJsonSchema,
});

export const PlanVersionListSchema = z.object({
  success: z.literal(true),
  plan_id: z.string(),
  kind: z.enum(PLAN_KINDS),
  current_version: VersionNumberSchema,
  review: PlanReviewJsonSchema,
  versions: z.array(PlanVersionSummaryJsonSchema),
  /** A nutrition plan whose menus follow an older week of its training plan; null when they agree. */
  week_drift: WeekDriftSchema.nullable(),
});

export const PlanVersionAnswerSchema = z.object({
  success: z.literal(true),
  version: PlanVersionSummaryJsonSchema.extend({ content: z.looseObject({}) }),
});

export const PlanDiffSchema = z.object({
  success: z.literal(true),
  from: VersionNumberSchema,
  to: VersionNumberSchema,
  changes: z.array(PlanChangeSchema),
});

function previewOf<P extends z.ZodType>(plan: P) {
  return z.object({
    success: z.literal(true),
    base_version: VersionNumberSchema,
    /** The edited plan, with the fields code derives recomputed and its audit re-run. */
    plan,
    audit: PlanAuditSchema,
    delivery: PlanDeliveryJsonSchema,
    /** Accepted edits the client should not have (a contraindicated exercise…): the audit blocks them. */
    warnings: z.array(FieldErrorSchema),
    changes: z.array(PlanChangeSchema),
  });
}
export const TrainingPreviewSchema = previewOf(TrainingPlanJsonSchema);
export const NutritionPreviewSchema = previewOf(NutritionPlanJsonSchema);

/** A saved version, a restore, an approval: the plan as it now is. */
function savedOf<P extends z.ZodType>(plan: P) {
  return z.object({ success: z.literal(true), version: VersionNumberSchema, plan });
}
export const TrainingSavedSchema = savedOf(TrainingPlanJsonSchema);
export const NutritionSavedSchema = savedOf(NutritionPlanJsonSchema);
