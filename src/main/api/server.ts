import { join } from 'node:path';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { SETTINGS_FILE_NAME } from '../config/settings-store';
import { publicTokenCheck, requireBearerToken } from './auth';
import { registerBodyParsers } from './body-parsers';
import { DEFAULT_API_OPTIONS, type ApiDependencies, type ApiOptions } from './deps';
import { BODY_LIMIT_BYTES, registerErrorHandling, sendFrameworkError } from './errors';
import { registerHostCheck } from './host-check';
import { registerRateLimit, publicRateLimit } from './rate-limit';
import { ADMIN_PREFIX, registerRouteTable, type RouteHandlers } from './route-table';
import { adminJobHandlers } from './routes/admin-jobs-routes';
import { backupHandlers, registerUploadParser } from './routes/backup-routes';
import { catalogHandlers } from './routes/catalog-routes';
import { clientPdfHandlers } from './routes/client-pdf-routes';
import { generateHandlers } from './routes/generate-routes';
import { healthHandlers } from './routes/health-routes';
import { jobHandlers } from './routes/jobs-routes';
import { planHandlers } from './routes/plans-routes';
import { planVersionHandlers } from './routes/plan-versions-routes';
import { questionnaireHandlers } from './routes/questionnaire-routes';
import { readingHandlers } from './routes/reading-routes';
import { userHandlers } from './routes/users-routes';
import { workerHandlers } from './routes/worker-routes';
import { SseStreams } from './sse';
import { registerWebApp } from './static-web';

export type { ApiDependencies, ApiOptions } from './deps';

/** Where the admin token lives, for the CLI banner on this machine (never the token itself). */
export function tokenLocation(config: ApiDependencies['config']): string {
  return config.api.tokenSource === 'env'
    ? 'variable EDN_API_TOKEN'
    : `campo api_token de ${join(config.dataDir, SETTINGS_FILE_NAME)}`;
}

/** Where the admin token lives, for 401 answers: no file path (a caller may be anyone). */
export function tokenHint(config: ApiDependencies['config']): string {
  return config.api.tokenSource === 'env'
    ? 'variable EDN_API_TOKEN del servidor'
    : `campo api_token de ${SETTINGS_FILE_NAME}, en la carpeta de datos del servidor`;
}

/**
 * The local HTTP API (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI") on Fastify: schema-first routes, mature plugins (rate limit,
 * CORS, static files) and low per-request overhead. Layers, outermost first: Host check (DNS
 * rebinding) → CORS (only if configured) → rate limit (public routes) → bearer token (required on
 * /admin; optional on public routes, where it unlocks the full view and a wrong one is a 401) →
 * zod validation in each handler → one JSON error shape for every failure.
 */
export async function createApiServer(deps: ApiDependencies): Promise<FastifyInstance> {
  const options: ApiOptions = { ...DEFAULT_API_OPTIONS, ...deps.options };
  const logger = deps.logger.child({ component: 'api' });
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keys that would poison prototypes are refused outright rather than silently dropped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Router errors (bad `%` escapes, over-long parameters) in the API's JSON error shape too.
    frameworkErrors: (error, _request, reply) => sendFrameworkError(reply, error),
    // Ids are checked by each route's schema (≤ 128 characters, with a message naming the field);
    // the router's default limit of 100 would refuse valid 101–128-character ids with a bare 414.
    routerOptions: { maxParamLength: 1_000 },
    // No per-request log lines: a client polling every 3 s would flood the log. Errors are logged.
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Only JSON bodies (no text or form body reaches a handler); an empty body is no body, whatever
  // its Content-Type, as the original FastAPI's action routes accepted it.
  registerBodyParsers(app);
  // A restore's backup file: streamed to a temporary file, on its routes only.
  registerUploadParser(app);

  registerErrorHandling(app, logger);
  registerHostCheck(app, {
    host: deps.config.api.host,
    port: deps.config.api.port,
    extraHosts: options.allowedHosts,
  });
  if (options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST', 'PATCH'],
      allowedHeaders: ['content-type', 'authorization', 'accept', 'x-backup-passphrase'],
      // A backup download's name and size, for a browser on another allowed origin.
      exposedHeaders: ['content-disposition', 'x-backup-documents'],
      credentials: false,
      maxAge: 600,
    });
  }
  await registerRateLimit(app, options.rateLimit.windowMs);

  const streams = new SseStreams({ perClient: options.sseMaxPerClient, total: options.sseMaxTotal });
  // Open SSE responses would keep close() waiting; end them first.
  app.addHook('preClose', async () => streams.endAll());

  const routeDeps: ApiDependencies = { ...deps, options };
  // Every route of the HTTP contract (@shared/http-routes), each with its handler.
  const handlers: RouteHandlers = {
    ...healthHandlers(routeDeps),
    ...questionnaireHandlers(routeDeps),
    ...jobHandlers(routeDeps, streams),
    ...generateHandlers(routeDeps),
    ...adminJobHandlers(routeDeps),
    ...userHandlers(routeDeps),
    ...planHandlers(routeDeps),
    ...planVersionHandlers(routeDeps),
    ...workerHandlers(routeDeps),
    ...catalogHandlers(),
    ...readingHandlers(routeDeps),
    ...clientPdfHandlers(routeDeps),
    ...backupHandlers(routeDeps),
  };
  const token = (): string => deps.config.api.token;
  const hint = tokenHint(deps.config);
  const tableOptions = {
    publicConfig: publicRateLimit(routeDeps),
    publicOnRequest: publicTokenCheck(token, hint),
    checkResponses: options.checkResponses,
  };
  registerRouteTable(app, 'public', handlers, tableOptions);
  await app.register(
    async (admin) => {
      requireBearerToken(admin, token, hint);
      registerRouteTable(admin, 'admin', handlers, tableOptions);
    },
    { prefix: ADMIN_PREFIX },
  );
  if (options.webRoot) await registerWebApp(app, options.webRoot, logger);
  return app;
}
