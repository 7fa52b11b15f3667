import type { FastifyInstance } from 'fastify';
import { SubmissionReadingParamsSchema, CorrectReadingBodySchema } from '@shared/reading-api';
import { correctSubmissionReading, getSubmissionReading } from '../../application/questionnaire-reading';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
import { parseInput } from '../validate';

/** Field names as the use case gives them (`corrections.0.text`), as over IPC. */
const asApiError = apiErrorAt(null);

/**
 * What the app understood from a questionnaire, and the coach's corrections
 * (`GET /admin/submissions/{id}/reading`, `PUT /admin/submissions/{id}/reading`): a thin door onto
 * the reading use case.
 */
export function registerReadingRoutes(admin: FastifyInstance, deps: ApiDependencies): void {
  const { repositories } = deps;
  admin.get('/submissions/:submission_id/reading', async (request) => {
    const { submission_id } = parseInput(SubmissionReadingParamsSchema, request.params, 'params');
    const result = await getSubmissionReading(repositories, submission_id).catch(asApiError);
    return { success: true, ...result };
  });
  admin.put('/submissions/:submission_id/reading', async (request) => {
    const { submission_id } = parseInput(SubmissionReadingParamsSchema, request.params, 'params');
    const body = parseInput(CorrectReadingBodySchema, request.body, 'body');
    const result = await correctSubmissionReading(repositories, submission_id, body.corrections).catch(
      asApiError,
    );
    return { success: true, ...result };
  });
}
