import { submitQuestionnaire } from '../../application/questionnaires';
import { hasAdminToken } from '../auth';
import { isLoopbackHost } from '../bind-policy';
import { DEFAULT_API_OPTIONS, type ApiDependencies } from '../deps';
import { apiErrorAt, ApiError } from '../errors';
import type { RouteHandlers } from '../route-table';

/**
 * Whether `POST /submit-nutrition-questionnaire` takes questionnaires without the admin token: always
 * on loopback (only this machine can call), off loopback only when the admin enabled it
 * (EDN_PUBLIC_SUBMIT=1: a clinic that publishes its form on purpose).
 */
export function publicSubmitOpen(host: string, publicSubmit: boolean): boolean {
  return publicSubmit || isLoopbackHost(host);
}

/**
 * `POST /submit-nutrition-questionnaire` (seed-compatible): the shared validator checks the answers
 * exactly as a job will; the submission is stored in the original's shape (answers as sent, not
 * normalised); a client the system does not know yet is created from the questionnaire, because a
 * questionnaire is how a new client arrives. Without the admin token it may only create a new client
 * (never add answers to an existing one's file), within the body's size limits, and off loopback
 * only when EDN_PUBLIC_SUBMIT=1.
 */
export function questionnaireHandlers(deps: ApiDependencies): Pick<RouteHandlers, 'submitQuestionnaire'> {
  const { repositories, logger } = deps;
  const publicSubmit = deps.options?.publicSubmit ?? DEFAULT_API_OPTIONS.publicSubmit;
  return {
    submitQuestionnaire: async ({ body }, { request }) => {
      const admin = hasAdminToken(request);
      if (!admin && !publicSubmitOpen(deps.config.api.host, publicSubmit)) {
        throw new ApiError(
          403,
          'forbidden',
          'Este servidor no acepta cuestionarios sin el token de administración (la API está abierta a la red). ' +
            'Envíalo con Authorization: Bearer <token>, o el administrador puede aceptarlos con EDN_PUBLIC_SUBMIT=1.',
        );
      }
      // Validation fields keep the original API's names (`responses.peso`, no `body.` prefix).
      const stored = await submitQuestionnaire(repositories, body, { newClientOnly: !admin }).catch(
        apiErrorAt(null),
      );
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
