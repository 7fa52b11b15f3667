import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ResponsesForm } from './fields';

/**
 * After the first submit attempt, every change re-checks the whole questionnaire and replaces all
 * its errors, so an error goes away as soon as the answer is fixed (or its list item removed) and
 * the other errors stay where they are. react-hook-form's own re-validation is off for this form
 * (`reValidateMode: 'onSubmit'`): it updates one field's errors at a time and, for an item of a
 * list or a small object, dropped the errors of the sub-inputs that were not edited while keeping
 * those of the list itself until an item was added or removed.
 */
export function useLiveValidation(form: UseFormReturn<ResponsesForm>): void {
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ name, isSubmitted }) => {
          // No name: the answers were replaced as a whole (loaded, imported); they are checked on submit.
          if (name !== undefined && isSubmitted) void form.trigger();
        },
      }),
    [form],
  );
}
