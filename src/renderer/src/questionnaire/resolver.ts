import { validateQuestionnaire, type QuestionnaireError } from '@shared/questionnaire-validation';
import { currentLang } from '../i18n';
import { toResponses, type ResponsesForm } from './fields';

/**
 * The form's check (form-validation.ts's resolver), backed by the server's own validator
 * (`validateQuestionnaire`, shared): the same required-field rules and messages the API answers
 * with. Strict about the typed optional
 * fields: the API keeps a loose answer for review, but this form writes those fields itself, so a
 * value that does not fit is a mistake the coach can fix on its input now.
 */
export function validateResponses(values: ResponsesForm): QuestionnaireError[] {
  const result = validateQuestionnaire(
    { _id: 'borrador', user_id: 'borrador', responses: toResponses(values) },
    { lang: currentLang(), optionalFields: 'strict' },
  );
  return result.errors;
}
