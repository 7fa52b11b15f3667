import type { DomainErrorCode } from '@shared/domain-errors';
import type { FieldError } from '@shared/field-error';

/**
 * The one error the application layer throws on purpose, whichever door (HTTP or IPC) called it:
 * a stable code (`@shared/domain-errors`), a Spanish message the coach can act on (door-neutral: it
 * names no route nor screen), and the fields at fault.
 *
 * Field names are relative to the use case's input (`submission_id`, `previous_training_plan_id`,
 * `responses.peso`); each door places them in its own request (`body.`, `params.`, `args.`) and maps
 * the code through its one table: HTTP status in `api/errors.ts`, IPC reason in `electron/ipc/errors.ts`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field error of a use case, named relative to its input. */
export function fieldError(field: string, code: string, message: string): FieldError {
  return { field, code, message };
}

/**
 * Where a door puts a use case's field names: under one prefix (`body`, `args`), under a prefix
 * chosen per field (`user_id` → `params`), or as they are (`null`, for contracts that name fields
 * without a prefix, such as the original questionnaire API's `responses.peso`).
 */
export type FieldPlacement = string | null | ((field: string) => string | null);

export function placeFields(fields: readonly FieldError[], placement: FieldPlacement): FieldError[] {
  return fields.map((field) => {
    const prefix = typeof placement === 'function' ? placement(field.field) : placement;
    return prefix ? { ...field, field: `${prefix}.${field.field}` } : field;
  });
}
