import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiErrorCode, ApiErrorResponse, ApiFieldError } from '@shared/api';
import type { DomainErrorCode } from '@shared/domain-errors';
import { DomainError, placeFields, type FieldPlacement } from '../application/domain-error';
import type { Logger } from '../log/logger';

/**
 * An error the API answers on purpose: HTTP status, a stable machine code and a Spanish message that
 * says what to do. Route handlers throw these; the error handler turns them into the one JSON shape
 * every client sees (`{success: false, error, message, errors?}`).
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors?: ApiFieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorResponse {
    return {
      success: false,
      error: this.code,
      message: this.message,
      ...(this.fieldErrors ? { errors: this.fieldErrors } : {}),
    };
  }
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The HTTP door's one table: each application error code → its HTTP status. */
export const HTTP_STATUS_OF: Record<DomainErrorCode, number> = {
  validation_error: 400,
  user_not_found: 404,
  user_exists: 409,
  submission_not_found: 404,
  plan_not_found: 404,
  plan_blocked: 409,
  plan_not_blocked: 409,
  plan_version_conflict: 409,
  plan_not_approved: 409,
  job_not_found: 404,
  job_not_cancellable: 409,
  client_has_active_jobs: 409,
  database_has_active_jobs: 409,
  backup_unreadable: 422,
  restore_incomplete: 500,
  backup_passphrase_required: 401,
  backup_wrong_passphrase: 401,
  backup_from_newer_version: 422,
  move_target_invalid: 422,
  job_not_retryable: 409,
  no_worker: 409,
  internal_error: 500,
};

/**
 * An application error in the API's shape: the status from the table, the same code and message,
 * and field names placed in the request (`body.` unless the route says otherwise, e.g. `params.`
 * for a path id, or as they are where the original API named them without a prefix).
 */
export function apiErrorOf(error: DomainError, placement: FieldPlacement = 'body'): ApiError {
  const fields = placeFields(error.fields, placement);
  return new ApiError(
    HTTP_STATUS_OF[error.code],
    error.code,
    error.message,
    fields.length > 0 ? fields : undefined,
  );
}

/**
 * For `.catch()` on a use case: its `DomainError`s as ApiErrors, anything else rethrown. The error
 * handler maps uncaught ones with the default placement (`body.`), so a route needs this only to
 * place fields elsewhere.
 */
export function asApiError(error: unknown, placement: FieldPlacement = 'body'): never {
  if (error instanceof DomainError) throw apiErrorOf(error, placement);
  throw error;
}

/** `asApiError` with a placement, for `.catch(apiErrorAt(...))`. */
export function apiErrorAt(placement: FieldPlacement): (error: unknown) => never {
  return (error) => asApiError(error, placement);
}

export function unsupportedMediaType(): ApiError {
  return new ApiError(
    415,
    'unsupported_media_type',
    'Tipo de contenido no admitido: envía el cuerpo como JSON con la cabecera Content-Type: application/json.',
  );
}

/** Fastify's own request errors (body parsing, limits) in our shape and language. */
function fromFastifyError(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(
        400,
        'invalid_json',
        'El cuerpo de la petición no es JSON válido: revisa comillas, comas y llaves, y que sea un objeto JSON.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'payload_too_large',
        `El cuerpo de la petición supera el límite de ${BODY_LIMIT_BYTES / 1024 / 1024} MB. Envía solo los datos necesarios (un cuestionario ocupa unos pocos KB).`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return unsupportedMediaType();
    case 'FST_ERR_BAD_URL':
      return new ApiError(
        400,
        'invalid_request',
        'La dirección contiene una secuencia % no válida: codifica cada identificador (p. ej. con encodeURIComponent).',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError(
        414,
        'invalid_request',
        'Un identificador de la dirección es demasiado largo: los identificadores tienen como máximo 128 caracteres.',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(
        400,
        'invalid_request',
        'La cabecera Content-Length no coincide con el cuerpo enviado: revisa el cliente HTTP.',
      );
    default:
      break;
  }
  // secure-json-parse rejects `__proto__`/`constructor` keys (prototype poisoning) with a bare 400.
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return new ApiError(
      400,
      'invalid_json',
      'El cuerpo de la petición no es JSON válido o contiene claves prohibidas (__proto__, constructor).',
    );
  }
  return null;
}

function send(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.toBody());
}

/**
 * Errors the router raises before any route or hook runs (a malformed `%` escape, an over-long path
 * parameter) never reach the error handler: Fastify's `frameworkErrors` sends them here, so they
 * too arrive in the one JSON shape.
 */
export function sendFrameworkError(reply: FastifyReply, error: FastifyError): void {
  void send(
    reply,
    fromFastifyError(error) ??
      new ApiError(error.statusCode ?? 400, 'invalid_request', `Petición no válida: ${error.message}`),
  );
}

/**
 * One error shape for everything: our ApiErrors, Fastify's parsing errors, unknown routes, and
 * anything unexpected (logged with its stack; the client gets a message without internals — no
 * error text, stack or file path: the log holds those).
 */
export function registerErrorHandling(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError | ApiError | DomainError, request, reply) => {
    if (error instanceof ApiError) return send(reply, error);
    if (error instanceof DomainError) return send(reply, apiErrorOf(error));
    const known = fromFastifyError(error);
    if (known) return send(reply, known);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // A client error Fastify raised that we have no specific message for: say what it said.
      return send(reply, new ApiError(status, 'invalid_request', `Petición no válida: ${error.message}`));
    }
    logger.error({ err: error, url: request.url, method: request.method }, 'unhandled API error');
    return send(
      reply,
      new ApiError(
        500,
        'internal_error',
        'Error interno del servidor. Vuelve a intentarlo; si se repite, revisa el log del servidor (carpeta logs de su carpeta de datos).',
      ),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      new ApiError(
        404,
        'not_found',
        `No existe la ruta ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}. Revisa el método y la dirección en la documentación de la API (README).`,
      ),
    ),
  );
}
