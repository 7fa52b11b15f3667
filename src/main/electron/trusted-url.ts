import { pathToFileURL } from 'node:url';

/**
 * Where the app's own renderer lives: the built `index.html` on disk, or the electron-vite dev server
 * during `npm run dev`. Every URL check (navigation, IPC sender) compares against this, parsing URLs
 * with `new URL()` — a `startsWith` test would let `http://localhost:5173.evil.example` through.
 */
export interface RendererLocation {
  /** `file://…/out/renderer/index.html` */
  fileUrl: string;
  /**
   * `app://edn360/index.html` when the Electron host serves the build on its own scheme
   * (app-protocol.ts): then that is the app's page, and no file:// URL is.
   */
  appUrl?: string | null;
  /** `ELECTRON_RENDERER_URL` under `npm run dev`; null in a built app, always null in a packaged one. */
  devServerUrl: string | null;
}

export interface RendererLocationOptions {
  /**
   * Electron's `app.isPackaged`: an installed app never loads (or trusts) a dev server, whatever
   * `ELECTRON_RENDERER_URL` says — set by anyone who can start the app, it would hand the window and
   * its IPC bridge to any page.
   */
  packaged?: boolean;
  /** Told when a dev server URL was given and ignored (the host logs a warning). */
  onIgnored?: (variable: 'ELECTRON_RENDERER_URL') => void;
  /** The page's URL on the app's own scheme (`APP_PAGE_URL`), when the host serves it there. */
  appUrl?: string;
}

export function rendererLocation(
  indexHtmlPath: string,
  devServerUrl: string | undefined,
  options: RendererLocationOptions = {},
): RendererLocation {
  const requested = devServerUrl?.trim() || null;
  if (requested && options.packaged) options.onIgnored?.('ELECTRON_RENDERER_URL');
  return {
    fileUrl: pathToFileURL(indexHtmlPath).href,
    ...(options.appUrl ? { appUrl: options.appUrl } : {}),
    devServerUrl: options.packaged ? null : requested,
  };
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The app's own page (any hash or query: the router may use them), and nothing else. */
export function isAppUrl(raw: string, location: RendererLocation): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (location.appUrl) {
    const app = parse(location.appUrl);
    if (app && url.protocol === app.protocol) {
      return url.host === app.host && url.pathname === app.pathname;
    }
    // Served on its own scheme, the app has no file:// page.
    if (url.protocol === 'file:') return false;
  }
  if (url.protocol === 'file:') {
    const app = new URL(location.fileUrl);
    // A file URL with a host (file://server/share) is a network path, never the app.
    return url.host === '' && url.pathname === app.pathname;
  }
  if (!location.devServerUrl) return false;
  const dev = parse(location.devServerUrl);
  return dev !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
}

/** Only https links leave the app, only to the system browser, and never with credentials in them. */
export function isSafeExternalUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
}
