import type { FastifyInstance } from 'fastify';
import {
  CreateUserBodySchema,
  PageQuerySchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserParamsSchema,
} from '@shared/api';
import { createClient, listClients, requireClient, updateClient } from '../../application/clients';
import { listClientPlans } from '../../application/plan-delivery';
import { summarizeClientPlans } from '../../application/plan-summaries';
import { listClientQuestionnaires } from '../../application/questionnaires';
import type { ApiDependencies } from '../deps';
import { parseInput } from '../validate';

// A thin door onto application/clients.ts (and the questionnaire and plan lists): the error
// handler maps each `DomainError` to its status (api/errors.ts).

/** Clients (collection `users`): list with search, create, read, update (archive included), questionnaires, plans. */
export function registerUserRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories } = deps;

  admin.get('/users', async (request) => {
    const query = parseInput(UserListQuerySchema, request.query, 'query');
    return { success: true, ...(await listClients(repositories, query)) };
  });

  admin.post('/users', async (request, reply) => {
    const body = parseInput(CreateUserBodySchema, request.body, 'body');
    const user = await createClient(repositories, body);
    return reply.code(201).send({ success: true, user });
  });

  admin.get('/users/:user_id', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    return { success: true, user: await requireClient(repositories, user_id) };
  });

  // Archiving is `{"archived": true}` here (the original API's habit); IPC names it `archiveClient`.
  admin.patch('/users/:user_id', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const changes = parseInput(UpdateUserBodySchema, request.body, 'body');
    return { success: true, user: await updateClient(repositories, user_id, changes) };
  });

  /** A client's questionnaires, newest first, paginated (what the client page lists). */
  admin.get('/users/:user_id/submissions', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const page = parseInput(PageQuerySchema, request.query, 'query');
    return { success: true, ...(await listClientQuestionnaires(repositories, user_id, page)) };
  });

  admin.get('/users/:user_id/plans', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const page = parseInput(PageQuerySchema, request.query, 'query');
    const plans = await listClientPlans(repositories, user_id, page);
    // Blocked plans are listed too (for review), each with its delivery state; the current plan of
    // each kind is the newest deliverable one, named apart so no client takes a blocked one.
    return {
      success: true,
      training_plans: plans.training,
      nutrition_plans: plans.nutrition,
      current_training_plan_id: plans.current_training_plan_id,
      current_nutrition_plan_id: plans.current_nutrition_plan_id,
      // The same summaries IPC `listPlans` answers (an addition; original clients ignore it).
      summaries: summarizeClientPlans(plans),
    };
  });
}
