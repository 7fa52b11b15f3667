import type { FieldError } from '@shared/field-error';
import { deliveryOf, withDelivery, type PlanDelivery, type PlanKind } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { Repositories } from '../db/repositories';

/*
 * "Blocked means blocked" (docs/AUDITS.md §8), one use case behind both doors (HTTP and IPC): a plan
 * whose audit blocked its delivery is read for review, but never exported nor used as the previous
 * plan of a next block until the coach approves it with a written reason. Each door validates its
 * input with zod and maps `PlanDeliveryFailure` to its own error shape with the same reason.
 */

export type PlanDeliveryFailureReason = 'plan_not_found' | 'plan_blocked' | 'plan_not_blocked';

export class PlanDeliveryFailure extends Error {
  constructor(
    readonly reason: PlanDeliveryFailureReason,
    message: string,
    /** Named without the door's prefix (`previous_training_plan_id`): each door adds `body.` / `args.`. */
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'PlanDeliveryFailure';
  }
}

type PlanRepos = Pick<Repositories, 'trainingPlans' | 'nutritionPlans'>;
type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;
export type Delivered<T extends AnyPlan> = T & { delivery: PlanDelivery };

const LABEL: Record<PlanKind, string> = {
  training: 'plan de entrenamiento',
  nutrition: 'plan de nutrición',
};

function notFound(kind: PlanKind, id: string): PlanDeliveryFailure {
  return new PlanDeliveryFailure(
    'plan_not_found',
    `No existe ningún ${LABEL[kind]} con id «${id}». Usa el id que da el trabajo que lo generó (result) o la lista de planes del cliente.`,
  );
}

function rulesOf(delivery: PlanDelivery): string {
  return delivery.blocked_by.map((block) => `${block.id}: ${block.reason}`).join('; ');
}

/** One plan, with its delivery state always present (derived from the audit for old documents). */
export async function getPlan(
  repos: PlanRepos,
  kind: 'training',
  id: string,
): Promise<Delivered<TrainingPlanDocument>>;
export async function getPlan(
  repos: PlanRepos,
  kind: 'nutrition',
  id: string,
): Promise<Delivered<NutritionPlanDocument>>;
export async function getPlan(repos: PlanRepos, kind: PlanKind, id: string): Promise<Delivered<AnyPlan>>;
export async function getPlan(repos: PlanRepos, kind: PlanKind, id: string): Promise<Delivered<AnyPlan>> {
  const plan = kind === 'training' ? await repos.trainingPlans.get(id) : await repos.nutritionPlans.get(id);
  if (!plan) throw notFound(kind, id);
  return withDelivery(plan);
}

/** A plan about to leave the app (JSON download, PDF): refused while blocked. */
export async function getDeliverablePlan(
  repos: PlanRepos,
  kind: PlanKind,
  id: string,
): Promise<Delivered<AnyPlan>> {
  const plan = await getPlan(repos, kind, id);
  if (plan.delivery.status === 'blocked') {
    throw new PlanDeliveryFailure(
      'plan_blocked',
      `El ${LABEL[kind]} «${id}» está bloqueado por su auditoría (${rulesOf(plan.delivery)}) y no se entrega: no se puede exportar. Revísalo y apruébalo pese al bloqueo con un motivo escrito, o genera uno nuevo.`,
    );
  }
  return plan;
}

/** The plans a PDF prints: every one must be deliverable. */
export async function checkPlansExportable(
  repos: PlanRepos,
  ids: { training_plan_id?: string | null | undefined; nutrition_plan_id?: string | null | undefined },
): Promise<void> {
  if (ids.training_plan_id) await getDeliverablePlan(repos, 'training', ids.training_plan_id);
  if (ids.nutrition_plan_id) await getDeliverablePlan(repos, 'nutrition', ids.nutrition_plan_id);
}

const PREVIOUS_FIELD = 'previous_training_plan_id';

/**
 * The plan a new block continues ("generar siguiente bloque"): it must be this client's, and
 * deliverable — a blocked plan would feed its unsafe content into E3's adaptation.
 */
export async function checkPreviousTrainingPlan(
  repos: PlanRepos,
  userId: string,
  previousId: string,
): Promise<void> {
  const previous = await repos.trainingPlans.get(previousId);
  // Another client's plan is reported as missing: the id alone must not reveal that it exists.
  if (!previous || previous.user_id !== userId) {
    throw new PlanDeliveryFailure(
      'plan_not_found',
      `El cliente «${userId}» no tiene ningún plan de entrenamiento con id «${previousId}». Elige uno de sus planes o genera sin plan anterior.`,
      [{ field: PREVIOUS_FIELD, code: 'not_found', message: 'plan no encontrado' }],
    );
  }
  const delivery = deliveryOf(previous);
  if (delivery.status === 'blocked') {
    throw new PlanDeliveryFailure(
      'plan_blocked',
      `El plan de entrenamiento «${previousId}» está bloqueado por su auditoría (${rulesOf(delivery)}) y no se entrega: no puede ser el plan anterior de un nuevo bloque. Apruébalo pese al bloqueo con un motivo escrito, elige otro plan o genera sin plan anterior.`,
      [{ field: PREVIOUS_FIELD, code: 'plan_blocked', message: 'plan bloqueado por su auditoría' }],
    );
  }
}

export interface OverrideInput {
  kind: PlanKind;
  plan_id: string;
  /** Already validated by the door (`OverrideReasonSchema`: trimmed, 20–1000 characters). */
  reason: string;
  /** The coach's name, or the door it came through. */
  by: string;
}

/**
 * The coach delivers a blocked plan anyway, in writing: the reason, the time and who are recorded
 * on the plan (`delivery.override`) and shown on it and its PDF. Only a blocked plan can be approved.
 */
export async function overridePlanBlock(
  repos: PlanRepos,
  input: OverrideInput,
  now = new Date(),
): Promise<Delivered<AnyPlan>> {
  const plan = await getPlan(repos, input.kind, input.plan_id);
  const label = `El ${LABEL[input.kind]} «${input.plan_id}»`;
  if (plan.delivery.status !== 'blocked') {
    const why =
      plan.delivery.status === 'overridden'
        ? `ya fue aprobado pese al bloqueo el ${plan.delivery.override?.at.toISOString() ?? '—'}`
        : 'su auditoría permite entregarlo';
    throw new PlanDeliveryFailure(
      'plan_not_blocked',
      `${label} no está bloqueado (${why}): no hay ningún bloqueo que aprobar.`,
    );
  }
  const delivery: PlanDelivery = {
    status: 'overridden',
    blocked_by: plan.delivery.blocked_by,
    override: { reason: input.reason, at: now, by: input.by },
  };
  const repo = input.kind === 'training' ? repos.trainingPlans : repos.nutritionPlans;
  if (!(await repo.recordOverride(input.plan_id, delivery))) {
    throw new PlanDeliveryFailure(
      'plan_not_blocked',
      `${label} acaba de ser aprobado por otra persona: vuelve a abrirlo para ver su motivo.`,
    );
  }
  return { ...plan, delivery };
}
