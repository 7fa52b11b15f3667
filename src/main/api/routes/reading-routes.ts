import { correctSubmissionReading, getSubmissionReading } from '../../application/questionnaire-reading';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
import type { RouteHandlers } from '../route-table';

/** Field names as the use case gives them (`corrections.0.text`), as over IPC. */
const asApiError = apiErrorAt(null);

/**
 * What the app understood from a questionnaire, and the coach's corrections
 * (`GET /admin/submissions/{id}/reading`, `PUT /admin/submissions/{id}/reading`): a thin door onto
 * the reading use case.
 */
export function readingHandlers(
  deps: ApiDependencies,
): Pick<RouteHandlers, 'getSubmissionReading' | 'correctSubmissionReading'> {
  const { repositories } = deps;
  return {
    getSubmissionReading: async ({ params }) => ({
      success: true,
      ...(await getSubmissionReading(repositories, params.submission_id).catch(asApiError)),
    }),
    correctSubmissionReading: async ({ params, body }) => ({
      success: true,
      ...(await correctSubmissionReading(repositories, params.submission_id, body.corrections).catch(
        asApiError,
      )),
    }),
  };
}
