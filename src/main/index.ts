import { join, resolve } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { STARTUP_CHANNELS, type StartupState } from '@shared/startup';
import { loadConfig } from './config/load-config';
import { startCore, type Core } from './core/start-core';
import { APP_VERSION } from './core/version';
import { createLogger, type Logger } from './log/logger';
import { createMainWindow, hardenSession } from './electron/window';
import { utilityWorkerSpawner } from './electron/utility-worker-process';
import { startupErrorState } from './core/startup-error';

// Thin Electron host (DESIGN §2): everything below `core/` runs without Electron.
const outDir = resolve(__dirname, '..');
let core: Core | null = null;
let logger: Logger | null = null;
let state: StartupState = { phase: 'starting', step: 'config' };

function publish(next: StartupState): void {
  state = next;
  for (const window of BrowserWindow.getAllWindows())
    window.webContents.send(STARTUP_CHANNELS.changed, state);
}

async function boot(): Promise<void> {
  try {
    const config = await loadConfig({
      defaultDataDir: app.getPath('userData'),
      resourcesDir: app.isPackaged ? process.resourcesPath : null,
    });
    logger = createLogger({ dataDir: config.dataDir });
    publish({ phase: 'starting', step: 'database' });
    const coreLogger = logger;
    core = await startCore({
      config,
      logger,
      repoResourcesDir: join(app.getAppPath(), 'resources'),
      workerFactory: (env) => utilityWorkerSpawner(join(__dirname, 'worker.js'), env, coreLogger),
    });
    publish({ phase: 'ready', apiUrl: core.apiUrl, databaseMode: core.database.mode, version: APP_VERSION });
  } catch (error) {
    logger?.error({ err: error }, 'start-up failed');
    publish(startupErrorState(error));
  }
}

// The lock comes before binding the port or starting mongod: a second launch only focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  ipcMain.handle(STARTUP_CHANNELS.get, (event) => {
    if (!event.senderFrame) throw new Error('IPC from a destroyed frame');
    return state;
  });
  void app.whenReady().then(() => {
    hardenSession();
    createMainWindow(outDir);
    void boot();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    const stopping = core.stop().catch((error: unknown) => logger?.error({ err: error }, 'stop failed'));
    const deadline = new Promise((resolveDeadline) => setTimeout(resolveDeadline, 10_000));
    void Promise.race([stopping, deadline]).finally(() => app.quit());
  });
}
