import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log/logger';

/**
 * `edn360 serve` also serves the renderer's web build at `/`, so the coach's screens work in a
 * browser (and Playwright tests them there). Unknown paths fall through to the JSON 404 handler.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webRoot: string,
  logger: Logger,
): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    logger.warn({ webRoot }, 'renderer web build not found; serving the API only (run `npm run build`)');
    return false;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: 'index.html',
    // No directory listings, no dotfiles.
    list: false,
    dotfiles: 'deny',
    setHeaders: (res) => {
      res.header('x-content-type-options', 'nosniff');
      res.header('x-frame-options', 'DENY');
      res.header('referrer-policy', 'no-referrer');
    },
  });
  return true;
}
