import type { IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import type { QuestionnaireResponses } from '@shared/questionnaire';
import { formatValidationErrors, validateQuestionnaire } from '@shared/questionnaire-validation';
import {
  correctSubmissionReading,
  getSubmissionReading,
  ReadingFailure,
} from '../../application/questionnaire-reading';
import { newId } from '../../db/ids';
import { clientNotFound } from './clients';
import type { IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

type Repos = IpcCore['repositories'];

/** Placeholder ids: the form checks only the answers; ids are assigned when it is submitted. */
const PREVIEW_ID = 'vista-previa';

/**
 * The original system's rules, as a job will apply them (lenient about optional answers), without
 * storing anything; `mode: 'strict'` also reports each typed optional answer that does not fit.
 */
export function checkQuestionnaire(
  args: IpcParsedArgs<'validateQuestionnaire'>,
): IpcResult<'validateQuestionnaire'> {
  const lang = args.lang ?? 'es';
  const result = validateQuestionnaire(
    { _id: PREVIEW_ID, user_id: PREVIEW_ID, responses: args.responses },
    { lang, optionalFields: args.mode ?? 'lenient' },
  );
  const errors = result.errors.map(({ field, code, message }) => ({ field, code, message }));
  return { is_valid: result.isValid, errors, message: formatValidationErrors(result.errors, lang) };
}

/**
 * Stores a questionnaire for an existing client, in the original's shape (answers as entered, not
 * normalised — the job normalises them). Invalid answers are refused with every bad field named.
 */
export async function submitQuestionnaire(
  repos: Repos,
  args: IpcParsedArgs<'submitQuestionnaire'>,
): Promise<IpcResult<'submitQuestionnaire'>> {
  if (!(await repos.users.get(args.user_id))) throw clientNotFound(args.user_id);
  const id = newId();
  // Lenient like the HTTP submit: the form already checked its own fields strictly, and an
  // imported questionnaire keeps its loose answers for the job to read.
  const result = validateQuestionnaire(
    { _id: id, user_id: args.user_id, responses: args.responses },
    { lang: 'es', optionalFields: 'lenient' },
  );
  if (!result.isValid) {
    const fields = result.errors.map(({ field, code, message }) => ({ field, code, message }));
    throw new IpcFailure('validation_error', formatValidationErrors(result.errors, 'es'), fields);
  }
  // The validator accepted these answers; the repository parses them again with the stored schema.
  return repos.submissions.createWithId(id, args.user_id, args.responses as QuestionnaireResponses);
}

export async function getQuestionnaire(repos: Repos, id: string): Promise<IpcResult<'getQuestionnaire'>> {
  const submission = await repos.submissions.get(id);
  if (!submission) {
    throw new IpcFailure('submission_not_found', `No existe ningún cuestionario con id «${id}».`);
  }
  return submission;
}

/** The reading use case's failures as IPC failures (same reasons as over HTTP). */
async function reading<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ReadingFailure) throw new IpcFailure(error.reason, error.message, error.fields);
    throw error;
  }
}

type QuestionnaireHandlers = Pick<
  IpcHandlers,
  | 'validateQuestionnaire'
  | 'submitQuestionnaire'
  | 'listQuestionnaires'
  | 'getQuestionnaire'
  | 'getQuestionnaireReading'
  | 'correctQuestionnaireReading'
>;

export function questionnaireHandlers(core: () => IpcCore | null): QuestionnaireHandlers {
  const repos = (): Repos => requireCore(core()).repositories;
  return {
    validateQuestionnaire: (args) => checkQuestionnaire(args),
    submitQuestionnaire: (args) => submitQuestionnaire(repos(), args),
    listQuestionnaires: async (args) => {
      const r = repos();
      if (!(await r.users.get(args.user_id))) throw clientNotFound(args.user_id);
      return r.submissions.listForUser(args.user_id, args);
    },
    getQuestionnaire: (args) => getQuestionnaire(repos(), args.id),
    getQuestionnaireReading: (args) => reading(() => getSubmissionReading(repos(), args.id)),
    correctQuestionnaireReading: (args) =>
      reading(() => correctSubmissionReading(repos(), args.id, args.corrections)),
  };
}
