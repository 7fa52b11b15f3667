import { PLAN_KIND_LABEL_ES as LABEL, type OverrideDoor, type PlanKind } from '@shared/plan-delivery';
import { diffNutritionPlans, diffTrainingPlans } from '@shared/plan-edits';
import type { PlanChange } from '@shared/plan-edits/plan-diff-schema';
import {
  contentOf,
  reviewOf,
  versionOf,
  type PlanReview,
  type PlanVersionDocument,
  type PlanVersionSummary,
} from '@shared/plan-versions';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { weekDrift, type WeekDrift } from '@shared/plan-week-drift';
import { generatedVersion } from '../db/repositories/commit-plan-version';
import { DomainError } from './domain-error';
import { getPlan, type Delivered, type PlanOfKind } from './plan-delivery';
import { diffOf, editCatalog, nothingToSave, planAtVersion } from './plan-editing';
import { reauditPlan } from './plan-reaudit';
import { saveVersion, type VersionRepos } from './plan-version-save';

/*
 * A plan's history (issue #16 point 4; docs/ARCHITECTURE.md "Plan versions and review"): the list
 * of its versions, any one version whole, the readable difference between any two, and a restore —
 * which never rewrites history: the old content comes back as a new version on top.
 */

export interface PlanVersions {
  plan_id: string;
  kind: PlanKind;
  current_version: number;
  review: PlanReview;
  versions: PlanVersionSummary[];
  /** A nutrition plan whose menus follow an older week of its training plan (null when they agree). */
  week_drift: WeekDrift | null;
}

function summaryOf(version: PlanVersionDocument): PlanVersionSummary {
  const { _id: _omitId, user_id: _omitUser, content: _omitContent, ...summary } = version;
  return summary;
}

export async function listPlanVersions(
  repos: VersionRepos,
  kind: PlanKind,
  planId: string,
): Promise<PlanVersions> {
  const plan = await getPlan(repos, kind, planId);
  const stored = await repos.planVersions.list(planId);
  // A plan nobody has saved yet has only its generated content, held by the plan itself.
  const versions = stored.length > 0 ? stored : [summaryOf(generatedVersion(kind, plan))];
  return {
    plan_id: planId,
    kind,
    current_version: versionOf(plan),
    review: reviewOf(plan),
    versions,
    week_drift: kind === 'nutrition' ? await weekDriftOf(repos, plan as NutritionPlanDocument) : null,
  };
}

async function weekDriftOf(repos: VersionRepos, plan: NutritionPlanDocument): Promise<WeekDrift | null> {
  const training = plan.training_plan_id ? await repos.trainingPlans.get(plan.training_plan_id) : null;
  return weekDrift(plan, training);
}

function versionNotFound(kind: PlanKind, planId: string, version: number, current: number): DomainError {
  return new DomainError(
    'plan_not_found',
    `El ${LABEL[kind]} «${planId}» no tiene versión ${version}: sus versiones van de la 1 a la ${current}.`,
    [{ field: 'version', code: 'not_found', message: `version: no existe (1–${current})` }],
  );
}

export async function getPlanVersion(
  repos: VersionRepos,
  kind: PlanKind,
  planId: string,
  version: number,
): Promise<PlanVersionDocument> {
  const plan = await getPlan(repos, kind, planId);
  const stored = await repos.planVersions.get(planId, version);
  if (stored) return stored;
  if (version === 1 && versionOf(plan) === 1) return generatedVersion(kind, plan);
  throw versionNotFound(kind, planId, version, versionOf(plan));
}

/** The plan document as it was at a version (its envelope as it is now). */
function planWithContent<K extends PlanKind>(
  kind: K,
  plan: PlanOfKind[K],
  version: PlanVersionDocument,
): PlanOfKind[K] {
  return { ...plan, [kind]: version.content, delivery: version.delivery } as PlanOfKind[K];
}

export async function comparePlanVersions(
  repos: VersionRepos,
  kind: PlanKind,
  planId: string,
  from: number,
  to: number,
): Promise<{ from: number; to: number; changes: PlanChange[] }> {
  const plan = await getPlan(repos, kind, planId);
  const [before, after] = await Promise.all([
    getPlanVersion(repos, kind, planId, from),
    getPlanVersion(repos, kind, planId, to),
  ]);
  const changes =
    kind === 'training'
      ? diffTrainingPlans(
          planWithContent('training', plan as TrainingPlanDocument, before),
          planWithContent('training', plan as TrainingPlanDocument, after),
          editCatalog(),
        )
      : diffNutritionPlans(
          planWithContent('nutrition', plan as NutritionPlanDocument, before),
          planWithContent('nutrition', plan as NutritionPlanDocument, after),
        );
  return { from, to, changes };
}

export interface RestoreInput<K extends PlanKind = PlanKind> {
  kind: K;
  plan_id: string;
  /** The version whose content comes back. */
  version: number;
  /** The version the coach is looking at: it must still be the current one. */
  base_version: number;
  note?: string | undefined;
  coach?: string | undefined;
  via: OverrideDoor;
}

/** An older version's content as a new version, re-audited as any coach-made version is. */
export async function restorePlanVersion<K extends PlanKind>(
  repos: VersionRepos,
  input: RestoreInput<K>,
): Promise<{ version: number; plan: Delivered<PlanOfKind[K]> }> {
  const base = await planAtVersion(repos, input.kind, input.plan_id, input.base_version);
  if (input.version === input.base_version)
    throw nothingToSave('version', `la versión ${input.version} ya es la actual`);
  const old = await getPlanVersion(repos, input.kind, input.plan_id, input.version);
  const restored = await reauditPlan(repos, input.kind, planWithContent(input.kind, base, old));
  if (diffOf(input.kind, base, restored.plan).length === 0) {
    throw nothingToSave('version', `la versión ${input.version} tiene el mismo contenido que la actual`);
  }
  return saveVersion(repos, {
    kind: input.kind,
    plan: base,
    content: contentOf(restored.plan, input.kind),
    delivery: restored.delivery,
    origin: 'restore',
    restored_from: input.version,
    note: input.note ?? '',
    author: { via: input.via, ...(input.coach ? { coach: input.coach } : {}) },
  });
}
