import { correctSubmissionReading, getSubmissionReading } from '../../application/questionnaire-reading';
import {
  checkQuestionnaireAnswers,
  getQuestionnaire,
  listClientQuestionnaires,
  submitQuestionnaire,
} from '../../application/questionnaires';
import type { IpcHandlers } from './dispatch';
import { asIpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

type Repos = IpcCore['repositories'];

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
    validateQuestionnaire: (args) => checkQuestionnaireAnswers(args),
    // A questionnaire of an unknown client creates it, as over HTTP (application/questionnaires.ts).
    submitQuestionnaire: async (args) => (await submitQuestionnaire(repos(), args).catch(asIs)).submission,
    listQuestionnaires: ({ user_id, ...page }) => listClientQuestionnaires(repos(), user_id, page),
    getQuestionnaire: (args) => getQuestionnaire(repos(), args.id),
    getQuestionnaireReading: (args) => getSubmissionReading(repos(), args.id).catch(asIs),
    correctQuestionnaireReading: (args) =>
      correctSubmissionReading(repos(), args.id, args.corrections).catch(asIs),
  };
}
