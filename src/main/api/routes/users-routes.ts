import { eraseClient } from '../../application/client-erasure';
import { exportClientData } from '../../application/client-data-export';
import { readCoachBrand } from '../../config/coach-brand';
import { createClient, listClients, requireClient, updateClient } from '../../application/clients';
import { listClientPlans } from '../../application/plan-delivery';
import { summarizeClientPlans } from '../../application/plan-summaries';
import { listClientQuestionnaires } from '../../application/questionnaires';
import type { ApiDependencies } from '../deps';
import type { RouteHandlers } from '../route-table';

// A thin door onto application/clients.ts (and the questionnaire and plan lists): the error
// handler maps each `DomainError` to its status (api/errors.ts).

/** Clients (collection `users`): list with search, create, read, update (archive included), questionnaires, plans. */
export function userHandlers(
  deps: ApiDependencies,
): Pick<
  RouteHandlers,
  | 'listUsers'
  | 'createUser'
  | 'getUser'
  | 'updateUser'
  | 'eraseUser'
  | 'exportUserData'
  | 'listUserSubmissions'
  | 'listUserPlans'
> {
  const { repositories } = deps;
  return {
    listUsers: async ({ query }) => ({ success: true, ...(await listClients(repositories, query)) }),
    createUser: async ({ body }) => ({ success: true, user: await createClient(repositories, body) }),
    getUser: async ({ params }) => ({
      success: true,
      user: await requireClient(repositories, params.user_id),
    }),
    // Archiving is `{"archived": true}` here (the original API's habit); IPC names it `archiveClient`.
    updateUser: async ({ params, body }) => ({
      success: true,
      user: await updateClient(repositories, params.user_id, body),
    }),
    eraseUser: async ({ params, body }) => ({
      success: true,
      erasure: await eraseClient(repositories, { id: params.user_id, confirm: body.confirm }, 'api'),
    }),
    exportUserData: async ({ params }, { reply }) => {
      const data = await exportClientData(
        {
          repositories,
          coachBrand: () => readCoachBrand(deps.config.dataDir),
          version: deps.version,
        },
        params.user_id,
      );
      reply.header('content-disposition', `attachment; filename="${data.file_name}"`).type('application/zip');
      return data.bytes;
    },
    /** A client's questionnaires, newest first, paginated (what the client page lists). */
    listUserSubmissions: async ({ params, query }) => ({
      success: true,
      ...(await listClientQuestionnaires(repositories, params.user_id, query)),
    }),
    listUserPlans: async ({ params, query }) => {
      const plans = await listClientPlans(repositories, params.user_id, query);
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
    },
  };
}
