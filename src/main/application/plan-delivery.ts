import {
  deliveryOf,
  overriddenDelivery,
  PLAN_KIND_LABEL_ES as LABEL,
  withDelivery,
  type OverrideDoor,
  type PlanDelivery,
  type PlanKind,
} from '@shared/plan-delivery';
import type { JobResultIds } from '../queue/finish';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { Repositories } from '../db/repositories';
import type { Page, PageRequest } from '../db/repositories/paging';
import { requireClient } from './clients';
import { DomainError } from './domain-error';

/*
 * "Blocked means blocked" (docs/AUDITS.md §8), one use case behind both doors (HTTP and IPC): a plan
 * whose audit blocked its delivery is read for review, but never exported nor used as the previous
 * plan of a next block until the coach approves it with a written reason. Each door validates its
 * input with zod and maps `DomainError` (./domain-error) to its own error shape with the same code.
 */

type PlanRepos = Pick<Repositories, 'trainingPlans' | 'nutritionPlans'>;
type OverrideRepos = PlanRepos & Pick<Repositories, 'planVersions'>;
type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;
export type Delivered<T extends AnyPlan> = T & { delivery: PlanDelivery };
/** The document each kind names, so a caller that knows the kind gets its type back. */
export interface PlanOfKind {
  training: TrainingPlanDocument;
  nutrition: NutritionPlanDocument;
}

function notFound(kind: PlanKind, id: string): DomainError {
  return new DomainError(
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
export async function getDeliverablePlan<K extends PlanKind>(
  repos: PlanRepos,
  kind: K,
  id: string,
): Promise<Delivered<PlanOfKind[K]>> {
  const plan = (await getPlan(repos, kind, id)) as Delivered<PlanOfKind[K]>;
  if (plan.delivery.status === 'blocked') {
    throw new DomainError(
      'plan_blocked',
      `El ${LABEL[kind]} «${id}» está bloqueado por su auditoría (${rulesOf(plan.delivery)}) y no se entrega: no se puede exportar. Revísalo y apruébalo pese al bloqueo con un motivo escrito, o genera uno nuevo.`,
    );
  }
  return plan;
}

/**
 * The plans a PDF of one job prints: main reads them from the job's own `result` (never from ids
 * the page sends), and every one must be deliverable.
 */
export async function checkJobPlansExportable(
  repos: PlanRepos & Pick<Repositories, 'jobs'>,
  jobId: string,
): Promise<JobResultIds> {
  const job = await repos.jobs.get(jobId);
  if (!job) {
    throw new DomainError('job_not_found', `No existe ningún trabajo de generación con id «${jobId}».`);
  }
  const ids = job.result;
  if (!ids.training_plan_id && !ids.nutrition_plan_id) {
    throw new DomainError(
      'plan_not_found',
      `El trabajo «${jobId}» no tiene ningún plan que exportar (aún no ha terminado, o falló antes de guardarlo).`,
    );
  }
  if (ids.training_plan_id) await getDeliverablePlan(repos, 'training', ids.training_plan_id);
  if (ids.nutrition_plan_id) await getDeliverablePlan(repos, 'nutrition', ids.nutrition_plan_id);
  return ids;
}

export interface ClientPlans {
  training: Page<Delivered<TrainingPlanDocument>>;
  nutrition: Page<Delivered<NutritionPlanDocument>>;
  /** The newest deliverable plan of each kind: what a client of the API takes as current. */
  current_training_plan_id: string | null;
  current_nutrition_plan_id: string | null;
}

/**
 * A client's plans, newest first — blocked ones too, for review — with the current plan of each
 * kind computed over all of them (not one page), so no door's client takes a blocked plan as current.
 * `user_not_found` when the client does not exist.
 */
export async function listClientPlans(
  repos: PlanRepos & Pick<Repositories, 'users'>,
  userId: string,
  page: PageRequest,
): Promise<ClientPlans> {
  await requireClient(repos, userId);
  const [training, nutrition, currentTraining, currentNutrition] = await Promise.all([
    repos.trainingPlans.listForUser(userId, page),
    repos.nutritionPlans.listForUser(userId, page),
    repos.trainingPlans.latestDeliverableForUser(userId),
    repos.nutritionPlans.latestDeliverableForUser(userId),
  ]);
  return {
    training: { ...training, items: training.items.map(withDelivery) },
    nutrition: { ...nutrition, items: nutrition.items.map(withDelivery) },
    current_training_plan_id: currentTraining?._id ?? null,
    current_nutrition_plan_id: currentNutrition?._id ?? null,
  };
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
    throw new DomainError(
      'plan_not_found',
      `El cliente «${userId}» no tiene ningún plan de entrenamiento con id «${previousId}». Elige uno de sus planes o genera sin plan anterior.`,
      [{ field: PREVIOUS_FIELD, code: 'not_found', message: 'plan no encontrado' }],
    );
  }
  const delivery = deliveryOf(previous);
  if (delivery.status === 'blocked') {
    throw new DomainError(
      'plan_blocked',
      `El plan de entrenamiento «${previousId}» está bloqueado por su auditoría (${rulesOf(delivery)}) y no se entrega: no puede ser el plan anterior de un nuevo bloque. Apruébalo pese al bloqueo con un motivo escrito, elige otro plan o genera sin plan anterior.`,
      [{ field: PREVIOUS_FIELD, code: 'plan_blocked', message: 'plan bloqueado por su auditoría' }],
    );
  }
}

export interface OverrideInput<K extends PlanKind = PlanKind> {
  kind: K;
  plan_id: string;
  /** Already validated by the door (`OverrideReasonSchema`: trimmed, 20–1000 characters). */
  reason: string;
  /** The door it came through (stored as a code; the UI translates it). */
  via: OverrideDoor;
  /** The coach's name, when they signed. */
  coach?: string | undefined;
}

/**
 * The coach delivers a blocked plan anyway, in writing: the reason, the time and who are recorded
 * on the plan (`delivery.override`) and shown on it and its PDF. Only a blocked plan can be approved.
 */
export async function overridePlanBlock<K extends PlanKind>(
  repos: OverrideRepos,
  input: OverrideInput<K>,
  now = new Date(),
): Promise<Delivered<PlanOfKind[K]>> {
  const plan = await getPlan(repos, input.kind, input.plan_id);
  const label = `El ${LABEL[input.kind]} «${input.plan_id}»`;
  if (plan.delivery.status !== 'blocked') {
    const why =
      plan.delivery.status === 'overridden'
        ? `ya fue aprobado pese al bloqueo el ${plan.delivery.override?.at.toISOString() ?? '—'}`
        : 'su auditoría permite entregarlo';
    throw new DomainError(
      'plan_not_blocked',
      `${label} no está bloqueado (${why}): no hay ningún bloqueo que aprobar.`,
    );
  }
  const delivery = overriddenDelivery(plan.delivery, input, now);
  const repo = input.kind === 'training' ? repos.trainingPlans : repos.nutritionPlans;
  if (!(await repo.recordOverride(input.plan_id, delivery))) {
    throw new DomainError(
      'plan_not_blocked',
      `${label} acaba de ser aprobado por otra persona: vuelve a abrirlo para ver su motivo.`,
    );
  }
  // The stored copy of the current version says the same (docs/ARCHITECTURE.md "Plan versions and review").
  await repos.planVersions.setDelivery(input.plan_id, plan.version ?? 1, delivery);
  return { ...plan, delivery } as Delivered<PlanOfKind[K]>;
}
