import { z } from 'zod';
import { FieldErrorSchema } from './field-error';
import { IdSchema } from './ids';
import { IPC_METHOD_CHANNELS } from './ipc-channels';
import { PLAN_KINDS, PlanDeliverySchema } from './plan-delivery';
import { PlanChangeSchema } from './plan-edits/plan-diff-schema';
import {
  ApproveBodySchema,
  NutritionPreviewBodySchema,
  NutritionSaveBodySchema,
  RestoreBodySchema,
  TrainingPreviewBodySchema,
  TrainingSaveBodySchema,
} from './plan-versions-api';
import { PlanReviewSchema, PlanVersionSummarySchema, VersionNumberSchema } from './plan-versions';
import { NutritionPlanDocumentSchema, PlanAuditSchema, TrainingPlanDocumentSchema } from './plans';
import { PublicJobSchema } from './job';
import { WeekDriftSchema } from './plan-week-drift';
import { PlanRegenerationRequestSchema } from './plan-regeneration';

/*
 * The IPC half of the plan versions contract (issue #16; the HTTP half is in http-routes.ts, both
 * built on plan-versions-api.ts). Over IPC the plan is named in the arguments (`kind`, `plan_id`),
 * and answers carry Dates as they are (structured clone), so these result schemas use the plain
 * document schemas, not the JSON codecs. Spread into IPC_CONTRACT (ipc-contract.ts).
 */

const Kind = z.enum(PLAN_KINDS, { error: 'kind debe ser "training" o "nutrition"' });
const PlanRef = { kind: Kind, plan_id: IdSchema };
const PlanDocument = z.union([TrainingPlanDocumentSchema, NutritionPlanDocumentSchema]);

const withPlan = <T extends z.ZodRawShape>(kind: 'training' | 'nutrition', shape: T) =>
  z.strictObject({ kind: z.literal(kind), plan_id: IdSchema, ...shape });

export const PreviewPlanEditsArgsSchema = z.discriminatedUnion('kind', [
  withPlan('training', TrainingPreviewBodySchema.shape),
  withPlan('nutrition', NutritionPreviewBodySchema.shape),
]);
export const SavePlanEditsArgsSchema = z.discriminatedUnion('kind', [
  withPlan('training', TrainingSaveBodySchema.shape),
  withPlan('nutrition', NutritionSaveBodySchema.shape),
]);

export const PlanVersionsResultSchema = z.object({
  plan_id: z.string(),
  kind: Kind,
  current_version: VersionNumberSchema,
  review: PlanReviewSchema,
  versions: z.array(PlanVersionSummarySchema),
  week_drift: WeekDriftSchema.nullable(),
});
export type PlanVersionsResult = z.infer<typeof PlanVersionsResultSchema>;

export const PlanVersionResultSchema = PlanVersionSummarySchema.extend({ content: z.looseObject({}) });
export type PlanVersionResult = z.infer<typeof PlanVersionResultSchema>;

export const PlanDiffResultSchema = z.object({
  from: VersionNumberSchema,
  to: VersionNumberSchema,
  changes: z.array(PlanChangeSchema),
});
export type PlanDiffResult = z.infer<typeof PlanDiffResultSchema>;

export const PlanPreviewResultSchema = z.object({
  base_version: VersionNumberSchema,
  plan: PlanDocument,
  audit: PlanAuditSchema,
  delivery: PlanDeliverySchema,
  warnings: z.array(FieldErrorSchema),
  changes: z.array(PlanChangeSchema),
});
export type PlanPreviewResult = z.infer<typeof PlanPreviewResultSchema>;

export const PlanSavedResultSchema = z.object({ version: VersionNumberSchema, plan: PlanDocument });
export type PlanSavedResult = z.infer<typeof PlanSavedResultSchema>;

export const PLAN_VERSION_IPC_METHODS = {
  /** The plan's versions (who, when, note, origin, audit state), oldest first, and its review state. */
  listPlanVersions: {
    channel: IPC_METHOD_CHANNELS.listPlanVersions,
    args: z.strictObject(PlanRef),
    result: PlanVersionsResultSchema,
  },
  getPlanVersion: {
    channel: IPC_METHOD_CHANNELS.getPlanVersion,
    args: z.strictObject({ ...PlanRef, version: VersionNumberSchema }),
    result: PlanVersionResultSchema,
  },
  /** The readable changes from one version to another (any two). */
  comparePlanVersions: {
    channel: IPC_METHOD_CHANNELS.comparePlanVersions,
    args: z.strictObject({ ...PlanRef, from: VersionNumberSchema, to: VersionNumberSchema }),
    result: PlanDiffResultSchema,
  },
  /** Edits applied and re-audited without saving: what the editor shows as the coach works. */
  previewPlanEdits: {
    channel: IPC_METHOD_CHANNELS.previewPlanEdits,
    args: PreviewPlanEditsArgsSchema,
    result: PlanPreviewResultSchema,
  },
  /** The same edits saved as a new version (`plan_version_conflict` if someone saved meanwhile). */
  savePlanEdits: {
    channel: IPC_METHOD_CHANNELS.savePlanEdits,
    args: SavePlanEditsArgsSchema,
    result: PlanSavedResultSchema,
  },
  /** An older version's content back as a new version on top. */
  restorePlanVersion: {
    channel: IPC_METHOD_CHANNELS.restorePlanVersion,
    args: z.strictObject({ ...PlanRef, version: VersionNumberSchema, ...RestoreBodySchema.shape }),
    result: PlanSavedResultSchema,
  },
  /** Approves the current version (a blocked one needs `override_reason`). */
  approvePlan: {
    channel: IPC_METHOD_CHANNELS.approvePlan,
    args: z.strictObject({ ...PlanRef, ...ApproveBodySchema.shape }),
    result: PlanDocument,
  },
  /** Redo part of the current version with the coach's note: a normal job that saves a new version. */
  regeneratePlanPart: {
    channel: IPC_METHOD_CHANNELS.regeneratePlanPart,
    args: PlanRegenerationRequestSchema,
    result: PublicJobSchema,
  },
} as const;
