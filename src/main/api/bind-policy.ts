import { isIP } from 'node:net';

/** Thrown before anything starts: the API would be reachable from the network without a chosen token. */
export class UnsafeBindError extends Error {
  readonly reason = 'invalid_config';
}

/** `127.0.0.0/8`, `::1`, `localhost`: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::ffff:127.0.0.1';
}

/** `0.0.0.0` / `::`: every interface of the machine. */
export function isWildcardHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === '0.0.0.0' || bare === '::';
}

/**
 * The token generated at first run sits in a file on this machine; that is fine while only this
 * machine can connect. Reachable from a network, the admin must choose the token on purpose.
 */
export function assertSafeBind(api: { host: string; tokenSource: 'env' | 'settings' }): void {
  if (isLoopbackHost(api.host) || api.tokenSource === 'env') return;
  throw new UnsafeBindError(
    `La API HTTP no se abre en ${api.host} (una dirección accesible desde la red) sin un token elegido: ` +
      'define EDN_API_TOKEN con un secreto largo (p. ej. `openssl rand -base64 32`) y compártelo solo con quien deba administrar, ' +
      'o deja EDN_API_HOST=127.0.0.1 para usarla solo desde este equipo.',
  );
}
