import { readEnvSetting, SETTINGS } from '@shared/settings-descriptor';
import type { ApiOptions } from './deps';

export type Env = Readonly<Record<string, string | undefined>>;

export class ApiEnvError extends Error {
  readonly reason = 'invalid_config';
}

/** A list setting of the descriptor as the environment gives it (its `fromEnv` parses and checks it). */
function envList(id: 'api_cors_origins' | 'api_allowed_hosts', env: Env): string[] {
  const read = readEnvSetting(id, env);
  if (read && !read.ok) throw new ApiEnvError(read.message);
  return read?.value ?? SETTINGS[id].default;
}

/** `EDN_PUBLIC_SUBMIT`: `1`/`true` opens the public questionnaire route off loopback; unset/`0`/`false` keeps it closed. */
function envPublicSubmit(env: Env): boolean {
  const raw = env['EDN_PUBLIC_SUBMIT']?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ApiEnvError(
    `EDN_PUBLIC_SUBMIT debe ser 1 (aceptar cuestionarios sin token con la API abierta a la red) o 0; recibido «${raw.slice(0, 40)}».`,
  );
}

/**
 * API settings that only matter to the HTTP server, read from the environment through the settings
 * descriptor: `EDN_API_CORS_ORIGINS` (comma list of exact origins such as `http://localhost:5173`;
 * unset = CORS closed) and `EDN_API_ALLOWED_HOSTS` (comma list of names the server is reached by, for
 * a clinic server bound to a LAN address); and `EDN_PUBLIC_SUBMIT` (accept questionnaires without
 * the token while bound to a network address).
 */
export function apiOptionsFromEnv(env: Env): Partial<ApiOptions> {
  return {
    corsOrigins: envList('api_cors_origins', env),
    allowedHosts: envList('api_allowed_hosts', env),
    publicSubmit: envPublicSubmit(env),
  };
}
