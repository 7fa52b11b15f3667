import type { FieldError } from '@shared/field-error';
import type { OverrideDoor, PlanKind } from '@shared/plan-delivery';
import {
  applyNutritionEdit,
  applyTrainingEdit,
  diffNutritionPlans,
  diffTrainingPlans,
  type NutritionEdit,
  type TrainingEdit,
  type TrainingEditCatalog,
} from '@shared/plan-edits';
import type { PlanChange } from '@shared/plan-edits/plan-diff-schema';
import { contentOf, versionOf } from '@shared/plan-versions';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { invalidInputMessage } from '@shared/zod-field-errors';
import { getCatalog } from '../pipeline/catalog';
import { DomainError } from './domain-error';
import { getPlan, type Delivered, type PlanOfKind } from './plan-delivery';
import { reauditPlan, type Reaudited } from './plan-reaudit';
import { saveVersion, versionConflict, type VersionRepos } from './plan-version-save';

/*
 * The coach's editor (issue #16 points 1–3, 7): a list of edits on the version the coach is looking
 * at, applied in order by the shared pure operations (src/shared/plan-edits), the result re-audited
 * exactly as the pipeline audits, and — on save — written as a new version through the one
 * version protocol (db/repositories/commit-plan-version.ts). Preview and save run the same code, so
 * what the coach saw while editing is what is saved.
 */

export interface EditInput<K extends PlanKind = PlanKind> {
  kind: K;
  plan_id: string;
  /** The version the edits were made on: it must still be the current one. */
  base_version: number;
  /** Already parsed by the door; each is parsed again by its operation. */
  edits: K extends 'training' ? TrainingEdit[] : NutritionEdit[];
}

export interface SaveInput<K extends PlanKind = PlanKind> extends EditInput<K> {
  note?: string | undefined;
  coach?: string | undefined;
  via: OverrideDoor;
}

export interface EditPreview<K extends PlanKind> extends Reaudited<K> {
  base_version: number;
  warnings: FieldError[];
  changes: PlanChange[];
}

export function editCatalog(): TrainingEditCatalog {
  const catalog = getCatalog();
  return { byId: (id) => catalog.find(id), all: () => catalog.exercises };
}

/** An operation's field (`edit.exercise_id`) as the request names it (`edits.2.exercise_id`). */
function placeInRequest(errors: readonly FieldError[], index: number): FieldError[] {
  return errors.map((error) => {
    if (error.field !== 'edit' && !error.field.startsWith('edit.')) return error;
    const field = `edits.${index}${error.field.slice('edit'.length)}`;
    const message = error.message.startsWith(`${error.field}:`)
      ? `${field}${error.message.slice(error.field.length)}`
      : `${field}: ${error.message}`;
    return { ...error, field, message };
  });
}

function applyEdits<K extends PlanKind>(
  kind: K,
  plan: PlanOfKind[K],
  edits: readonly unknown[],
): { plan: PlanOfKind[K]; warnings: FieldError[] } {
  const catalog = kind === 'training' ? editCatalog() : null;
  let current: TrainingPlanDocument | NutritionPlanDocument = plan;
  const warnings: FieldError[] = [];
  for (const [index, edit] of edits.entries()) {
    const result = catalog
      ? applyTrainingEdit(current as TrainingPlanDocument, edit, catalog)
      : applyNutritionEdit(current as NutritionPlanDocument, edit as NutritionEdit);
    if (!result.ok) {
      const fields = placeInRequest(result.errors, index);
      throw new DomainError('validation_error', invalidInputMessage(fields), fields);
    }
    current = result.plan;
    if ('warnings' in result) warnings.push(...placeInRequest(result.warnings, index));
  }
  return { plan: current as PlanOfKind[K], warnings };
}

export function diffOf<K extends PlanKind>(
  kind: K,
  before: PlanOfKind[K],
  after: PlanOfKind[K],
): PlanChange[] {
  return kind === 'training'
    ? diffTrainingPlans(before as TrainingPlanDocument, after as TrainingPlanDocument, editCatalog())
    : diffNutritionPlans(before as NutritionPlanDocument, after as NutritionPlanDocument);
}

/** A save that would change nothing: no empty versions in the history. */
export function nothingToSave(field: string, why: string): DomainError {
  const fields = [{ field, code: 'no_change', message: `${field}: ${why}` }];
  return new DomainError(
    'validation_error',
    `${invalidInputMessage(fields)}: no hay nada que guardar.`,
    fields,
  );
}

/** The plan at the version the coach worked on; `plan_version_conflict` once someone moved it. */
export async function planAtVersion<K extends PlanKind>(
  repos: VersionRepos,
  kind: K,
  planId: string,
  version: number,
): Promise<Delivered<PlanOfKind[K]>> {
  const plan = (await getPlan(repos, kind, planId)) as Delivered<PlanOfKind[K]>;
  if (versionOf(plan) !== version) throw versionConflict(kind, planId, version, versionOf(plan));
  return plan;
}

async function edited<K extends PlanKind>(
  repos: VersionRepos,
  input: EditInput<K>,
): Promise<{ base: Delivered<PlanOfKind[K]>; preview: EditPreview<K> }> {
  const base = await planAtVersion(repos, input.kind, input.plan_id, input.base_version);
  const applied = applyEdits(input.kind, base, input.edits);
  const reaudited = await reauditPlan(repos, input.kind, applied.plan);
  return {
    base,
    preview: {
      ...reaudited,
      base_version: input.base_version,
      warnings: applied.warnings,
      changes: diffOf(input.kind, base, reaudited.plan),
    },
  };
}

/** The edits applied and re-audited, nothing saved: what the editor shows as the coach types. */
export async function previewPlanEdits<K extends PlanKind>(
  repos: VersionRepos,
  input: EditInput<K>,
): Promise<EditPreview<K>> {
  return (await edited(repos, input)).preview;
}

/** The edits saved as a new version (a draft: it needs its own approval). */
export async function savePlanEdits<K extends PlanKind>(
  repos: VersionRepos,
  input: SaveInput<K>,
): Promise<{ version: number; plan: Delivered<PlanOfKind[K]> }> {
  const { base, preview } = await edited(repos, input);
  if (preview.changes.length === 0) throw nothingToSave('edits', 'estos cambios dejan el plan como estaba');
  return saveVersion(repos, {
    kind: input.kind,
    plan: base,
    content: contentOf(preview.plan, input.kind),
    delivery: preview.delivery,
    origin: 'edit',
    note: input.note ?? '',
    author: { via: input.via, ...(input.coach ? { coach: input.coach } : {}) },
  });
}
