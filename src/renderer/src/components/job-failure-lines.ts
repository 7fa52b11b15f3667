import type { TFunction } from 'i18next';
import type { FieldError } from '@shared/field-error';
import { errorFieldsOf } from '@shared/job';
import { FORM_FIELD_NAMES, formFieldOf } from '../questionnaire/fields';

/** One line of a failed job's detail: which field (if known) and what is wrong with it. */
export interface FailureLine {
  /**
   * The field in the coach's language for a questionnaire field (`responses.peso` → "Weight (kg)"),
   * else its name as stored (a screening check id such as `SCR-03`, `_id`…); null when the line
   * comes from an old job's text, which names the field itself.
   */
  label: string | null;
  text: string;
}

export interface FailedJobDetail {
  error_message: string | null;
  error_fields?: readonly FieldError[] | undefined;
}

/**
 * The per-field lines of a failed job (validation errors, blocking screening checks). They come
 * from the job's structured `error_fields`; only a job stored before that field existed falls back
 * to the `• ` lines of its Spanish `error_message`.
 */
export function jobFailureLines(job: FailedJobDetail, t: TFunction): FailureLine[] {
  const fields = errorFieldsOf(job);
  if (fields.length > 0) return fields.map((error) => lineOf(error, t));
  return (job.error_message ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('•'))
    .map((line) => ({ label: null, text: line.replace(/^\s*•\s*/, '') }));
}

function lineOf(error: FieldError, t: TFunction): FailureLine {
  // The job continued a plan its audit blocks: said in the coach's language, not as a field to fix.
  if (error.field === 'previous_training_plan_id' && error.code === 'plan_blocked') {
    return { label: t('delivery.previousPlanLabel'), text: t('delivery.previousPlanBlocked') };
  }
  // The validator's messages start with the field as written (`peso: …`, `parq.p3: …`); the label
  // replaces that prefix instead of repeating it.
  const written = error.field.replace(/^responses\./, '');
  const prefix = `${written}: `;
  const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const name = formFieldOf(error.field);
  if (name !== null && FORM_FIELD_NAMES.has(name)) {
    // A nested path (`dias_semana.0`) keeps its own prefix after the field's label.
    return { label: t(`questionnaire.fields.${name}`), text: written === name ? text : error.message };
  }
  return { label: error.field, text };
}
