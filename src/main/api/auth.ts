import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Constant-time token check. Hashing first gives both sides the same length, so neither the
 * comparison time nor an early length mismatch reveals anything about the stored token.
 */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * `Authorization: Bearer <token>` on every route of the encapsulated context it is registered in
 * (the /admin routes). `tokenHint` tells a person where to find the token, never the token itself.
 * `token` is read at every request, so a token regenerated in Ajustes applies at once.
 */
export function requireBearerToken(app: FastifyInstance, token: () => string, tokenHint: string): void {
  const challenge = { 'www-authenticate': 'Bearer realm="edn360-admin"' };
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) {
      throw new ApiError(
        401,
        'unauthorized',
        `Falta la cabecera Authorization: Bearer <token>. Las rutas /admin necesitan el token de administración (${tokenHint}).`,
        undefined,
        challenge,
      );
    }
    const presented = bearerToken(header);
    if (!presented || !tokenMatches(presented, token())) {
      throw new ApiError(
        401,
        'unauthorized',
        `Token de administración incorrecto. Usa el valor actual (${tokenHint}) con el formato Authorization: Bearer <token>.`,
        undefined,
        challenge,
      );
    }
  });
}
