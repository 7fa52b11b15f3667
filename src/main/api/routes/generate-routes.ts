import type { FastifyInstance } from 'fastify';
import {
  GenerateAsyncBodySchema,
  generateAsyncMessage,
  UserParamsSchema,
  type GenerateAsyncResponse,
} from '@shared/api';
import { checkPreviousTrainingPlan } from '../../application/plan-delivery';
import type { ApiDependencies } from '../deps';
import { asApiError, ApiError } from '../errors';
import { parseInput } from '../validate';

/**
 * `POST /admin/users/{user_id}/plans/generate_async` (seed-compatible): checks that what the job
 * will read exists and belongs to this client, enqueues, and answers at once with the job id. The
 * questionnaire itself is validated again by the job (it may have been written by another system).
 */
export function registerGenerateRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories, queue } = deps;

  admin.post('/users/:user_id/plans/generate_async', async (request) => {
    const { user_id } = parseInput(UserParamsSchema, request.params, 'params');
    const body = parseInput(GenerateAsyncBodySchema, request.body, 'body');

    if (!(await repositories.users.get(user_id))) {
      throw new ApiError(
        404,
        'user_not_found',
        `No existe ningún cliente con id «${user_id}». Comprueba el user_id o envía antes su cuestionario (POST /submit-nutrition-questionnaire).`,
      );
    }
    const submission = await repositories.submissions.getRaw(body.submission_id);
    // Another client's questionnaire is reported as missing: the id alone must not reveal it exists.
    if (!submission || submission['user_id'] !== user_id) {
      throw new ApiError(
        404,
        'submission_not_found',
        `El cliente «${user_id}» no tiene ningún cuestionario con id «${body.submission_id}». Usa el submission_id que devolvió POST /submit-nutrition-questionnaire.`,
      );
    }
    const previousId = body.previous_training_plan_id ?? null;
    if (previousId) {
      // Missing, another client's, or blocked by its audit (409 plan_blocked): the use case decides.
      await checkPreviousTrainingPlan(repositories, user_id, previousId).catch(asApiError);
    }

    const job = await queue.enqueue({
      user_id,
      submission_id: body.submission_id,
      type: body.type,
      previous_training_plan_id: previousId,
    });
    const response: GenerateAsyncResponse = {
      success: true,
      job_id: job._id,
      message: generateAsyncMessage(job._id),
    };
    return response;
  });
}
