import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_CSP } from './csp';

/**
 * The renderer's own scheme: the window loads `app://edn360/index.html`, served from `out/renderer`
 * by `appProtocolHandler`, instead of a file:// URL. With it the packaged app's Electron fuse
 * `grantFileProtocolExtraPrivileges` can be off (electron-builder.yml): file:// pages then get no more
 * than a browser gives them — and no file:// page can load the app's code from an asar at all.
 * A standard, secure scheme gives the page a real origin (`app://edn360`), so `'self'` in the CSP, ES
 * modules and localStorage work as on https.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'edn360';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** What `protocol.registerSchemesAsPrivileged` gets (the privileges VS Code gives its own file scheme). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

/** The part of Electron's `protocol` module used here; tests pass a fake. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<typeof APP_SCHEME_PRIVILEGES>): void;
}
export interface ProtocolHandlerLike {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Before `app` is ready (Electron's rule), and in one call: a later call replaces an earlier one. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts need a JavaScript MIME type: Chromium checks it strictly. */
export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rendererDir` an `app://edn360/…` URL names, or null: another host, a path that
 * leaves the folder (`..`, encoded or not), a NUL byte, a malformed escape. `/` is the page itself.
 */
export function appRequestPath(rawUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const target = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, target);
  if (inside === '' || isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`)) return null;
  return target;
}

/**
 * `protocol.handle('app', …)`: GET only, files of `rendererDir` only, each with its MIME type, the
 * app's CSP (this scheme's responses carry it as a header) and `nosniff`. `read` is `fs.readFile`
 * (asar-aware in Electron's main process); tests pass their own.
 */
export function appProtocolHandler(
  rendererDir: string,
  read: (path: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 });
    }
    const path = appRequestPath(request.url, rendererDir);
    if (!path) return new Response(null, { status: 404 });
    let body: Uint8Array;
    try {
      body = await read(path);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentType(path),
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

/** After `app` is ready: the default session serves the renderer's build on `app://edn360/`. */
export function serveAppProtocol(protocol: ProtocolHandlerLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
