import { z } from 'zod';
import { SchemaVersionFieldSchema } from './schema-version';
import { OVERRIDE_DOORS, PLAN_KINDS, PlanDeliverySchema, type PlanKind } from './plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from './plans';

/*
 * Versions and review state of a plan (issue #16; docs/ARCHITECTURE.md "Plan versions and review").
 *
 * The plan document (`training_plans` / `nutrition_plans`) always holds the CURRENT content, so
 * every reader that predates versions — the client PDF, the next block, the API — keeps reading
 * one document. Each save also writes an immutable copy to `plan_versions`, with a deterministic
 * `_id` (`<plan id>#v<n>`): two instances saving on top of the same version race for the same
 * `_id`, and the database's unique key lets exactly one win (that is the optimistic version check,
 * and it holds on every server we run, the test server included). The generated content is v1,
 * copied lazily the first time anything is saved, so plans stored before versions need no
 * migration.
 *
 * Review state is about the current version: `draft` until the coach approves it, `approved`, then
 * `delivered` once the client's copy (PDF or JSON) has been exported. A new version goes back to
 * `draft`, and `approved` / `delivered` keep naming the versions they were about, so the ficha can
 * still say which version the client has.
 */

export const PLAN_VERSIONS_COLLECTION = 'plan_versions';

export const REVIEW_STATES = ['draft', 'approved', 'delivered'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** How a version came to be. */
export const VERSION_ORIGINS = ['generated', 'edit', 'restore', 'regenerated'] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

/** Who wrote a version: the pipeline, or a coach through one of the doors (stored as codes). */
export const VERSION_AUTHORS = ['pipeline', ...OVERRIDE_DOORS] as const;
export type VersionAuthor = (typeof VERSION_AUTHORS)[number];

export const VERSION_NOTE_MAX = 500;
export const VERSION_COACH_MAX = 120;
/** Edits sent in one save or preview: a session of editing, not a bulk import. */
export const EDITS_PER_SAVE_MAX = 200;

const versionNumber = z.number().int().min(1);

export const VersionNumberSchema = z
  .number({ error: 'se esperaba el número de versión (1, 2, …)' })
  .int('se esperaba un número entero de versión')
  .min(1, 'las versiones empiezan en 1');

export const VersionNoteSchema = z
  .string({ error: 'se esperaba una nota corta, como texto' })
  .trim()
  .max(VERSION_NOTE_MAX, `máximo ${VERSION_NOTE_MAX} caracteres`);

export const VersionCoachSchema = z
  .string({ error: 'se esperaba el nombre de quien guarda, como texto' })
  .trim()
  .min(1, 'no puede estar vacío (omítelo si no quieres firmar)')
  .max(VERSION_COACH_MAX, `máximo ${VERSION_COACH_MAX} caracteres`);

export const PlanVersionAuthorSchema = z.object({
  via: z.enum(VERSION_AUTHORS),
  coach: z.string().min(1).optional(),
});
export type PlanVersionAuthor = z.infer<typeof PlanVersionAuthorSchema>;

/** What every version carries besides its content: enough to list and compare versions. */
export const PlanVersionSummarySchema = z.object({
  plan_id: z.string().min(1),
  kind: z.enum(PLAN_KINDS),
  version: versionNumber,
  created_at: z.date(),
  author: PlanVersionAuthorSchema,
  /** The coach's short note ("más glúteo", "sin lácteos por la mañana"); empty when none. */
  note: z.string(),
  origin: z.enum(VERSION_ORIGINS),
  /** The version this one was made from (null for v1). */
  based_on: versionNumber.nullable(),
  /** For a restore: the version whose content came back. */
  restored_from: versionNumber.optional(),
  /** For a regeneration: the job that wrote it. */
  job_id: z.string().min(1).optional(),
  /** The delivery state its audit gave (blocked, deliverable, approved despite a block). */
  delivery: PlanDeliverySchema,
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummarySchema>;

/** One stored version: the summary and the plan's `training` or `nutrition` object as it was. */
export const PlanVersionDocumentSchema = PlanVersionSummarySchema.extend({
  _id: z.string().min(1),
  user_id: z.string().min(1),
  content: z.looseObject({}),
  schema_version: SchemaVersionFieldSchema,
});
export type PlanVersionDocument = z.infer<typeof PlanVersionDocumentSchema>;

export function planVersionId(planId: string, version: number): string {
  return `${planId}#v${version}`;
}

const stamp = {
  version: versionNumber,
  at: z.date(),
  via: z.enum(OVERRIDE_DOORS),
};

export const DELIVERY_FORMATS = ['pdf', 'json'] as const;
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];

export const PlanReviewSchema = z.object({
  state: z.enum(REVIEW_STATES),
  /** The latest approval, whichever version it was about. */
  approved: z.object({ ...stamp, coach: z.string().min(1).optional() }).nullable(),
  /** The latest export of the client's copy: the version the client has. */
  delivered: z.object({ ...stamp, format: z.enum(DELIVERY_FORMATS) }).nullable(),
});
export type PlanReview = z.infer<typeof PlanReviewSchema>;

type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;

/**
 * The current version number; plans stored before versions are at 1. Migration 1→2 writes the 1;
 * the default stays for plans an older app still writes (docs/ARCHITECTURE.md "Schema versions and migrations").
 */
export function versionOf(plan: Pick<AnyPlan, 'version'>): number {
  return plan.version ?? 1;
}

/** The review state; a plan stored before review existed is a draft until a coach approves it. */
export function reviewOf(plan: Pick<AnyPlan, 'review'>): PlanReview {
  return plan.review ?? { state: 'draft', approved: null, delivered: null };
}

/** The kind-specific content object of a plan (`training` or `nutrition`). */
export function contentOf(plan: AnyPlan, kind: PlanKind): Record<string, unknown> {
  return kind === 'training'
    ? (plan as TrainingPlanDocument).training
    : (plan as NutritionPlanDocument).nutrition;
}
