import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
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

const CHALLENGE = { 'www-authenticate': 'Bearer realm="edn360-admin"' };

function wrongToken(tokenHint: string): ApiError {
  return new ApiError(
    401,
    'unauthorized',
    `Token de administración incorrecto. Usa el valor actual (${tokenHint}) con el formato Authorization: Bearer <token>.`,
    undefined,
    CHALLENGE,
  );
}

/**
 * `Authorization: Bearer <token>` on every route of the encapsulated context it is registered in
 * (the /admin routes). `tokenHint` tells a person where to find the token, never the token itself
 * nor a file path (401 answers reveal no paths). `token` is read at every request, so a token
 * regenerated in Ajustes applies at once.
 */
export function requireBearerToken(app: FastifyInstance, token: () => string, tokenHint: string): void {
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) {
      throw new ApiError(
        401,
        'unauthorized',
        `Falta la cabecera Authorization: Bearer <token>. Las rutas /admin necesitan el token de administración (${tokenHint}).`,
        undefined,
        CHALLENGE,
      );
    }
    const presented = bearerToken(header);
    if (!presented || !tokenMatches(presented, token())) throw wrongToken(tokenHint);
  });
}

/** Public requests that carried the right admin token (set by `publicTokenCheck`). */
const withAdminToken = new WeakSet<FastifyRequest>();

/**
 * On a public route the token is optional: none (or another auth scheme) = the public view; the
 * right one unlocks the full view (`hasAdminToken`); a wrong or malformed bearer token is refused
 * (401) rather than silently answered with less, so a client with a stale token finds out.
 */
export function publicTokenCheck(token: () => string, tokenHint: string): onRequestAsyncHookHandler {
  return async (request) => {
    const header = request.headers.authorization;
    // Another scheme (e.g. Basic credentials of a proxy in front) is not an attempt at our token.
    if (header === undefined || !/^Bearer(\s|$)/i.test(header)) return;
    const presented = bearerToken(header);
    if (!presented || !tokenMatches(presented, token())) throw wrongToken(tokenHint);
    withAdminToken.add(request);
  };
}

/** True when this request to a public route carried the right admin token. */
export function hasAdminToken(request: FastifyRequest): boolean {
  return withAdminToken.has(request);
}
