import { looseAnswersForReview } from '@shared/loose-answers';
import type { LooseAnswer, QuestionnaireResponses, QuestionnaireSubmission } from '@shared/questionnaire';
import {
  formatValidationErrors,
  validateQuestionnaire,
  type OptionalFieldsMode,
} from '@shared/questionnaire-validation';
import type { QuestionnaireCheck } from '@shared/ipc-contract';
import type { Language } from '@shared/settings-descriptor';
import { UserSchema } from '@shared/user';
import type { Repositories } from '../db/repositories';
import { isDuplicateKeyError } from '../db/repositories/duplicate-key';
import { newId } from '../db/ids';
import type { Page, PageRequest } from '../db/repositories/paging';
import { requireClient } from './clients';
import { DomainError } from './domain-error';

/*
 * Questionnaires, one set of use cases behind both doors (HTTP `POST /submit-nutrition-questionnaire`
 * and `/admin/users/{id}/submissions`, IPC `submitQuestionnaire`, `listQuestionnaires`,
 * `getQuestionnaire`).
 *
 * One behaviour for a questionnaire of a client the system does not know: the client is created from
 * it (name and email of the answers), whichever door it came through. That is the original system's
 * HTTP contract (its clients send a new client's first questionnaire there), and it is the domain's
 * rule — a questionnaire is how a new client arrives — so no door needs an option to refuse it. (The
 * IPC door refused it before; the same UI through the browser transport already created the client.)
 * The one limit is the public HTTP route's without the admin token (`newClientOnly`): there a
 * questionnaire may only introduce a client, never add answers to one the system already knows.
 *
 * Validation errors name fields as the original API did (`responses.peso`, `user_id`, no request
 * prefix): each door passes them on as they are.
 */

type QuestionnaireRepos = Pick<Repositories, 'users' | 'submissions'>;

/** Longest client id accepted: it becomes the `_id` of a new client (users' `_id` limit). */
const MAX_USER_ID_LENGTH = 128;

export interface SubmitQuestionnaireInput {
  /** As sent: the validator checks it (the HTTP envelope does not). */
  user_id: unknown;
  responses: unknown;
}

export interface SubmitQuestionnaireOptions {
  /**
   * Refuse a questionnaire for a client the system already knows — by id, or by the email of the
   * answers (`user_exists`, naming the field): the public HTTP route without the admin token may
   * only introduce a new client, never add answers (a self-declared medical authorisation…) to
   * an existing client's file.
   */
  newClientOnly?: boolean;
}

/** A client of this id, or (when the answers give one) of this email, case-insensitive; archived ones too. */
async function existingClientField(
  users: QuestionnaireRepos['users'],
  userId: string,
  email: string | null,
): Promise<'user_id' | 'responses.email' | null> {
  if (await users.get(userId)) return 'user_id';
  if (!email) return null;
  const wanted = email.trim().toLowerCase();
  const matches = await users.list({ search: wanted, includeArchived: true, limit: 100 });
  return matches.items.some((user) => user.email?.trim().toLowerCase() === wanted) ? 'responses.email' : null;
}

function onlyNewClients(field: 'user_id' | 'responses.email'): DomainError {
  const what =
    field === 'user_id' ? 'Ya existe un cliente con este user_id' : 'Ya existe un cliente con este email';
  const message =
    `${field}: ${what}. Sin el token de administración este formulario solo registra clientes nuevos; ` +
    'para añadir un cuestionario a un cliente existente, envíalo con Authorization: Bearer <token> o desde la aplicación.';
  return new DomainError('user_exists', message, [{ field, code: 'user_exists', message }]);
}

export interface SubmittedQuestionnaire {
  submission: QuestionnaireSubmission;
  /** True when this questionnaire introduced a client the system did not know. */
  user_created: boolean;
  /** Optional answers stored as sent but not in the typed form the app reads, for the coach to review. */
  loose_answers: LooseAnswer[];
}

/**
 * The shared validator checks the answers exactly as a job will (lenient about optional answers,
 * as the original: only its seven fields can refuse a questionnaire); the submission is stored in
 * the original's shape (answers as sent, not normalised — the job normalises them).
 */
