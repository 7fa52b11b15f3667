import { z } from 'zod';

/**
 * One problem with one field, the same shape everywhere a field can be wrong: HTTP error responses
 * (`errors`), IPC errors (`fields`), questionnaire checks, and a failed job's `error_fields`.
 * `message` is for a person; `field` and `code` are for code (labels, highlighting).
 */
export const FieldErrorSchema = z.object({
  /**
   * Dotted path, e.g. `responses.peso`, `body.type`, `query.limit`; for a job that failed its
   * screening, the check id (`SCR-03`).
   */
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;
