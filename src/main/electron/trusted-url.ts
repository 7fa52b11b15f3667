import { pathToFileURL } from 'node:url';

/**
 * Where the app's own renderer lives: the built `index.html` on disk, or the electron-vite dev server
 * during `npm run dev`. Every URL check (navigation, IPC sender) compares against this, parsing URLs
 * with `new URL()` — a `startsWith` test would let `http://localhost:5173.evil.example` through.
 */
export interface RendererLocation {
  /** `file://…/out/renderer/index.html` */
  fileUrl: string;
  /** `ELECTRON_RENDERER_URL` under `npm run dev`; null in a built app. */
  devServerUrl: string | null;
}

export function rendererLocation(indexHtmlPath: string, devServerUrl: string | undefined): RendererLocation {
  return { fileUrl: pathToFileURL(indexHtmlPath).href, devServerUrl: devServerUrl?.trim() || null };
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
