import { APP_CSP } from './csp';
import { isAppUrl, isSafeExternalUrl, type RendererLocation } from './trusted-url';

/** The part of an Electron Session the hardening uses; tests pass a fake. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Deny every permission (camera, microphone, notifications, geolocation…): the app needs none, and
 * Electron grants them all unless a handler says otherwise (checklist §5). Adds the CSP header to the
 * app's own responses; file:// pages carry none, so there the meta tag in index.html is what applies
 * (app:// responses carry it from app-protocol.ts).
 */
export function hardenSession(session: SessionLike, location: RendererLocation): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location) || location.devServerUrl) {
      // Vite's dev server injects inline scripts for hot reload: its page keeps its own policy.
      callback({});
      return;
    }
    // Replace, never merge: a second, looser policy from elsewhere must not stay alongside ours.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [APP_CSP] } });
  });
}

/** The part of a WebContents the guards use; tests pass a fake. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Navigation and window guards for every webContents (checklist §12–§15): the window only ever shows
 * the app's page; `target=_blank`, `window.open` and middle-clicks open nothing inside the app —
 * https links go to the system browser, anything else is dropped; no <webview> may attach.
 */
export function guardContents(
  contents: GuardedContents,
  location: RendererLocation,
  openExternal: (url: string) => void,
): void {
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url, location)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  // A main-process loadURL or a server redirect skips will-navigate.
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
