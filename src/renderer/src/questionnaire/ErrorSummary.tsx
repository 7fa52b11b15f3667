import { Alert, List } from '@mantine/core';
import { useMemo } from 'react';
import { useFormState, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ResponsesForm } from './fields';
import { formProblems } from './form-validation';
import { labelProblem } from './labels';

/**
 * The list of what to fix, above the form, once a submit was refused. It follows the answers (a
 * fixed field leaves the list at once, the list disappears when nothing is left) and names each
 * field by its label.
 */
export function ErrorSummary({ control }: { control: Control<ResponsesForm> }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { isSubmitted } = useFormState({ control });
  const values = useWatch({ control });
  const problems = useMemo(() => (isSubmitted ? formProblems(values) : []), [isSubmitted, values]);
  if (problems.length === 0) return null;
  return (
    <Alert color="red" title={t('questionnaire.errorsTitle')} role="alert" data-testid="questionnaire-errors">
      <List size="sm">
        {problems.map((p, index) => (
          <List.Item key={`${index}:${p.field}`}>{labelProblem(p, t)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
