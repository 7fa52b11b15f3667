import { generateAsyncMessage } from '@shared/api';
import { generatePlan } from '../../application/generate-plan';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
import type { RouteHandlers } from '../route-table';

/**
 * `POST /admin/users/{user_id}/plans/generate_async` (seed-compatible): checks that what the job
 * will read exists and belongs to this client, enqueues, and answers at once with the job id. The
 * questionnaire itself is validated again by the job (it may have been written by another system).
 */
export function generateHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'generatePlan'> {
  const { repositories, queue } = deps;
  return {
    generatePlan: async ({ params, body }) => {
      const job = await generatePlan({ repositories, queue }, { ...body, user_id: params.user_id }).catch(
        apiErrorAt((field) => (field === 'user_id' ? 'params' : 'body')),
      );
      return { success: true, job_id: job._id, message: generateAsyncMessage(job._id) };
    },
  };
}
