import { join, resolve } from 'node:path';
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session } from 'electron';
import { envSetting } from './config/load-config';
import { createLogger } from './log/logger';
import { logsDir } from './log/logger';
import { APP_PAGE_URL, registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { DesktopHost } from './electron/desktop-host';
import { electronPlatform, windowContents } from './electron/electron-platform';
import { registerIpcHandlers } from './electron/ipc/dispatch';
import { createIpcHandlers } from './electron/ipc/handlers';
import { openRotatingLog } from './electron/logs/rotating-log';
import { installGracefulQuit } from './electron/quit';
import { guardContents, hardenSession } from './electron/security';
import { safeStorageCodec } from './electron/settings/safe-storage-codec';
import { rendererLocation } from './electron/trusted-url';
import { createMainWindow } from './electron/window';
import { ChildProcessGoneRouter } from './electron/worker-exit';

// Thin Electron host (docs/ARCHITECTURE.md "Processes"): everything below core/, config/, db/, queue/, worker/ and api/ runs
// without Electron; src/main/electron/ holds the small adapters.
const outDir = resolve(__dirname, '..');
const indexHtml = join(outDir, 'renderer', 'index.html');
// Dev server only when electron-vite says so (`npm run dev`), never inferred from !app.isPackaged:
// an unpackaged test run must load the built files. An installed app ignores ELECTRON_RENDERER_URL.
// The built page is served on app://edn360/ (app-protocol.ts), never file:// (the packaged binary's
// grantFileProtocolExtraPrivileges fuse is off). The scheme must be registered before `ready`.
registerAppScheme(protocol);
const ignoredInPackagedApp: string[] = [];
const location = rendererLocation(indexHtml, process.env['ELECTRON_RENDERER_URL'], {
  packaged: app.isPackaged,
  appUrl: APP_PAGE_URL,
  onIgnored: (variable) => ignoredInPackagedApp.push(variable),
});

// EDN_DATA_DIR moves Chromium's profile and the single-instance lock too, so a test or a second
// profile never collides with the coach's running app. setPath must happen before `ready`.
const dataDirOverride = envSetting('data_dir', process.env);
if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride));
const dataDir = resolve(app.getPath('userData'));

// The lock comes before binding the port or starting mongod: a second launch only focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const log = openRotatingLog(logsDir(dataDir));
  const logger = createLogger({ dataDir, destination: log.stream, name: 'edn360-desktop' });
  if (ignoredInPackagedApp.length > 0) {
    logger.warn({ ignored: ignoredInPackagedApp }, 'development variables are ignored in the installed app');
  }
  const gone = new ChildProcessGoneRouter();
  const host = new DesktopHost({
    outDir,
    dataDir,
    logger,
    codec: safeStorageCodec(),
    platform: electronPlatform(gone),
  });
  const openExternal = (url: string): void => {
    host.openExternal(url).catch((error: unknown) => logger.warn({ err: error }, 'openExternal failed'));
  };

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  // Every webContents, including any the app did not create itself, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => guardContents(contents, location, openExternal));
  app.on('child-process-gone', (_event, details) => {
    if (!gone.dispatch(details))
      logger.warn({ type: details.type, reason: details.reason }, 'child process gone');
  });

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      core: () => host.getCore(),
      app: host,
      settings: host.settings,
      logFiles: () => log.files,
    }),
    { location, logger: logger.child({ component: 'ipc' }) },
  );

  installGracefulQuit(
    app,
    async () => {
      await host.stop();
      await log.close();
    },
    // Above the worker's own 10 s checkpoint deadline, so a normal stop always completes.
    { deadlineMs: 15_000, logger },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    // OS shutdown or logout skips before-quit on some platforms: run the same graceful quit.
    powerMonitor.on('shutdown', () => app.quit());
    hardenSession(session.defaultSession, location);
    serveAppProtocol(session.defaultSession.protocol, join(outDir, 'renderer'));
    const window = createMainWindow({
      preloadPath: join(outDir, 'preload', 'index.cjs'),
      indexHtmlPath: indexHtml,
      location,
      packaged: app.isPackaged,
    });
    host.attachWindow(windowContents(window.webContents));
    // utilityProcess.fork must wait for `ready` (electron#41396).
    void host.boot();
  });
}
