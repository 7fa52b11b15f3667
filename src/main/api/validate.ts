import { z, type ZodType } from 'zod';
import type { ApiFieldError } from '@shared/api';
import { ApiError } from './errors';

export type InputPart = 'body' | 'query' | 'params';

const PART_LABEL: Record<InputPart, string> = {
  body: 'el cuerpo',
  query: 'los parámetros de la URL (query)',
  params: 'la ruta',
};

// Per-parse Spanish messages: the global zod config is left alone because other parts of the core
// (the questionnaire validator) translate zod issues themselves.
const spanish = z.locales.es().localeError;

function allowedKeys(schema: ZodType): string[] {
  let inner: ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as ZodType;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function fieldPath(part: InputPart, path: readonly PropertyKey[]): string {
  return [part, ...path.map(String)].join('.');
}

/** zod issues → one field error per bad or unknown field, each naming the field. */
export function toFieldErrors(
  part: InputPart,
  schema: ZodType,
  issues: readonly z.core.$ZodIssue[],
): ApiFieldError[] {
  const errors: ApiFieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = issue.path.length === 0 ? allowedKeys(schema) : [];
      const hint =
        allowed.length > 0 ? ` Campos admitidos: ${allowed.join(', ')}.` : ' Quítalo de la petición.';
      for (const key of issue.keys) {
        const field = fieldPath(part, [...issue.path, key]);
        errors.push({ field, code: 'unknown_field', message: `${field}: campo no admitido.${hint}` });
      }
      continue;
    }
    const field = fieldPath(part, issue.path);
    errors.push({ field, code: issue.code, message: `${field}: ${issue.message}` });
  }
  return errors;
}

/** A route that needs a body got none (no bytes, whatever the Content-Type): name the fields it needs. */
function missingBody(schema: ZodType): ApiError {
  let inner: ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as ZodType;
  const shape: Record<string, ZodType> = inner instanceof z.ZodObject ? inner.shape : {};
  const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
  const fields =
    required.length > 0
      ? ` con los campos obligatorios ${required.join(', ')}`
      : Object.keys(shape).length > 0
        ? ` (campos admitidos: ${Object.keys(shape).join(', ')})`
        : '';
  const message = `body: falta el cuerpo de la petición; envía un objeto JSON${fields}.`;
  return new ApiError(400, 'invalid_request', `Petición no válida en el cuerpo: ${message}`, [
    { field: 'body', code: 'invalid_type', message },
  ]);
}

/**
 * Every input (path, query, body) goes through a zod schema before a handler uses it; a mismatch
 * is a 400 naming each offending field.
 */
export function parseInput<T extends ZodType>(schema: T, value: unknown, part: InputPart): z.output<T> {
  const result = schema.safeParse(value, { error: spanish });
  if (result.success) return result.data;
  if (part === 'body' && value === undefined) throw missingBody(schema);
  const errors = toFieldErrors(part, schema, result.error.issues);
  const summary = errors.map((error) => error.message).join('; ');
  throw new ApiError(400, 'invalid_request', `Petición no válida en ${PART_LABEL[part]}: ${summary}`, errors);
}
