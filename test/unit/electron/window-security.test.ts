import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * Electron is faked at the boundary: `BrowserWindow` is a class that records the options it was built
 * with, so these tests assert what the real window gets without an Electron binary.
 */
const created: Array<{ options: Electron.BrowserWindowConstructorOptions; loaded: string[] }> = [];
vi.mock('electron', () => {
  class FakeBrowserWindow {
    readonly loaded: string[] = [];
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      created.push(this);
    }
    once(): void {}
    show(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(path: string): Promise<void> {
      this.loaded.push(path);
      return Promise.resolve();
    }
  }
  return { BrowserWindow: FakeBrowserWindow };
});

const { createMainWindow, secureWebPreferences } = await import('../../../src/main/electron/window');
const { APP_CSP } = await import('../../../src/main/electron/csp');
const { guardContents, hardenSession } = await import('../../../src/main/electron/security');
type GuardedContents = import('../../../src/main/electron/security').GuardedContents;
const { builtLocation, devLocation } = await import('./fakes');

describe('window security options', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('builds the main window with those options, hidden until ready, loading the built page', () => {
    createMainWindow({
      preloadPath: '/app/preload.cjs',
      indexHtmlPath: '/app/index.html',
      location: builtLocation,
    });
    const [window] = created;
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
    expect(window?.loaded).toEqual(['/app/index.html']);
  });

  it('loads the dev server only when electron-vite provides one', () => {
    createMainWindow({ preloadPath: '/p.cjs', indexHtmlPath: '/i.html', location: devLocation });
    expect(created[0]?.loaded).toEqual(['http://localhost:5173/']);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    APP_CSP.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts from the app only: no inline script, no eval, no remote code', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/https?:|\*/);
  });

  it('is the policy in the renderer’s index.html meta tag', () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(APP_CSP);
  });
});

describe('hardenSession (Session faked)', () => {
  function fakeSession() {
    const state: {
      request?: (c: unknown, p: string, cb: (granted: boolean) => void) => void;
      check?: (c: unknown, p: string) => boolean;
      headers?: (
        d: { url: string; responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void;
    } = {};
    return {
      state,
      session: {
        setPermissionRequestHandler: (h: NonNullable<typeof state.request>) => (state.request = h),
        setPermissionCheckHandler: (h: NonNullable<typeof state.check>) => (state.check = h),
        webRequest: { onHeadersReceived: (h: NonNullable<typeof state.headers>) => (state.headers = h) },
      },
    };
  }

  it('denies every permission request and check', () => {
    const { state, session } = fakeSession();
    hardenSession(session, builtLocation);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      state.request?.({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(state.check?.({}, permission)).toBe(false);
    }
  });

  it('sets the CSP header on the app page, replacing any other policy', () => {
    const { state, session } = fakeSession();
    hardenSession(session, builtLocation);
    let response: { responseHeaders?: Record<string, string[]> } = {};
    state.headers?.(
      {
        url: builtLocation.fileUrl,
        responseHeaders: { 'content-security-policy': ['default-src *'], 'x-a': ['1'] },
      },
      (r) => (response = r),
    );
    expect(response.responseHeaders).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [APP_CSP] });
    state.headers?.({ url: 'https://example.com/' }, (r) => (response = r));
    expect(response).toEqual({});
  });
});

describe('guardContents (WebContents faked)', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
        listeners.set(event, listener);
      },
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => {
        openHandler = h;
      },
    };
    return {
      // One recorder stands in for WebContents' overloaded `on`.
      contents: contents as unknown as GuardedContents,
      fire(event: string, url?: string): boolean {
        let prevented = false;
        listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
        return prevented;
      },
      open: (url: string) => openHandler?.({ url }),
    };
  }

  it('blocks navigation and redirects away from the app page', () => {
    const fake = fakeContents();
    guardContents(fake.contents, builtLocation, () => undefined);
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fake.fire('will-navigate', `${builtLocation.fileUrl}#/plans`)).toBe(false);
    expect(fake.fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and sends only https links to the system browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    guardContents(fake.contents, builtLocation, (url) => opened.push(url));
    expect(fake.open('https://edn360.example/ayuda')).toEqual({ action: 'deny' });
    expect(fake.open('http://edn360.example/')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://edn360.example/ayuda']);
  });
});
