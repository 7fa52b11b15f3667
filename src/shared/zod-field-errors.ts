import { z, type ZodType } from 'zod';
import type { FieldError } from './field-error';

/*
 * The one zod → field-error mapper, for both doors onto the application layer (HTTP routes parse
 * `body`, `params` and `query`; IPC handlers parse `args`). Each issue becomes one field error:
 *
 * - `field` is the issue's path under the door's prefix, array indexes included
 *   (`body.comidas.1.hora`, `args.user_id`);
 * - `code` is zod's issue code (`invalid_type`, `too_small`, `invalid_value`…), except for unknown
 *   keys, below;
 * - `message` is Spanish and starts with the field: zod's Spanish locale unless the schema gives
 *   its own message (e.g. "escribe al menos 20 caracteres").
 *
 * Unknown keys (strict schemas) are treated alike by both doors: ONE field error PER KEY, named by
 * the key itself (`body.extra`, `args.comidas.0.extra`), code `unknown_field`, message "campo no
 * admitido" plus, at the top level, the keys the schema accepts. Before, HTTP already did this and
 * IPC reported zod's `unrecognized_keys` at the object with the keys joined by commas (`args.a,b`),
 * which no form can highlight. The code stays `unknown_field` rather than a new word because the
 * HTTP API has answered with it since its first version (its integration tests and the renderer's
 * error handling rely on it); the IPC door had no test on the code.
 */

/** Where a door's input comes from; the first segment of every field it reports. */
export type InputPrefix = 'body' | 'query' | 'params' | 'args';

/** The code of an unknown key, whichever door. */
export const UNKNOWN_FIELD_CODE = 'unknown_field';

/**
 * Spanish zod messages, passed per parse (`schema.safeParse(value, { error: SPANISH_ZOD_ERRORS })`):
 * the global zod config is left alone because the questionnaire validator translates issues itself.
 */
export const SPANISH_ZOD_ERRORS = z.locales.es().localeError;

/** The object schema under optional / nullable / default wrappers, or null. */
export function objectShape(schema: ZodType): Record<string, ZodType> | null {
  let inner: ZodType = schema;
  for (;;) {
    if (
      inner instanceof z.ZodOptional ||
      inner instanceof z.ZodNullable ||
      inner instanceof z.ZodDefault ||
      inner instanceof z.ZodPrefault
    )
      inner = inner.unwrap() as ZodType;
    else break;
  }
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, ZodType>) : null;
}

function fieldPath(prefix: InputPrefix, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].join('.');
}

/**
 * zod issues → one field error per bad or unknown field, each named under `prefix`. Give `schema`
 * to list the accepted keys next to an unknown top-level key.
 */
export function zodFieldErrors(
  prefix: InputPrefix,
  issues: readonly z.core.$ZodIssue[],
  schema?: ZodType,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = issue.path.length === 0 && schema ? Object.keys(objectShape(schema) ?? {}) : [];
      const hint =
        allowed.length > 0 ? ` Campos admitidos: ${allowed.join(', ')}.` : ' Quítalo de la petición.';
      for (const key of issue.keys) {
        const field = fieldPath(prefix, [...issue.path, key]);
        errors.push({ field, code: UNKNOWN_FIELD_CODE, message: `${field}: campo no admitido.${hint}` });
      }
      continue;
    }
    const field = fieldPath(prefix, issue.path);
    errors.push({ field, code: issue.code, message: `${field}: ${issue.message}` });
  }
  return errors;
}

export type InputParse<T> = { success: true; data: T } | { success: false; errors: FieldError[] };

/** Parses one input with Spanish messages; on failure, its field errors under `prefix`. */
export function parseFields<T extends ZodType>(
  schema: T,
  value: unknown,
  prefix: InputPrefix,
): InputParse<z.output<T>> {
  const result = schema.safeParse(value, { error: SPANISH_ZOD_ERRORS });
  if (result.success) return { success: true, data: result.data };
  return { success: false, errors: zodFieldErrors(prefix, result.error.issues, schema) };
}

/**
 * The one message for input its schema refuses, whichever door: "Datos no válidos — " and each
 * field's message (each already starts with its field, `body.type: …` or `args.type: …`).
 */
export function invalidInputMessage(errors: readonly FieldError[]): string {
  return `Datos no válidos — ${errors.map((error) => error.message).join('; ')}`;
}
