import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * What a packaged (installed) app does differently (issue #17, point 7). Electron is faked at the
 * boundary only — `BrowserWindow` records its options — and `packaged` stands for `app.isPackaged`,
 * which the real host passes; no Electron binary runs here.
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
const { isAppUrl, rendererLocation } = await import('../../../src/main/electron/trusted-url');
const { APP_CSP } = await import('../../../src/main/electron/csp');
const {
  APP_PAGE_URL,
  APP_SCHEME_PRIVILEGES,
  appProtocolHandler,
  appRequestPath,
  contentType,
  registerAppScheme,
} = await import('../../../src/main/electron/app-protocol');

const INDEX = '/opt/EDN360 Coach/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('ELECTRON_RENDERER_URL in a packaged app', () => {
  it('is ignored (and reported) when packaged, used by a checkout', () => {
    const ignored: string[] = [];
    const packaged = rendererLocation(INDEX, DEV, {
      packaged: true,
      onIgnored: (name) => ignored.push(name),
    });
    expect(packaged.devServerUrl).toBeNull();
    expect(ignored).toEqual(['ELECTRON_RENDERER_URL']);
    // A dev-server page is then neither loaded nor trusted (navigation guard, IPC sender check).
    expect(isAppUrl(DEV, packaged)).toBe(false);

    expect(rendererLocation(INDEX, DEV, { packaged: false }).devServerUrl).toBe(DEV);
    expect(
      rendererLocation(INDEX, undefined, { packaged: true, onIgnored: () => ignored.push('x') }).devServerUrl,
    ).toBeNull();
    expect(ignored).toEqual(['ELECTRON_RENDERER_URL']);
  });
});

describe('DevTools', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('are off in a packaged build and on in a checkout', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs').devTools).toBe(true);
  });

  it('the packaged main window has them off and never loads a dev server, even if a location has one', () => {
    const location = { ...rendererLocation(INDEX, undefined, { appUrl: APP_PAGE_URL }), devServerUrl: DEV };
    createMainWindow({ preloadPath: '/p.cjs', indexHtmlPath: INDEX, location, packaged: true });
    expect(created[0]?.options.webPreferences?.devTools).toBe(false);
    expect(created[0]?.loaded).toEqual([APP_PAGE_URL]);
  });
});

describe('the app:// scheme (file:// pages lose their extra privileges in the packaged binary)', () => {
  const rendererDir = resolve('/app/out/renderer');

  it('registers one standard, secure scheme before ready', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[APP_SCHEME_PRIVILEGES]]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
  });

  it('maps app://edn360/… to files of the renderer build and nothing else', () => {
    expect(appRequestPath('app://edn360/index.html', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(appRequestPath('app://edn360/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(appRequestPath('app://edn360/assets/index-1.js?x=1#y', rendererDir)).toBe(
      join(rendererDir, 'assets', 'index-1.js'),
    );
    for (const bad of [
      'app://edn360/../main/index.js',
      'app://edn360/%2e%2e/main/index.js',
      'app://edn360/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://edn360/%2Fetc%2Fpasswd',
      'app://edn360/a%00.js',
      'app://edn360/%zz',
      'app://other/index.html',
      'file:///app/out/renderer/index.html',
    ]) {
      // Refused, or (a `..` the URL parser already folded) still a path inside the build folder.
      const path = appRequestPath(bad, rendererDir);
      expect(path === null || path.startsWith(join(rendererDir, '/')), bad).toBe(true);
    }
    // An encoded `/` is decoded after the URL parser ran: that escape is caught by the containment check.
    expect(appRequestPath('app://edn360/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js', rendererDir)).toBeNull();
    expect(appRequestPath('app://other/index.html', rendererDir)).toBeNull();
  });

  it('serves with the MIME type module scripts need, the CSP and nosniff; 404 outside, 405 for writes', async () => {
    const files = new Map([
      [join(rendererDir, 'index.html'), '<!doctype html>'],
      [join(rendererDir, 'assets', 'index-1.js'), 'export {}'],
    ]);
    const handler = appProtocolHandler(rendererDir, async (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    });
    const page = await handler(new Request('app://edn360/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html>');
    const script = await handler(new Request('app://edn360/assets/index-1.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://edn360/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://edn360/a/%2e%2e%2f%2e%2e%2fmain%2findex.js'))).status).toBe(404);
    expect(
      (await handler(new Request('app://edn360/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    expect(contentType('a.woff2')).toBe('font/woff2');
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });

  it('with the page on app://, only that page is the app: no file:// page, no other host', () => {
    const location = rendererLocation(INDEX, undefined, { appUrl: APP_PAGE_URL, packaged: true });
    expect(isAppUrl('app://edn360/index.html#/clients', location)).toBe(true);
    expect(isAppUrl('app://edn360/other.html', location)).toBe(false);
    expect(isAppUrl('app://evil/index.html', location)).toBe(false);
    expect(isAppUrl(location.fileUrl, location)).toBe(false);
  });
});
