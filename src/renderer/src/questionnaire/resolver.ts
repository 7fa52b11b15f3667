import type { FieldErrors, Resolver } from 'react-hook-form';
import { validateQuestionnaire, type QuestionnaireError } from '@shared/questionnaire-validation';
import { currentLang } from '../i18n';
import { formErrorsOf, toResponses, type ResponsesForm } from './fields';

/**
 * react-hook-form resolver backed by the server's own validator (`validateQuestionnaire`, shared):
 * the same rules and the same per-field messages the API would answer with.
 */
export function validateResponses(values: ResponsesForm): QuestionnaireError[] {
  const result = validateQuestionnaire(
    { _id: 'borrador', user_id: 'borrador', responses: toResponses(values) },
    { lang: currentLang() },
  );
  return result.errors;
}

export const questionnaireResolver: Resolver<ResponsesForm> = (values) => {
  const problems = validateResponses(values);
  if (problems.length === 0) return { values, errors: {} };
  // Nested like the inputs' names (`lesiones.0.dolor_0_10`): each message shows on its sub-input.
  return { values: {}, errors: formErrorsOf(problems) as FieldErrors<ResponsesForm> };
};
