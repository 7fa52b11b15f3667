import type { z, ZodType } from 'zod';
import { objectShape, parseFields } from '@shared/zod-field-errors';
import { ApiError } from './errors';

export type InputPart = 'body' | 'query' | 'params';

const PART_LABEL: Record<InputPart, string> = {
  body: 'el cuerpo',
  query: 'los parámetros de la URL (query)',
  params: 'la ruta',
};

/** A route that needs a body got none (no bytes, whatever the Content-Type): name the fields it needs. */
function missingBody(schema: ZodType): ApiError {
  const shape = objectShape(schema) ?? {};
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
 * is a 400 naming each offending field. The field errors come from the mapper both doors share
 * (`@shared/zod-field-errors`), so a bad input is named the same over HTTP and IPC.
 */
export function parseInput<T extends ZodType>(schema: T, value: unknown, part: InputPart): z.output<T> {
  const result = parseFields(schema, value, part);
  if (result.success) return result.data;
  if (part === 'body' && value === undefined) throw missingBody(schema);
  const { errors } = result;
  const summary = errors.map((error) => error.message).join('; ');
  throw new ApiError(400, 'invalid_request', `Petición no válida en ${PART_LABEL[part]}: ${summary}`, errors);
}
