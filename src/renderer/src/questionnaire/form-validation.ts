import type { FieldErrors, Resolver } from 'react-hook-form';
import i18n from '../i18n';
import { formErrorsOf, type ResponsesForm, type ValidationProblem } from './fields';
import { numberInWordsProblems, withoutUnreadNumbers } from './number-text';
import { validateResponses } from './resolver';

/**
 * Everything wrong with the form's answers: numbers typed in words (the form's own check: the
 * shared validator never sees them), then the shared validator's problems with the rest. One
 * problem per field: a number in words is not also reported as missing.
 */
export function formProblems(values: ResponsesForm): ValidationProblem[] {
  const words = numberInWordsProblems(values, i18n.t);
  const reported = new Set(words.map((problem) => problem.field));
  const shared = validateResponses(withoutUnreadNumbers(values)).filter(
    (problem) => !reported.has(problem.field),
  );
  return [...words, ...shared];
}

/** The questionnaire form's resolver: `formProblems`, each on the input it names. */
export const formResolver: Resolver<ResponsesForm> = (values) => {
  const problems = formProblems(values);
  if (problems.length === 0) return { values, errors: {} };
  return { values: {}, errors: formErrorsOf(problems) as FieldErrors<ResponsesForm> };
};
