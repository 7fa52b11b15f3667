import type { FastifyInstance } from 'fastify';
import { OverridePlanBodySchema, PlanParamsSchema } from '@shared/api';
import type { PlanKind } from '@shared/plan-delivery';
import {
  getDeliverablePlan,
  getPlan,
  overridePlanBlock,
  PlanDeliveryFailure,
} from '../../application/plan-delivery';
import type { ApiDependencies } from '../deps';
import { ApiError } from '../errors';
import { parseInput, type InputPart } from '../validate';

/** Who approved, when the coach does not sign: the door it came through. */
const API_OVERRIDE_BY = 'API local (token de administrador)';

/** The delivery use case's failures in the API's shape: 404 for a missing plan, 409 otherwise. */
export function planDeliveryApiError(error: PlanDeliveryFailure, part: InputPart = 'body'): ApiError {
  const fields = error.fields.map((field) => ({ ...field, field: `${part}.${field.field}` }));
  return new ApiError(
    error.reason === 'plan_not_found' ? 404 : 409,
    error.reason,
    error.message,
    fields.length > 0 ? fields : undefined,
  );
}

function asApiError(error: unknown): never {
  if (error instanceof PlanDeliveryFailure) throw planDeliveryApiError(error);
  throw error;
}

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
        by: body.coach ?? API_OVERRIDE_BY,
      }).catch(asApiError);
      return { success: true, plan };
    });
  }
}
