import type { z } from 'zod';
import type { IpcEnvelope, IpcErrorPayload, IpcErrorReason, IpcFieldError } from '@shared/ipc-contract';
import { PlanDeliveryFailure } from '../../application/plan-delivery';

/** A failure a handler reports on purpose: it reaches the renderer as `{ok: false, error}`. */
export class IpcFailure extends Error {
  constructor(
    readonly reason: IpcErrorReason,
    message: string,
    readonly fields: IpcFieldError[] = [],
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

/** zod issues → one field error each, with a dotted path under `prefix` (e.g. `args.user_id`). */
export function fieldErrors(error: z.ZodError, prefix: string): IpcFieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    // An unknown key is reported at the object; name the key itself so the caller can find it.
    if (issue.code === 'unrecognized_keys') path.push(issue.keys.join(','));
    return { field: [prefix, ...path].join('.'), code: issue.code, message: issue.message };
  });
}

/** For `.catch()` on a delivery use case: its failures as IPC failures (same reasons as HTTP), fields under `args.`. */
export function asIpcFailure(error: unknown): never {
  if (error instanceof PlanDeliveryFailure) {
    const fields = error.fields.map((field) => ({ ...field, field: `args.${field.field}` }));
    throw new IpcFailure(error.reason, error.message, fields);
  }
  throw error;
}

export function validationFailure(error: z.ZodError, prefix: string): IpcFailure {
  const fields = fieldErrors(error, prefix);
  const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new IpcFailure('validation_error', `Datos no válidos — ${list}`, fields);
}

/**
 * Anything a handler throws becomes an envelope. Unexpected errors keep only a generic message for
 * the renderer (details go to the log), so internals such as connection strings never reach the UI.
 */
export function errorEnvelope(error: unknown): { ok: false; error: IpcErrorPayload } {
  if (error instanceof IpcFailure) {
    return {
      ok: false,
      error: {
        reason: error.reason,
        message: error.message,
        ...(error.fields.length > 0 ? { fields: error.fields } : {}),
      },
    };
  }
  return {
    ok: false,
    error: {
      reason: 'internal_error',
      message:
        'Error interno en el proceso principal; los detalles están en el registro (Ajustes → Registro).',
    },
  };
}

export function okEnvelope<T>(data: T): IpcEnvelope<T> {
  return { ok: true, data };
}
