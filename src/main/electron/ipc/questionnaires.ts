import type { IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { formatValidationErrors, validateQuestionnaire } from '@shared/questionnaire-validation';
import { correctSubmissionReading, getSubmissionReading } from '../../application/questionnaire-reading';
import {
  getQuestionnaire,
  listClientQuestionnaires,
  submitQuestionnaire,
} from '../../application/questionnaires';
import type { IpcHandlers } from './dispatch';
import { asIpcFailure } from './errors';
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

/** Field names as the use cases give them (`responses.peso`, `corrections.0.text`), as over HTTP. */
const asIs = (error: unknown): never => asIpcFailure(error, null);

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
    // A questionnaire of an unknown client creates it, as over HTTP (application/questionnaires.ts).
    submitQuestionnaire: async (args) => (await submitQuestionnaire(repos(), args).catch(asIs)).submission,
    listQuestionnaires: ({ user_id, ...page }) => listClientQuestionnaires(repos(), user_id, page),
    getQuestionnaire: (args) => getQuestionnaire(repos(), args.id),
    getQuestionnaireReading: (args) => getSubmissionReading(repos(), args.id).catch(asIs),
    correctQuestionnaireReading: (args) =>
      correctSubmissionReading(repos(), args.id, args.corrections).catch(asIs),
  };
}
