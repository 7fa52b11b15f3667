import rateLimit from '@fastify/rate-limit';
import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import { DEFAULT_API_OPTIONS, type ApiDependencies } from './deps';
import { ApiError } from './errors';

/**
 * Public routes (no token) are rate-limited per client address so a runaway script or a hostile
 * page cannot flood the database; admin routes need the token and are not limited. The limiter
 * runs after the Host check, so refused requests do not consume anyone's budget.
 */
export async function registerRateLimit(app: FastifyInstance, windowMs: number): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'rate_limited',
        `Demasiadas peticiones: máximo ${context.max} cada ${Math.max(1, Math.round(windowMs / 1000))} s en las rutas públicas. ` +
          `Espera ${context.after} y espacia las consultas (p. ej. sondea GET /jobs/{id} cada 3 s o usa /jobs/{id}/events).`,
      ),
  });
}

/** Route config that applies the public limit (`{ config: publicRateLimit(deps) }`). */
export function publicRateLimit(deps: Pick<ApiDependencies, 'options'>): FastifyContextConfig {
  const { max, windowMs } = deps.options?.rateLimit ?? DEFAULT_API_OPTIONS.rateLimit;
  return { rateLimit: { max, timeWindow: windowMs } };
}
