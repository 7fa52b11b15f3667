import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';
import { isWildcardHost } from './bind-policy';

export interface HostCheckOptions {
  /** The configured EDN_API_HOST. */
  host: string;
  /** The configured port; the listening port wins once known (port 0 in tests). */
  port: number;
  /** Extra names a clinic reaches the server by (EDN_API_ALLOWED_HOSTS), with or without port. */
  extraHosts: readonly string[];
}

function withPort(name: string, port: number): string {
  const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  return `${host}:${port}`.toLowerCase();
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((info) => (info ? [info.address] : []));
}

/** Every `Host` header value this server answers to. */
export function allowedHostHeaders(options: HostCheckOptions, port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1', options.host];
  // Bound to every interface (a clinic server): its own addresses are fine — a DNS-rebinding page
  // always arrives with the attacker's domain name, never with one of our IPs.
  if (isWildcardHost(options.host)) names.push(...interfaceAddresses());
  const allowed = new Set(names.map((name) => withPort(name, port)));
  for (const extra of options.extraHosts) {
    const value = extra.trim().toLowerCase();
    if (!value) continue;
    allowed.add(/:\d+$/.test(value) && !value.endsWith(']') ? value : withPort(value, port));
  }
  // Browsers omit the default port.
  if (port === 80) for (const value of [...allowed]) allowed.add(value.replace(/:80$/, ''));
  return allowed;
}

/**
 * DNS rebinding defence: a web page on `evil.example` that re-points its name to 127.0.0.1 can make
 * the browser send requests here, but the `Host` header still says `evil.example`. Such requests
 * are refused before any route (or the rate limiter) runs.
 */
export function registerHostCheck(app: FastifyInstance, options: HostCheckOptions): void {
  let cached: { port: number; allowed: Set<string> } | null = null;
  const allowedNow = (): Set<string> => {
    const address = app.server.address() as AddressInfo | string | null;
    const port = address && typeof address === 'object' ? address.port : options.port;
    if (cached?.port !== port) cached = { port, allowed: allowedHostHeaders(options, port) };
    return cached.allowed;
  };
  app.addHook('onRequest', async (request) => {
    const host = request.headers.host?.toLowerCase();
    const allowed = allowedNow();
    if (host && allowed.has(host)) return;
    const examples = [...allowed].slice(0, 3).join(', ');
    throw new ApiError(
      403,
      'forbidden_host',
      `Cabecera Host ${host ? `«${host.slice(0, 100)}»` : 'ausente'} no permitida (protección contra DNS rebinding). ` +
        `Conecta usando ${examples}, o añade el nombre del servidor a EDN_API_ALLOWED_HOSTS.`,
    );
  });
}