export async function submitQuestionnaire(
  repos: QuestionnaireRepos,
  input: SubmitQuestionnaireInput,
  options: SubmitQuestionnaireOptions = {},
): Promise<SubmittedQuestionnaire> {
  const submissionId = newId();
  const result = validateQuestionnaire(
    { _id: submissionId, user_id: input.user_id, responses: input.responses },
    { lang: 'es', optionalFields: 'lenient' },
  );
  const userId = typeof input.user_id === 'string' ? input.user_id.trim() : '';
  if (result.isValid && userId.length > MAX_USER_ID_LENGTH) {
    result.errors.push({
      field: 'user_id',
      code: 'invalid_value',
      message: `user_id: se esperaba un identificador de como máximo ${MAX_USER_ID_LENGTH} caracteres; recibido ${userId.length}`,
    });
  }
  if (!result.isValid || result.errors.length > 0 || !result.data) {
    throw new DomainError(
      'validation_error',
      formatValidationErrors(result.errors, 'es'),
      result.errors.map(({ field, code, message }) => ({ field, code, message })),
    );
  }
  const normalized = result.data.responses;

  // The validator's email rule is the original's (permissive); keep the client even when the
  // stricter user schema would reject the address — the coach can correct it later.
  const email = UserSchema.shape.email.safeParse(normalized.email);
  if (options.newClientOnly) {
    const taken = await existingClientField(
      repos.users,
      userId,
      typeof normalized.email === 'string' ? normalized.email : null,
    );
    if (taken) throw onlyNewClients(taken);
  }

  let userCreated = false;
  if (!(await repos.users.get(userId))) {
    try {
      await repos.users.create({
        _id: userId,
        nombre_completo: normalized.nombre_completo,
        email: email.success ? email.data : null,
      });
      userCreated = true;
    } catch (error) {
      // Two questionnaires of one new client at once: the other request created it (a public one
      // may not attach to it).
      if (!isDuplicateKeyError(error)) throw error;
      if (options.newClientOnly) throw onlyNewClients('user_id');
    }
  }

  // The validator accepted these answers; the repository parses them again with the stored schema.
  const submission = await repos.submissions.createWithId(
    submissionId,
    userId,
    input.responses as QuestionnaireResponses,
  );
  return {
    submission,
    user_created: userCreated,
    loose_answers: looseAnswersForReview(result.data.loose_answers),
  };
}

/** A client's questionnaires, newest first, paginated; `user_not_found` for an unknown client. */
export async function listClientQuestionnaires(
  repos: QuestionnaireRepos,
  userId: string,
  page: PageRequest,
): Promise<Page<QuestionnaireSubmission>> {
  await requireClient(repos, userId);
  return repos.submissions.listForUser(userId, page);
}

export async function getQuestionnaire(
  repos: Pick<Repositories, 'submissions'>,
  id: string,
): Promise<QuestionnaireSubmission> {
  const submission = await repos.submissions.get(id);
  if (!submission) {
    throw new DomainError('submission_not_found', `No existe ningún cuestionario con id «${id}».`);
  }
  return submission;
}

/** Placeholder ids: the form checks only the answers; ids are assigned when it is submitted. */
const PREVIEW_ID = 'vista-previa';

/**
 * The original system's rules, as a job will apply them (lenient about optional answers), without
 * storing anything; `mode: 'strict'` also reports each typed optional answer that does not fit.
 */
export function checkQuestionnaireAnswers(args: {
  responses: Record<string, unknown>;
  lang?: Language | undefined;
  mode?: OptionalFieldsMode | undefined;
}): QuestionnaireCheck {
  const lang = args.lang ?? 'es';
  const result = validateQuestionnaire(
    { _id: PREVIEW_ID, user_id: PREVIEW_ID, responses: args.responses },
    { lang, optionalFields: args.mode ?? 'lenient' },
  );
  const errors = result.errors.map(({ field, code, message }) => ({ field, code, message }));
  return { is_valid: result.isValid, errors, message: formatValidationErrors(result.errors, lang) };
}
