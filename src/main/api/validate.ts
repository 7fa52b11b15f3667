import type { z, ZodType } from 'zod';
import { invalidInputMessage, objectShape, parseFields } from '@shared/zod-field-errors';
import { ApiError } from './errors';

export type InputPart = 'body' | 'query' | 'params';

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
  const errors = [
    {
      field: 'body',
      code: 'invalid_type',
      message: `body: falta el cuerpo de la petición; envía un objeto JSON${fields}.`,
    },
  ];
  return new ApiError(400, 'validation_error', invalidInputMessage(errors), errors);
}

/**
 * Every input (path, query, body) goes through a zod schema before a handler uses it; a mismatch
 * is a 400 `validation_error` naming each offending field. The field errors and the message come
 * from the mapper both doors share (`@shared/zod-field-errors`), so a bad input gets the same code,
 * fields and message over HTTP and IPC (only the fields' prefix names the door's input).
 */
export function parseInput<T extends ZodType>(schema: T, value: unknown, part: InputPart): z.output<T> {
  const result = parseFields(schema, value, part);
  if (result.success) return result.data;
  if (part === 'body' && value === undefined) throw missingBody(schema);
  throw new ApiError(400, 'validation_error', invalidInputMessage(result.errors), result.errors);
}
