import type { IpcEnvelope, IpcErrorPayload, IpcErrorReason, IpcFieldError } from '@shared/ipc-contract';
import type { DomainErrorCode } from '@shared/domain-errors';
import { invalidInputMessage } from '@shared/zod-field-errors';
import { DomainError, placeFields, type FieldPlacement } from '../../application/domain-error';

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

/** The IPC door's one table: each application error code → its IPC reason (today the same word). */
export const IPC_REASON_OF: Record<DomainErrorCode, IpcErrorReason> = {
  validation_error: 'validation_error',
  user_not_found: 'user_not_found',
  user_exists: 'user_exists',
  submission_not_found: 'submission_not_found',
  plan_not_found: 'plan_not_found',
  plan_blocked: 'plan_blocked',
  plan_not_blocked: 'plan_not_blocked',
  plan_version_conflict: 'plan_version_conflict',
  plan_not_approved: 'plan_not_approved',
  job_not_found: 'job_not_found',
  job_not_cancellable: 'job_not_cancellable',
  job_not_retryable: 'job_not_retryable',
  client_has_active_jobs: 'client_has_active_jobs',
  database_has_active_jobs: 'database_has_active_jobs',
  backup_unreadable: 'backup_unreadable',
  restore_incomplete: 'restore_incomplete',
  backup_passphrase_required: 'backup_passphrase_required',
  backup_wrong_passphrase: 'backup_wrong_passphrase',
  backup_from_newer_version: 'backup_from_newer_version',
  move_target_invalid: 'move_target_invalid',
  no_worker: 'no_worker',
  internal_error: 'internal_error',
};

/** An application error as an IPC failure: reason from the table, fields under `args.` by default. */
export function ipcFailureOf(error: DomainError, placement: FieldPlacement = 'args'): IpcFailure {
  return new IpcFailure(IPC_REASON_OF[error.code], error.message, placeFields(error.fields, placement));
}

/**
 * For `.catch()` on a use case whose fields go elsewhere than `args.`; `dispatch` maps any uncaught
 * `DomainError` with the default placement, so most handlers just call the use case.
 */
export function asIpcFailure(error: unknown, placement: FieldPlacement = 'args'): never {
  if (error instanceof DomainError) throw ipcFailureOf(error, placement);
  throw error;
}

/**
 * Arguments that do not match the contract: the field errors come from the mapper both doors share
 * (`@shared/zod-field-errors`), each message already starting with its field (`args.id: …`).
 */
export function validationFailure(fields: IpcFieldError[]): IpcFailure {
  return new IpcFailure('validation_error', invalidInputMessage(fields), fields);
}

/**
 * Anything a handler throws becomes an envelope. Unexpected errors keep only a generic message for
 * the renderer (details go to the log), so internals such as connection strings never reach the UI.
 */
export function errorEnvelope(error: unknown): { ok: false; error: IpcErrorPayload } {
  if (error instanceof DomainError) return errorEnvelope(ipcFailureOf(error));
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
