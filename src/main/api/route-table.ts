import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  RouteShorthandOptions,
} from 'fastify';
import { ApiErrorResponseSchema } from '@shared/api';
import {
  ACCESS_ERRORS,
  BODY_ERRORS,
  COMMON_ERRORS,
  HTTP_ROUTES,
  type HttpRouteName,
  type HttpRouteSpec,
  type HttpRoutes,
  type RouteInput,
  type RouteResponse,
} from '@shared/http-routes';
import { parseInput } from './validate';

/**
 * A route's handler: the parsed input in, the success answer out (its documents as they are; Fastify
 * writes their Dates as the ISO text the table describes). A stream route answers on the reply
 * itself and returns it. The status is the route's first success status unless the handler sets
 * another one (`reply.code(202)`).
 */
export type RouteHandler<K extends HttpRouteName> = (
  input: RouteInput<K>,
  http: { request: FastifyRequest; reply: FastifyReply },
) => Promise<
  HttpRoutes[K] extends { stream: 'sse' }
    ? FastifyReply
    : HttpRoutes[K] extends { progress: 'ndjson' } | { binary: 'application/octet-stream' }
      ? RouteResponse<K> | FastifyReply
      : RouteResponse<K>
>;

/** One handler per route of the table: a route without one, or one the table lacks, does not compile. */
export type RouteHandlers = { [K in HttpRouteName]: RouteHandler<K> };

export interface RouteTableOptions {
  /** Route config for public routes (their rate limit). */
  publicConfig: RouteShorthandOptions['config'];
  /** The optional admin token of public routes (`publicTokenCheck`): a wrong one is a 401. */
  publicOnRequest: onRequestAsyncHookHandler;
  /**
   * Check every answer against the table before it leaves (tests): a success body that does not
   * parse with the route's response schema, or an error code the route does not declare, becomes a
   * 500 naming the mismatch.
   */
  checkResponses: boolean;
}

export const ADMIN_PREFIX = '/admin';

/** The largest file an upload route takes (a restore's backup): it streams to disk, not memory. */
export const UPLOAD_BODY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024;

/** The full paths of the routes whose body is a file (`upload`), for the body parser. */
export const UPLOAD_ROUTE_PATHS: ReadonlySet<string> = new Set(
  Object.values(HTTP_ROUTES as Record<string, HttpRouteSpec>)
    .filter((route) => route.upload !== undefined)
    .map((route) => route.path),
);

function allowedErrors(route: HttpRouteSpec): Set<string> {
  return new Set([
    ...COMMON_ERRORS,
    ...ACCESS_ERRORS[route.access],
    ...(route.body ? BODY_ERRORS : []),
    ...route.errors,
  ]);
}

/** The first way an answer breaks its route's contract, or null when it keeps it. */
export function contractViolation(route: HttpRouteSpec, status: number, payload: unknown): string | null {
  if (route.success.includes(status)) {
    const parsed = route.response.safeParse(payload);
    return parsed.success
      ? null
      : `respuesta ${status} fuera del contrato: ${parsed.error.issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join('.') || '(raíz)'}: ${issue.message}`)
          .join('; ')}`;
  }
  const error = ApiErrorResponseSchema.safeParse(payload);
  if (!error.success) return `error ${status} sin la forma {success:false, error, message}`;
  if (!allowedErrors(route).has(error.data.error))
    return `error ${status} "${error.data.error}" no declarado por la ruta`;
  return null;
}

function checkedAnswer(route: HttpRouteSpec, name: string) {
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (typeof payload !== 'string') return payload;
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      json = payload;
    }
    const violation = contractViolation(route, reply.statusCode, json);
    if (violation === null) return payload;
    reply.code(500);
    return JSON.stringify({
      success: false,
      error: 'internal_error',
      message: `${route.method} ${route.path} (${name}): ${violation}`,
    });
  };
}

function registerRoute<K extends HttpRouteName>(
  app: FastifyInstance,
  name: K,
  handler: RouteHandler<K>,
  options: RouteTableOptions,
): void {
  const route: HttpRouteSpec = HTTP_ROUTES[name];
  const url = route.access === 'admin' ? route.path.slice(ADMIN_PREFIX.length) : route.path;
  app.route({
    method: route.method,
    url,
    ...(route.access === 'public'
      ? { config: options.publicConfig, onRequest: options.publicOnRequest }
      : {}),
    ...(options.checkResponses && !route.stream ? { onSend: checkedAnswer(route, name) } : {}),
    ...(route.upload ? { bodyLimit: UPLOAD_BODY_LIMIT_BYTES } : {}),
    handler: async (request, reply) => {
      const input = {
        params: route.params ? parseInput(route.params, request.params, 'params') : undefined,
        query: route.query ? parseInput(route.query, request.query, 'query') : undefined,
        body: route.body ? parseInput(route.body, request.body, 'body') : undefined,
      } as RouteInput<K>;
      const answer = await handler(input, { request, reply });
      // A stream (SSE, a file, NDJSON progress) is sent by the handler itself, which returns the reply.
      if (route.stream || answer === reply) return answer;
      const status = reply.statusCode === 200 ? (route.success[0] ?? 200) : reply.statusCode;
      return reply.code(status).send(answer);
    },
  });
}

/**
 * Registers the table's routes of one access: public ones on the app, admin ones on the context
 * under `/admin` that requires the token.
 */
export function registerRouteTable(
  context: FastifyInstance,
  access: HttpRouteSpec['access'],
  handlers: RouteHandlers,
  options: RouteTableOptions,
): void {
  for (const name of Object.keys(HTTP_ROUTES) as HttpRouteName[]) {
    if (HTTP_ROUTES[name].access !== access) continue;
    registerRoute(context, name, handlers[name] as RouteHandler<typeof name>, options);
  }
}
