import type { PlanSummary } from '@shared/plan-summary';
import { deliveryOf } from '@shared/plan-delivery';
import { reviewOf, versionOf } from '@shared/plan-versions';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { Repositories } from '../db/repositories';
import type { Page, PageRequest } from '../db/repositories/paging';
import { listClientPlans } from './plan-delivery';

/*
 * A client's plan list as summaries, one use case behind both doors (IPC `listPlans`, HTTP
 * `GET /admin/users/{id}/plans` → `summaries`): a page of whole plans would copy megabytes for a
 * table, and the browser no longer rebuilds summaries from whole plans.
 */

export function summarizePlan(
  plan: TrainingPlanDocument | NutritionPlanDocument,
  audit: { status: PlanSummary['audit_status'] } | undefined,
  previousPlanId: string | null,
): PlanSummary {
  return {
    _id: plan._id,
    job_id: plan.job_id,
    submission_id: plan.submission_id,
    created_at: plan.created_at,
    language: plan.language,
    model: plan.model,
    audit_status: audit?.status ?? null,
    delivery_status: deliveryOf(plan).status,
    cost_usd: plan.metrics.cost_usd,
    unpriced_models: plan.metrics.unpriced_models ?? [],
    previous_plan_id: previousPlanId,
    version: versionOf(plan),
    review_state: reviewOf(plan).state,
    delivered_version: reviewOf(plan).delivered?.version ?? null,
    delivered_at: reviewOf(plan).delivered?.at ?? null,
  };
}

export interface ClientPlanSummaries {
  training: Page<PlanSummary>;
  nutrition: Page<PlanSummary>;
  /** The newest deliverable plans: a blocked plan is listed, but never current. */
  current_training_plan_id: string | null;
  current_nutrition_plan_id: string | null;
}

/** Summaries of the pages `listClientPlans` gives (same paging, same current plans). */
export function summarizeClientPlans(
  plans: Awaited<ReturnType<typeof listClientPlans>>,
): ClientPlanSummaries {
  const { training, nutrition } = plans;
  return {
    current_training_plan_id: plans.current_training_plan_id,
    current_nutrition_plan_id: plans.current_nutrition_plan_id,
    training: {
      ...training,
      items: training.items.map((plan) =>
        summarizePlan(plan, plan.training.audit, plan.previous_training_plan_id),
      ),
    },
    nutrition: {
      ...nutrition,
      items: nutrition.items.map((plan) =>
        summarizePlan(plan, plan.nutrition.audit, plan.previous_nutrition_plan_id),
      ),
    },
  };
}

export async function listClientPlanSummaries(
  repos: Parameters<typeof listClientPlans>[0] & Pick<Repositories, 'users'>,
  userId: string,
  page: PageRequest,
): Promise<ClientPlanSummaries> {
  return summarizeClientPlans(await listClientPlans(repos, userId, page));
}
