import { join } from 'node:path';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { SETTINGS_FILE_NAME } from '../config/settings-store';
import { logsDir } from '../log/logger';
import { requireBearerToken } from './auth';
import { registerBodyParsers } from './body-parsers';
import { DEFAULT_API_OPTIONS, type ApiDependencies, type ApiOptions } from './deps';
import { BODY_LIMIT_BYTES, registerErrorHandling, sendFrameworkError } from './errors';
import { registerHostCheck } from './host-check';
import { registerRateLimit } from './rate-limit';
import { registerAdminJobRoutes } from './routes/admin-jobs-routes';
import { registerCatalogRoutes } from './routes/catalog-routes';
import { registerGenerateRoutes } from './routes/generate-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerJobRoutes } from './routes/jobs-routes';
import { registerPlanRoutes } from './routes/plans-routes';
import { registerQuestionnaireRoutes } from './routes/questionnaire-routes';
import { registerReadingRoutes } from './routes/reading-routes';
import { registerUserRoutes } from './routes/users-routes';
import { registerWorkerRoutes } from './routes/worker-routes';
import { SseStreams } from './sse';
import { registerWebApp } from './static-web';

export type { ApiDependencies, ApiOptions } from './deps';

/** Where the admin token lives, for messages and the CLI banner (never the token itself). */
export function tokenLocation(config: ApiDependencies['config']): string {
  return config.api.tokenSource === 'env'
    ? 'variable EDN_API_TOKEN'
    : `campo api_token de ${join(config.dataDir, SETTINGS_FILE_NAME)}`;
}

/**
 * The local HTTP API (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI") on Fastify: schema-first routes, mature plugins (rate limit,
 * CORS, static files) and low per-request overhead. Layers, outermost first: Host check (DNS
 * rebinding) → CORS (only if configured) → rate limit (public routes) → bearer token (/admin) →
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

  registerErrorHandling(app, logger, logsDir(deps.config.dataDir));
  registerHostCheck(app, {
    host: deps.config.api.host,
    port: deps.config.api.port,
    extraHosts: options.allowedHosts,
  });
  if (options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST', 'PATCH'],
      allowedHeaders: ['content-type', 'authorization'],
      credentials: false,
      maxAge: 600,
    });
  }
  await registerRateLimit(app, options.rateLimit.windowMs);

  const streams = new SseStreams();
  // Open SSE responses would keep close() waiting; end them first.
  app.addHook('preClose', async () => streams.endAll());

  const routeDeps: ApiDependencies = { ...deps, options };
  registerHealthRoutes(app, routeDeps);
  registerQuestionnaireRoutes(app, routeDeps);
  registerJobRoutes(app, routeDeps, streams);
  await app.register(
    async (admin) => {
      requireBearerToken(admin, () => deps.config.api.token, tokenLocation(deps.config));
      registerGenerateRoutes(admin, routeDeps);
      registerAdminJobRoutes(admin, routeDeps);
      registerUserRoutes(admin, routeDeps);
      registerPlanRoutes(admin, routeDeps);
      registerWorkerRoutes(admin, routeDeps);
      registerCatalogRoutes(admin, routeDeps);
      registerReadingRoutes(admin, routeDeps);
    },
    { prefix: '/admin' },
  );
  if (options.webRoot) await registerWebApp(app, options.webRoot, logger);
  return app;
}
