import type { FastifyInstance } from 'fastify';
import { unsupportedMediaType } from './errors';

/**
 * Request bodies: JSON only, and an empty body is "no body" whatever its Content-Type.
 *
 * The original FastAPI system ignored the body of its action routes (cancel, retry, restart), so its
 * clients send `Content-Type: application/json` with nothing after it, or `curl -d ''` (form type,
 * zero bytes). Both arrive here as `undefined`: action routes accept them, and routes that need a
 * body refuse them in their zod validation with a 400 naming `body`. A non-empty body must be valid
 * JSON (prototype-poisoning keys refused); any other non-empty content type is a 415 — no text or
 * form body ever reaches a handler (a cross-site form post needs no CORS preflight).
 */
export function registerBodyParsers(app: FastifyInstance): void {
  // `Content-Type:` sent with no value says nothing: read the request as if it had none (an empty
  // body is then no body; a non-empty one still needs a JSON type and gets its 415).
  app.addHook('onRequest', async (request) => {
    if (request.headers['content-type']?.trim() === '') delete request.headers['content-type'];
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, String(body), done);
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) done(null, undefined);
    else done(unsupportedMediaType(), undefined);
  });
}
