import {
  PLAN_KIND_LABEL_ES as LABEL,
  overriddenDelivery,
  type OverrideDoor,
  type PlanDelivery,
  type PlanKind,
} from '@shared/plan-delivery';
import { reviewOf, versionOf, type DeliveryFormat, type PlanReview } from '@shared/plan-versions';
import { DomainError } from './domain-error';
import { getDeliverablePlan, getPlan, type Delivered, type PlanOfKind } from './plan-delivery';
import { planAtVersion } from './plan-editing';
import { versionConflict, type VersionRepos } from './plan-version-save';

/*
 * draft → approved → delivered (issue #16 point 6; docs/ARCHITECTURE.md "Plan versions and
 * review"). The coach approves the version they looked at; a version its audit blocks needs the
 * written reason of the delivery block (docs/AUDITS.md §8) in the same act. The client's copy (PDF
 * or JSON) leaves the app only for an approved current version, and leaving records which version
 * the client now has.
 */

export interface ApproveInput<K extends PlanKind = PlanKind> {
  kind: K;
  plan_id: string;
  /** The version the coach approves: it must be the current one. */
  version: number;
  /** Required when the version's audit blocks it (already validated: 20–1000 characters). */
  override_reason?: string | undefined;
  coach?: string | undefined;
  via: OverrideDoor;
}

function blockedWithoutReason(kind: PlanKind, planId: string, delivery: PlanDelivery): DomainError {
  const rules = delivery.blocked_by.map((block) => `${block.id}: ${block.reason}`).join('; ');
  return new DomainError(
    'plan_blocked',
    `La versión actual del ${LABEL[kind]} «${planId}» está bloqueada por su auditoría (${rules}). Para aprobarla escribe por qué la entregas pese al bloqueo, o corrige el plan.`,
    [
      {
        field: 'override_reason',
        code: 'required',
        message: 'override_reason: escribe el motivo de la aprobación pese al bloqueo',
      },
    ],
  );
}

export async function approvePlan<K extends PlanKind>(
  repos: VersionRepos,
  input: ApproveInput<K>,
  now = new Date(),
): Promise<Delivered<PlanOfKind[K]>> {
  const plan = await planAtVersion(repos, input.kind, input.plan_id, input.version);
  const review = reviewOf(plan);
  if (review.state !== 'draft' && review.approved?.version === input.version) return plan;
  let delivery = plan.delivery;
  if (delivery.status === 'blocked') {
    if (!input.override_reason) throw blockedWithoutReason(input.kind, input.plan_id, delivery);
    delivery = overriddenDelivery(delivery, { ...input, reason: input.override_reason }, now);
  }
  const stamp = {
    version: input.version,
    at: now,
    via: input.via,
    ...(input.coach ? { coach: input.coach } : {}),
  };
  const approved: PlanReview = { ...review, state: 'approved', approved: stamp };
  const changed = delivery !== plan.delivery;
  const repo = input.kind === 'training' ? repos.trainingPlans : repos.nutritionPlans;
  if (!(await repo.recordApproval(input.plan_id, input.version, stamp, changed ? delivery : undefined))) {
    const moved = await getPlan(repos, input.kind, input.plan_id);
    throw versionConflict(input.kind, input.plan_id, input.version, versionOf(moved));
  }
  if (changed) await repos.planVersions.setDelivery(input.plan_id, input.version, delivery);
  return { ...plan, delivery, review: approved } as Delivered<PlanOfKind[K]>;
}

/** The current version may leave the app: not blocked, and approved by the coach. */
export async function getApprovedPlan<K extends PlanKind>(
  repos: VersionRepos,
  kind: K,
  planId: string,
): Promise<Delivered<PlanOfKind[K]>> {
  const plan = await getDeliverablePlan(repos, kind, planId);
  const version = versionOf(plan);
  if (reviewOf(plan).approved?.version !== version || reviewOf(plan).state === 'draft') {
    throw new DomainError(
      'plan_not_approved',
      `La versión ${version} del ${LABEL[kind]} «${planId}» aún no está aprobada: revísala y apruébala antes de enviársela al cliente.`,
    );
  }
  return plan;
}

/** The client now has this version: recorded after their copy was produced. */
export async function recordDelivery(
  repos: VersionRepos,
  kind: PlanKind,
  plan: PlanOfKind[PlanKind],
  format: DeliveryFormat,
  via: OverrideDoor,
  now = new Date(),
): Promise<PlanReview> {
  const delivered = { version: versionOf(plan), at: now, via, format };
  const repo = kind === 'training' ? repos.trainingPlans : repos.nutritionPlans;
  await repo.recordDelivered(plan._id, delivered);
  return { ...reviewOf(plan), state: 'delivered', delivered };
}

/** The JSON download of an approved plan: checked, then recorded as delivered. */
export async function exportApprovedPlan<K extends PlanKind>(
  repos: VersionRepos,
  kind: K,
  planId: string,
  via: OverrideDoor,
): Promise<Delivered<PlanOfKind[K]>> {
  const plan = await getApprovedPlan(repos, kind, planId);
  const review = await recordDelivery(repos, kind, plan, 'json', via);
  return { ...plan, review } as Delivered<PlanOfKind[K]>;
}
