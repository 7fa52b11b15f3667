import type { IpcResult, PlanSummary } from '@shared/ipc-contract';
import { deliveryOf } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import {
  getDeliverablePlan,
  getPlan,
  listClientPlans,
  overridePlanBlock,
} from '../../application/plan-delivery';
import { clientNotFound } from './clients';
import type { IpcHandlers } from './dispatch';
import { asIpcFailure } from './errors';
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
    delivery_status: deliveryOf(plan).status,
    cost_usd: plan.metrics.cost_usd,
    unpriced_models: plan.metrics.unpriced_models ?? [],
    previous_plan_id: previousPlanId,
  };
}

type PlanHandlers = Pick<
  IpcHandlers,
  'listPlans' | 'getTrainingPlan' | 'getNutritionPlan' | 'overridePlanBlock' | 'exportPlanJson'
>;

export function planHandlers(core: () => IpcCore | null): PlanHandlers {
  const repos = (): IpcCore['repositories'] => requireCore(core()).repositories;
  return {
    listPlans: async (args): Promise<IpcResult<'listPlans'>> => {
      const { user_id, ...page } = args;
      const plans = await listClientPlans(repos(), user_id, page);
      if (!plans) throw clientNotFound(user_id);
      const { training, nutrition } = plans;
      return {
        // The newest deliverable plans: a blocked plan is listed, but never current.
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
    },
    // Blocked plans are readable (for review), with their delivery state.
    getTrainingPlan: (args) => getPlan(repos(), 'training', args.id).catch(asIpcFailure),
    getNutritionPlan: (args) => getPlan(repos(), 'nutrition', args.id).catch(asIpcFailure),
    // The JSON download leaves the app: refused here, in main, while the plan is blocked.
    exportPlanJson: (args) => getDeliverablePlan(repos(), args.kind, args.plan_id).catch(asIpcFailure),
    overridePlanBlock: async (args) => {
      const plan = await overridePlanBlock(repos(), {
        kind: args.kind,
        plan_id: args.plan_id,
        reason: args.reason,
        // The door is stored as a code (`desktop`) the UI translates; the coach's name when they sign.
        via: 'desktop',
        coach: args.coach,
      }).catch(asIpcFailure);
      return { kind: args.kind, plan_id: plan._id, delivery: plan.delivery };
    },
  };
}
