import type { FastifyInstance } from 'fastify';
import { OverridePlanBodySchema, PlanParamsSchema } from '@shared/api';
import type { PlanKind } from '@shared/plan-delivery';
import { getDeliverablePlan, getPlan, overridePlanBlock } from '../../application/plan-delivery';
import type { ApiDependencies } from '../deps';
import { asApiError } from '../errors';
import { parseInput } from '../validate';

/** A download name every OS accepts, whatever characters an imported id has. */
function downloadName(kind: PlanKind, id: string): string {
  return `plan-${kind === 'training' ? 'entrenamiento' : 'nutricion'}-${id.replace(/[^\w.-]+/g, '_')}.json`;
}

/**
 * Plans by id (the ids a job reports in `result.*_plan_id`): read for review — blocked ones too,
 * with `delivery` — exported as a JSON download only when deliverable, and approved despite their
 * audit's block by the coach with a written reason (docs/AUDITS.md §8). A thin door onto the
 * delivery use case.
 */
export function registerPlanRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories } = deps;
  const kinds = [
    { kind: 'training', path: '/training-plans/:plan_id' },
    { kind: 'nutrition', path: '/nutrition-plans/:plan_id' },
  ] as const;
  for (const { kind, path } of kinds) {
    admin.get(path, async (request) => {
      const { plan_id } = parseInput(PlanParamsSchema, request.params, 'params');
      const plan = await getPlan(repositories, kind, plan_id).catch(asApiError);
      return { success: true, plan };
    });

    admin.get(`${path}/export`, async (request, reply) => {
      const { plan_id } = parseInput(PlanParamsSchema, request.params, 'params');
      const plan = await getDeliverablePlan(repositories, kind, plan_id).catch(asApiError);
      return reply
        .header('content-disposition', `attachment; filename="${downloadName(kind, plan_id)}"`)
        .type('application/json; charset=utf-8')
        .send(plan);
    });

    admin.post(`${path}/override`, async (request) => {
      const { plan_id } = parseInput(PlanParamsSchema, request.params, 'params');
      const body = parseInput(OverridePlanBodySchema, request.body, 'body');
      const plan = await overridePlanBlock(repositories, {
        kind,
        plan_id,
        reason: body.reason,
        // The door is stored as a code (`api`) the UI translates; the coach's name when they sign.
        via: 'api',
        coach: body.coach,
      }).catch(asApiError);
      return { success: true, plan };
    });
  }
}
