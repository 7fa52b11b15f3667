import { z } from 'zod';
import { OVERRIDE_COACH_MAX, OVERRIDE_REASON_MAX, OVERRIDE_REASON_MIN } from '@shared/plan-delivery';
import { withoutFieldPrefix, type ServerFieldError } from '../clients/client-form';

/*
 * "Aprobar pese al bloqueo": the coach's written reason (and, optionally, name). The limits are the
 * server's (`OverrideReasonSchema`, shared constants); the messages are i18n keys so the coach reads
 * them in the UI language, and the server's field errors go back on the fields they name.
 */

export const OVERRIDE_FORM_MESSAGES = {
  reasonTooShort: 'delivery.form.reasonTooShort',
  reasonTooLong: 'delivery.form.reasonTooLong',
  coachTooLong: 'delivery.form.coachTooLong',
} as const;

const MESSAGE_KEYS = new Set<string>(Object.values(OVERRIDE_FORM_MESSAGES));

export function isOverrideMessageKey(message: string): boolean {
  return MESSAGE_KEYS.has(message);
}

/** Values for the form's message keys (`{{min}}`, `{{max}}`). */
export const OVERRIDE_MESSAGE_VALUES = { min: OVERRIDE_REASON_MIN, max: OVERRIDE_REASON_MAX };

export const OverrideFormSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(OVERRIDE_REASON_MIN, OVERRIDE_FORM_MESSAGES.reasonTooShort)
    .max(OVERRIDE_REASON_MAX, OVERRIDE_FORM_MESSAGES.reasonTooLong),
  coach: z.string().trim().max(OVERRIDE_COACH_MAX, OVERRIDE_FORM_MESSAGES.coachTooLong),
});
export type OverrideForm = z.infer<typeof OverrideFormSchema>;

export interface OverrideFormErrors {
  fields: Partial<Record<keyof OverrideForm, string>>;
  other: string[];
}

/**
 * Server field errors (`body.reason`, `args.coach`, and the approval's `override_reason`…) on the
 * form's fields.
 */
export function overrideFormErrors(errors: readonly ServerFieldError[]): OverrideFormErrors {
  const result: OverrideFormErrors = { fields: {}, other: [] };
  for (const error of errors) {
    const name = error.field.split('.').pop();
    const last = name === 'override_reason' ? 'reason' : name;
    const text = withoutFieldPrefix(error.message, error.field);
    if (last === 'reason' || last === 'coach') result.fields[last] ??= text;
    else result.other.push(text);
  }
  return result;
}
