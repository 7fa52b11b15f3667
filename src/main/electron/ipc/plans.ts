import type { IpcResult, PlanSummary } from '@shared/ipc-contract';
import { deliveryOf } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { getPlan, overridePlanBlock, PlanDeliveryFailure } from '../../application/plan-delivery';
import { clientNotFound } from './clients';
import type { IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

/** Who approved, when the coach does not sign: the door it came through. */
const IPC_OVERRIDE_BY = 'App de escritorio';

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

/** The delivery use case's failures as IPC failures (same reasons as over HTTP), fields under `args.`. */
export function asIpcFailure(error: unknown): never {
  if (error instanceof PlanDeliveryFailure) {
    const fields = error.fields.map((field) => ({ ...field, field: `args.${field.field}` }));
    throw new IpcFailure(error.reason, error.message, fields);
  }
  throw error;
}

type PlanHandlers = Pick<
  IpcHandlers,
  'listPlans' | 'getTrainingPlan' | 'getNutritionPlan' | 'overridePlanBlock'
>;

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
    // Blocked plans are readable (for review), with their delivery state.
    getTrainingPlan: (args) => getPlan(repos(), 'training', args.id).catch(asIpcFailure),
    getNutritionPlan: (args) => getPlan(repos(), 'nutrition', args.id).catch(asIpcFailure),
    overridePlanBlock: async (args) => {
      const plan = await overridePlanBlock(repos(), {
        kind: args.kind,
        plan_id: args.plan_id,
        reason: args.reason,
        by: args.coach ?? IPC_OVERRIDE_BY,
      }).catch(asIpcFailure);
      return { kind: args.kind, plan_id: plan._id, delivery: plan.delivery };
    },
  };
}
