import type { IpcResult, PlanSummary } from '@shared/ipc-contract';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { clientNotFound } from './clients';
import type { IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

/** Lists carry summaries: a page of whole plans would copy megabytes to the renderer for a table. */
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
    cost_usd: plan.metrics.cost_usd,
    unpriced_models: plan.metrics.unpriced_models ?? [],
    previous_plan_id: previousPlanId,
  };
}

function planNotFound(kind: string, id: string): IpcFailure {
  return new IpcFailure('plan_not_found', `No existe ningún ${kind} con id «${id}».`);
}

type PlanHandlers = Pick<IpcHandlers, 'listPlans' | 'getTrainingPlan' | 'getNutritionPlan'>;

export function planHandlers(core: () => IpcCore | null): PlanHandlers {
  const repos = (): IpcCore['repositories'] => requireCore(core()).repositories;
  return {
    listPlans: async (args): Promise<IpcResult<'listPlans'>> => {
      const r = repos();
      if (!(await r.users.get(args.user_id))) throw clientNotFound(args.user_id);
      const [training, nutrition] = await Promise.all([
        r.trainingPlans.listForUser(args.user_id, args),
        r.nutritionPlans.listForUser(args.user_id, args),
      ]);
      return {
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
    },
    getTrainingPlan: async (args) => {
      const plan = await repos().trainingPlans.get(args.id);
      if (!plan) throw planNotFound('plan de entrenamiento', args.id);
      return plan;
    },
    getNutritionPlan: async (args) => {
      const plan = await repos().nutritionPlans.get(args.id);
      if (!plan) throw planNotFound('plan de nutrición', args.id);
      return plan;
    },
  };
}
