import type { FastifyInstance } from 'fastify';
import {
  CreateUserBodySchema,
  PageQuerySchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserParamsSchema,
} from '@shared/api';
import { listClientPlans } from '../../application/plan-delivery';
import { isDuplicateKeyError } from '../../db/repositories/duplicate-key';
import type { ApiDependencies } from '../deps';
import { ApiError } from '../errors';
import { parseInput } from '../validate';

export function userNotFound(userId: string): ApiError {
  return new ApiError(
    404,
    'user_not_found',
    `No existe ningún cliente con id «${userId}». Búscalo en GET /admin/users?search=<nombre o email>.`,
  );
}

/** Clients (collection `users`): list with search, create, read, update (archive included), questionnaires, plans. */
export function registerUserRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories } = deps;

  admin.get('/users', async (request) => {
    const query = parseInput(UserListQuerySchema, request.query, 'query');
    const page = await repositories.users.list({
      ...(query.search !== undefined ? { search: query.search } : {}),
      ...(query.include_archived !== undefined ? { includeArchived: query.include_archived } : {}),
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.offset !== undefined ? { offset: query.offset } : {}),
    });
    return { success: true, ...page };
  });

  admin.post('/users', async (request, reply) => {
    const body = parseInput(CreateUserBodySchema, request.body, 'body');
    try {
      const user = await repositories.users.create(body);
      return reply.code(201).send({ success: true, user });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw new ApiError(
        409,
        'user_exists',
        `Ya existe un cliente con id «${body._id ?? ''}». Usa PATCH /admin/users/${body._id ?? '{id}'} para cambiar sus datos, u omite _id para generar uno nuevo.`,
      );
    }
  });

  admin.get('/users/:user_id', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const user = await repositories.users.get(user_id);
    if (!user) throw userNotFound(user_id);
    return { success: true, user };
  });

  admin.patch('/users/:user_id', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const changes = parseInput(UpdateUserBodySchema, request.body, 'body');
    const user = await repositories.users.update(user_id, changes);
    if (!user) throw userNotFound(user_id);
    return { success: true, user };
  });

  /** A client's questionnaires, newest first, paginated (what the client page lists). */
  admin.get('/users/:user_id/submissions', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const page = parseInput(PageQuerySchema, request.query, 'query');
    if (!(await repositories.users.get(user_id))) throw userNotFound(user_id);
    return { success: true, ...(await repositories.submissions.listForUser(user_id, page)) };
  });

  admin.get('/users/:user_id/plans', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const page = parseInput(PageQuerySchema, request.query, 'query');
    const plans = await listClientPlans(repositories, user_id, page);
    if (!plans) throw userNotFound(user_id);
    // Blocked plans are listed too (for review), each with its delivery state; the current plan of
    // each kind is the newest deliverable one, named apart so no client takes a blocked one.
    return {
      success: true,
      training_plans: plans.training,
      nutrition_plans: plans.nutrition,
      current_training_plan_id: plans.current_training_plan_id,
      current_nutrition_plan_id: plans.current_nutrition_plan_id,
    };
  });
}
