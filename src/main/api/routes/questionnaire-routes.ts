import type { FastifyInstance } from 'fastify';
import { SubmitQuestionnaireBodySchema, type SubmitQuestionnaireResponse } from '@shared/api';
import type { QuestionnaireResponses } from '@shared/questionnaire';
import { looseAnswersForReview } from '@shared/loose-answers';
import { formatValidationErrors, validateQuestionnaire } from '@shared/questionnaire-validation';
import { UserSchema } from '@shared/user';
import { newId } from '../../db/ids';
import { isDuplicateKeyError } from '../../db/repositories/duplicate-key';
import type { ApiDependencies } from '../deps';
import { ApiError } from '../errors';
import { publicRateLimit } from '../rate-limit';
import { parseInput } from '../validate';

/** Longest client id accepted: it becomes the `_id` of a new client (users' `_id` limit). */
const MAX_USER_ID_LENGTH = 128;

/**
 * `POST /submit-nutrition-questionnaire` (seed-compatible): the shared validator checks the answers
 * exactly as a job will; the submission is stored in the original's shape (answers as sent, not
 * normalised); a client the system does not know yet is created from the questionnaire, because a
 * questionnaire is how a new client arrives.
 */
export function registerQuestionnaireRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  const { repositories, logger } = deps;

  app.post('/submit-nutrition-questionnaire', { config: publicRateLimit(deps) }, async (request, reply) => {
    const body = parseInput(SubmitQuestionnaireBodySchema, request.body, 'body');
    const submissionId = newId();
    // Lenient, as the original: only its seven fields can refuse a questionnaire; loose optional
    // answers are stored as sent and read (or flagged) when a job validates the submission.
    const result = validateQuestionnaire(
      { _id: submissionId, user_id: body.user_id, responses: body.responses },
      { lang: 'es', optionalFields: 'lenient' },
    );
    const userId = typeof body.user_id === 'string' ? body.user_id.trim() : '';
    if (result.isValid && userId.length > MAX_USER_ID_LENGTH) {
      result.errors.push({
        field: 'user_id',
        code: 'invalid_value',
        message: `user_id: se esperaba un identificador de como máximo ${MAX_USER_ID_LENGTH} caracteres; recibido ${userId.length}`,
      });
    }
    if (!result.isValid || result.errors.length > 0 || !result.data) {
      throw new ApiError(
        400,
        'validation_error',
        formatValidationErrors(result.errors, 'es'),
        result.errors.map(({ field, code, message }) => ({ field, code, message })),
      );
    }
    const normalized = result.data.responses;

    let userCreated = false;
    if (!(await repositories.users.get(userId))) {
      // The validator's email rule is the original's (permissive); keep the client even when the
      // stricter user schema would reject the address — the coach can correct it later.
      const email = UserSchema.shape.email.safeParse(normalized.email);
      try {
        await repositories.users.create({
          _id: userId,
          nombre_completo: normalized.nombre_completo,
          email: email.success ? email.data : null,
        });
        userCreated = true;
      } catch (error) {
        // Two questionnaires of one new client at once: the other request created it.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }

    // The validator accepted these answers; the repository parses them again with the stored schema.
    const submission = await repositories.submissions.createWithId(
      submissionId,
      userId,
      body.responses as QuestionnaireResponses,
    );
    logger.info(
      { submission_id: submission._id, user_id: userId, user_created: userCreated },
      'questionnaire stored',
    );
    const looseAnswers = looseAnswersForReview(result.data.loose_answers);
    const response: SubmitQuestionnaireResponse = {
      success: true,
      submission_id: submission._id,
      user_id: userId,
      user_created: userCreated,
      loose_answers: looseAnswers,
    };
    return reply.code(201).send(response);
  });
}
