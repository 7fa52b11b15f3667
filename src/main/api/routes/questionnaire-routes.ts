import { submitQuestionnaire } from '../../application/questionnaires';
import type { ApiDependencies } from '../deps';
import { apiErrorAt } from '../errors';
import type { RouteHandlers } from '../route-table';

/**
 * `POST /submit-nutrition-questionnaire` (seed-compatible): the shared validator checks the answers
 * exactly as a job will; the submission is stored in the original's shape (answers as sent, not
 * normalised); a client the system does not know yet is created from the questionnaire, because a
 * questionnaire is how a new client arrives.
 */
export function questionnaireHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'submitQuestionnaire'> {
  const { repositories, logger } = deps;
  return {
    submitQuestionnaire: async ({ body }) => {
      // Validation fields keep the original API's names (`responses.peso`, no `body.` prefix).
      const stored = await submitQuestionnaire(repositories, body).catch(apiErrorAt(null));
      const { submission, user_created } = stored;
      logger.info(
        { submission_id: submission._id, user_id: submission.user_id, user_created },
        'questionnaire stored',
      );
      return {
        success: true,
        submission_id: submission._id,
        user_id: submission.user_id,
        user_created,
        loose_answers: stored.loose_answers,
        submission,
      };
    },
  };
}
