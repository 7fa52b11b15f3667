import type { ApiOptions } from './deps';

export type Env = Readonly<Record<string, string | undefined>>;

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function isExactOrigin(origin: string): boolean {
  try {
    const parsed = new URL(origin);
    return /^https?:$/.test(parsed.protocol) && parsed.origin === origin.replace(/\/$/, '');
  } catch {
    return false;
  }
}

export class ApiEnvError extends Error {
  readonly reason = 'invalid_config';
}

/**
 * API settings that only matter to the HTTP server, read from the environment:
 * `EDN_API_CORS_ORIGINS` (comma list of origins such as `http://localhost:5173`; unset = CORS
 * closed) and `EDN_API_ALLOWED_HOSTS` (comma list of names the server is reached by, for a clinic
 * server bound to a LAN address).
 */
export function apiOptionsFromEnv(env: Env): Partial<ApiOptions> {
  const corsOrigins = commaList(env['EDN_API_CORS_ORIGINS']);
  for (const origin of corsOrigins) {
    // A wildcard would reopen what the Host check and closed CORS protect; require exact origins.
    if (!isExactOrigin(origin)) {
      throw new ApiEnvError(
        `Variable EDN_API_CORS_ORIGINS no válida: «${origin}» no es un origen exacto (esquema://host[:puerto], sin ruta ni comodines), p. ej. http://localhost:5173.`,
      );
    }
  }
  return {
    corsOrigins: corsOrigins.map((origin) => origin.replace(/\/$/, '')),
    allowedHosts: commaList(env['EDN_API_ALLOWED_HOSTS']),
  };
}
