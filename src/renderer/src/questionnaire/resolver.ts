import type { FieldErrors, Resolver } from 'react-hook-form';
import { validateQuestionnaire, type QuestionnaireError } from '@shared/questionnaire-validation';
import { currentLang } from '../i18n';
import { formErrorsOf, toResponses, type ResponsesForm } from './fields';

/**
 * react-hook-form resolver backed by the server's own validator (`validateQuestionnaire`, shared):
 * the same required-field rules and messages the API answers with. Strict about the typed optional
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

export const questionnaireResolver: Resolver<ResponsesForm> = (values) => {
  const problems = validateResponses(values);
  if (problems.length === 0) return { values, errors: {} };
  // Nested like the inputs' names (`lesiones.0.dolor_0_10`): each message shows on its sub-input.
  return { values: {}, errors: formErrorsOf(problems) as FieldErrors<ResponsesForm> };
};
