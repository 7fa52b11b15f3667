import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { JobFailure, LlmUnavailableError } from './job-errors';

/**
 * Maps what the `openai` SDK throws to the job's error reasons: an endpoint that cannot be reached
 * at all means "offline" (wait, spend nothing); rate limits, 5xx and timeouts are transient; a
 * rejected key or a bad request is not worth retrying. Aborts pass through untouched.
 */
export function classifyLlmError(error: unknown): unknown {
  if (error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new JobFailure('llm_error', 'El servicio de IA no respondió a tiempo', true, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new LlmUnavailableError('No se puede conectar con el servicio de IA', { cause: error });
  }
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 429)
      return new JobFailure('llm_error', 'El servicio de IA limita las peticiones (429)', true, {
        cause: error,
      });
    if (status >= 500)
      return new JobFailure('llm_error', `El servicio de IA falló (${status})`, true, { cause: error });
    if (status === 401 || status === 403) {
      return new JobFailure(
        'llm_error',
        'El servicio de IA rechazó la clave API: revísala en Ajustes',
        false,
        { cause: error },
      );
    }
    return new JobFailure(
      'llm_error',
      `El servicio de IA rechazó la petición (${status}): ${error.message}`,
      false,
      { cause: error },
    );
  }
  return error;
}
