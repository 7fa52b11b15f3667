import { join, resolve } from 'node:path';
import { DesktopHost } from '../../src/main/electron/desktop-host';
import type { DesktopPlatform, DesktopWindowContents } from '../../src/main/electron/desktop-platform';
import { silentLogger } from '../../src/main/log/logger';
import type { WorkerProcess } from '../../src/main/worker/worker-process';

/*
 * The desktop app's real host (DesktopHost: core, API, settings, event throttle) with Electron
 * mocked at its boundary only: the platform (dialogs, paths, the utilityProcess spawner), safeStorage
 * (a reversible codec) and the window (a fake webContents that hands what it is sent to the test).
 */

const REPO = resolve(__dirname, '../..');

/** The utilityProcess stand-in: ready at once, beating, claiming nothing, exiting when asked. */
export function idleWorker(owner = 'test:1:idle'): WorkerProcess {
  const listeners: Array<(message: unknown) => void> = [];
  const exits: Array<(exit: { code: number | null; signal: string | null; stderrTail: string }) => void> = [];
  let beat: NodeJS.Timeout | null = null;
  setImmediate(() => {
    for (const l of listeners) l({ type: 'ready', pid: 1, owner, concurrency: 1 });
    beat = setInterval(() => {
      for (const l of listeners) l({ type: 'heartbeat', running: [], at: new Date() });
    }, 200);
  });
  const exit = (): void => {
    if (beat) clearInterval(beat);
    for (const e of exits) e({ code: 0, signal: null, stderrTail: '' });
  };
  return {
    pid: 1,
    send: (message) => {
      if (message.type === 'shutdown') setImmediate(exit);
    },
    onMessage: (listener) => listeners.push(listener),
    onExit: (listener) => exits.push(listener),
    kill: exit,
  };
}

export interface TestDesktopHostOptions {
  dataDir: string;
  env: Record<string, string | undefined>;
  /** What the window is sent, channel by channel. */
  onSend: (channel: string, payload: unknown) => void;
  workerOwner?: string;
  windowId?: number;
}

/** A booted DesktopHost with one window attached and ready; the caller stops it. */
export async function bootTestDesktopHost(options: TestDesktopHostOptions): Promise<DesktopHost> {
  const platform: DesktopPlatform = {
    appName: 'EDN360 Coach',
    packaged: false,
    appPath: REPO,
    resourcesPath: null,
    documentsDir: () => options.dataDir,
    electronVersion: '',
    chromeVersion: '',
    openExternal: async () => undefined,
    workerSpawner: () => () => idleWorker(options.workerOwner),
    showSaveDialog: async () => null,
    showOpenDialog: async () => null,
    printToPdf: async () => new Uint8Array(),
  };
  const host = new DesktopHost({
    outDir: join(REPO, 'out'),
    dataDir: options.dataDir,
    logger: silentLogger(),
    codec: {
      isAvailable: async () => true,
      backend: () => 'basic_text',
      encrypt: async (plain) => plain,
      decrypt: async (stored) => stored,
    },
    platform,
    env: options.env,
  });
  const window: DesktopWindowContents = {
    id: options.windowId ?? 1,
    isDestroyed: () => false,
    send: options.onSend,
    onMainFrameNavigation: () => undefined,
    onceDestroyed: () => undefined,
  };
  host.attachWindow(window);
  host.rendererReady(window.id);
  await host.boot();
  return host;
}
