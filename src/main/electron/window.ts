import { BrowserWindow } from 'electron';
import type { RendererLocation } from './trusted-url';

/**
 * What a security test asserts on: no Node in the renderer, isolated, sandboxed, web security on — and
 * no DevTools in a packaged app (`devTools: false` also disables the menu's Toggle Developer Tools and
 * `openDevTools()`); a checkout keeps them for development.
 */
export function secureWebPreferences(preloadPath: string, packaged = false): Electron.WebPreferences {
  return {
    preload: preloadPath,
    devTools: !packaged,
    contextIsolation: true,
    // The preload is a single CommonJS bundle (electron.vite.config.ts): sandboxed preloads cannot load ESM.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  indexHtmlPath: string;
  location: RendererLocation;
  /** Electron's `app.isPackaged`: no DevTools, never a dev server. */
  packaged?: boolean;
}

/** The coach's window: shown when its first paint is ready, loading the built page or the dev server. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'EDN360 Coach',
    webPreferences: secureWebPreferences(options.preloadPath, options.packaged === true),
  });
  window.once('ready-to-show', () => window.show());
  if (options.location.devServerUrl && !options.packaged) void window.loadURL(options.location.devServerUrl);
  else if (options.location.appUrl) void window.loadURL(options.location.appUrl);
  else void window.loadFile(options.indexHtmlPath);
  return window;
}
