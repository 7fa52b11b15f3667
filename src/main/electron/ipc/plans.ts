import { getPlan, overridePlanBlock } from '../../application/plan-delivery';
import { exportApprovedPlan } from '../../application/plan-review';
import { listClientPlanSummaries } from '../../application/plan-summaries';
import type { IpcHandlers } from './dispatch';
import { asIpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

type PlanHandlers = Pick<
  IpcHandlers,
  'listPlans' | 'getTrainingPlan' | 'getNutritionPlan' | 'overridePlanBlock' | 'exportPlanJson'
>;

export function planHandlers(core: () => IpcCore | null): PlanHandlers {
  const repos = (): IpcCore['repositories'] => requireCore(core()).repositories;
  return {
    // Summaries, as over HTTP (`summaries`): built once in application/plan-summaries.ts.
    listPlans: ({ user_id, ...page }) => listClientPlanSummaries(repos(), user_id, page),
    // Blocked plans are readable (for review), with their delivery state.
    getTrainingPlan: (args) => getPlan(repos(), 'training', args.id).catch(asIpcFailure),
    getNutritionPlan: (args) => getPlan(repos(), 'nutrition', args.id).catch(asIpcFailure),
    // The JSON download leaves the app: refused here, in main, while the plan is blocked or its
    // current version unapproved; handing it out records the delivery.
    exportPlanJson: (args) =>
      exportApprovedPlan(repos(), args.kind, args.plan_id, 'desktop').catch(asIpcFailure),
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
