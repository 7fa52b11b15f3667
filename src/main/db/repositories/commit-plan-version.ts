import { deliveryOf, type PlanDelivery, type PlanKind } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import {
  contentOf,
  planVersionId,
  versionOf,
  type PlanVersionAuthor,
  type PlanVersionDocument,
  type VersionOrigin,
} from '@shared/plan-versions';
import type { PlansRepository } from './plans-repository';
import type { PlanVersionsRepository } from './plan-versions-repository';

/*
 * Saving a new version of a plan, the one protocol every writer follows (coach edits, restores,
 * regenerations; docs/ARCHITECTURE.md "Plan versions and review"):
 *
 *   1. the generated content is copied as v1 if nobody has yet (plans stored before versions);
 *   2. version n+1 is inserted under its deterministic `_id` — the claim: a second save on top of n
 *      gets a duplicate key and is told about the conflict, never silently overwrites;
 *   3. the plan document moves from n to n+1, conditional on still being at n.
 *
 * A writer that dies between 2 and 3 leaves a claimed version the plan does not show yet; the next
 * writer that hits it rolls it forward (step 3 with that version's content) before reporting its own
 * conflict, so the history and the plan never disagree for long and nothing is lost.
 */

type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;

export interface VersionRepos {
  trainingPlans: PlansRepository<TrainingPlanDocument>;
  nutritionPlans: PlansRepository<NutritionPlanDocument>;
  planVersions: PlanVersionsRepository;
}

export interface NewPlanVersion {
  kind: PlanKind;
  /** The plan as read: the version the new one is based on is its current one. */
  plan: AnyPlan;
  /** The new `training` / `nutrition` object, already re-audited. */
  content: Record<string, unknown>;
  delivery: PlanDelivery;
  origin: Exclude<VersionOrigin, 'generated'>;
  note: string;
  author: PlanVersionAuthor;
  restored_from?: number | undefined;
  job_id?: string | undefined;
  now?: Date;
}

export type CommitResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'conflict'; current: number }
  | { ok: false; reason: 'missing' };

function plansOf(repos: VersionRepos, kind: PlanKind): PlansRepository<AnyPlan> {
  return (kind === 'training' ? repos.trainingPlans : repos.nutritionPlans) as PlansRepository<AnyPlan>;
}

/** v1 as the pipeline wrote it, copied from a plan still at version 1. */
export function generatedVersion(kind: PlanKind, plan: AnyPlan): PlanVersionDocument {
  return {
    _id: planVersionId(plan._id, 1),
    plan_id: plan._id,
    kind,
    user_id: plan.user_id,
    version: 1,
    created_at: plan.created_at,
    author: { via: 'pipeline' },
    note: '',
    origin: 'generated',
    based_on: null,
    ...(plan.job_id ? { job_id: plan.job_id } : {}),
    delivery: deliveryOf(plan),
    content: contentOf(plan, kind),
  };
}

/** Makes sure v1 exists for a plan still at version 1 (idempotent; a concurrent copy is the same). */
export async function ensureFirstVersion(repos: VersionRepos, kind: PlanKind, plan: AnyPlan): Promise<void> {
  if (versionOf(plan) !== 1) return;
  if (await repos.planVersions.get(plan._id, 1)) return;
  await repos.planVersions.insert(generatedVersion(kind, plan));
}

/** Fields of the plan document that show a stored version as the current one (a draft again). */
function headFields(kind: PlanKind, version: Pick<PlanVersionDocument, 'content' | 'delivery'>) {
  // Only the content and its delivery: `advanceVersion` sets `review.state` alone, so the
  // approval and delivery stamps (which name their own versions) stay as other writers left them.
  return { [kind]: version.content, delivery: version.delivery };
}

async function rollForward(repos: VersionRepos, kind: PlanKind, plan: AnyPlan, base: number): Promise<void> {
  const claimed = await repos.planVersions.get(plan._id, base + 1);
  if (claimed) await plansOf(repos, kind).advanceVersion(plan._id, base, headFields(kind, claimed));
}

async function conflict(repos: VersionRepos, kind: PlanKind, planId: string): Promise<CommitResult> {
  const now = await plansOf(repos, kind).get(planId);
  return now ? { ok: false, reason: 'conflict', current: versionOf(now) } : { ok: false, reason: 'missing' };
}

export async function commitPlanVersion(repos: VersionRepos, input: NewPlanVersion): Promise<CommitResult> {
  const { kind, plan } = input;
  const base = versionOf(plan);
  await ensureFirstVersion(repos, kind, plan);
  const next: PlanVersionDocument = {
    _id: '',
    plan_id: plan._id,
    kind,
    user_id: plan.user_id,
    version: base + 1,
    created_at: input.now ?? new Date(),
    author: input.author,
    note: input.note,
    origin: input.origin,
    based_on: base,
    ...(input.restored_from !== undefined ? { restored_from: input.restored_from } : {}),
    ...(input.job_id ? { job_id: input.job_id } : {}),
    delivery: input.delivery,
    content: input.content,
  };
  if (!(await repos.planVersions.insert(next))) {
    await rollForward(repos, kind, plan, base);
    return conflict(repos, kind, plan._id);
  }
  if (await plansOf(repos, kind).advanceVersion(plan._id, base, headFields(kind, next))) {
    return { ok: true, version: base + 1 };
  }
  // The claim on n+1 is ours, so a plan already past n shows our version: another writer rolled
  // it forward for us.
  const after = await plansOf(repos, kind).get(plan._id);
  if (!after) return { ok: false, reason: 'missing' };
  return versionOf(after) > base ? { ok: true, version: base + 1 } : conflict(repos, kind, plan._id);
}
