import type { FastifyInstance } from 'fastify';
import {
  GenerateAsyncBodySchema,
  generateAsyncMessage,
  UserParamsSchema,
  type GenerateAsyncResponse,
} from '@shared/api';
import { generatePlan } from '../../application/generate-plan';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
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
    const job = await generatePlan({ repositories, queue }, { ...body, user_id }).catch(
      apiErrorAt((field) => (field === 'user_id' ? 'params' : 'body')),
    );
    const response: GenerateAsyncResponse = {
      success: true,
      job_id: job._id,
      message: generateAsyncMessage(job._id),
    };
    return response;
  });
}
