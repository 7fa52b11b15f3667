import type { FastifyReply } from 'fastify';
import type { OverridePlanBody } from '@shared/api';
import type { PlanKind } from '@shared/plan-delivery';
import { getPlan, overridePlanBlock } from '../../application/plan-delivery';
import { exportApprovedPlan } from '../../application/plan-review';
import type { ApiDependencies } from '../deps';
import { asApiError } from '../errors';
import type { RouteHandlers } from '../route-table';

/** A download name every OS accepts, whatever characters an imported id has. */
function downloadName(kind: PlanKind, id: string): string {
  return `plan-${kind === 'training' ? 'entrenamiento' : 'nutricion'}-${id.replace(/[^\w.-]+/g, '_')}.json`;
}

type PlanHandlerNames =
  | 'getTrainingPlan'
  | 'exportTrainingPlan'
  | 'overrideTrainingPlan'
  | 'getNutritionPlan'
  | 'exportNutritionPlan'
  | 'overrideNutritionPlan';

/**
 * Plans by id (the ids a job reports in `result.*_plan_id`): read for review — blocked ones too,
 * with `delivery` — exported as a JSON download only when deliverable and approved (recorded as
 * delivered), and approved despite their
 * audit's block by the coach with a written reason (docs/AUDITS.md §8). A thin door onto the
 * delivery use case.
 */
export function planHandlers(deps: ApiDependencies): Pick<RouteHandlers, PlanHandlerNames> {
  const { repositories } = deps;

  const download = async <K extends PlanKind>(kind: K, planId: string, reply: FastifyReply) => {
    const plan = await exportApprovedPlan(repositories, kind, planId, 'api').catch(asApiError);
    reply
      .header('content-disposition', `attachment; filename="${downloadName(kind, planId)}"`)
      .type('application/json; charset=utf-8');
    return plan;
  };

  const override = async <K extends PlanKind>(kind: K, planId: string, body: OverridePlanBody) => {
    const plan = await overridePlanBlock(repositories, {
      kind,
      plan_id: planId,
      reason: body.reason,
      // The door is stored as a code (`api`) the UI translates; the coach's name when they sign.
      via: 'api',
      coach: body.coach,
    }).catch(asApiError);
    return { success: true as const, plan };
  };

  return {
    getTrainingPlan: async ({ params }) => ({
      success: true,
      plan: await getPlan(repositories, 'training', params.plan_id).catch(asApiError),
    }),
    getNutritionPlan: async ({ params }) => ({
      success: true,
      plan: await getPlan(repositories, 'nutrition', params.plan_id).catch(asApiError),
    }),
    exportTrainingPlan: ({ params }, { reply }) => download('training', params.plan_id, reply),
    exportNutritionPlan: ({ params }, { reply }) => download('nutrition', params.plan_id, reply),
    overrideTrainingPlan: ({ params, body }) => override('training', params.plan_id, body),
    overrideNutritionPlan: ({ params, body }) => override('nutrition', params.plan_id, body),
  };
}
