import type { FastifyInstance } from 'fastify';
import { PlanParamsSchema } from '@shared/api';
import type { ApiDependencies } from '../deps';
import { ApiError } from '../errors';
import { parseInput } from '../validate';

/** Finished plans by id (the id a completed job reports in `result.*_plan_id`). */
export function registerPlanRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories } = deps;
  const kinds = [
    { path: '/training-plans/:plan_id', repo: repositories.trainingPlans, label: 'plan de entrenamiento' },
    { path: '/nutrition-plans/:plan_id', repo: repositories.nutritionPlans, label: 'plan de nutrición' },
  ] as const;
  for (const kind of kinds) {
    admin.get(kind.path, async (request) => {
      const { plan_id } = parseInput(PlanParamsSchema, request.params, 'params');
      const plan = await kind.repo.get(plan_id);
      if (!plan) {
        throw new ApiError(
          404,
          'plan_not_found',
          `No existe ningún ${kind.label} con id «${plan_id}». Usa el id de result del job (GET /jobs/{job_id}) o la lista GET /admin/users/{user_id}/plans.`,
        );
      }
      return { success: true, plan };
    });
  }
}
