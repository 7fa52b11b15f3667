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

/**
 * API settings that only matter to the HTTP server, read from the environment through the settings
 * descriptor: `EDN_API_CORS_ORIGINS` (comma list of exact origins such as `http://localhost:5173`;
 * unset = CORS closed) and `EDN_API_ALLOWED_HOSTS` (comma list of names the server is reached by, for
 * a clinic server bound to a LAN address).
 */
export function apiOptionsFromEnv(env: Env): Partial<ApiOptions> {
  return {
    corsOrigins: envList('api_cors_origins', env),
    allowedHosts: envList('api_allowed_hosts', env),
  };
}
