import type { Logger } from '../log/logger';
import type { SpawnWorker } from '../worker/worker-process';
import type { EventTarget } from './events/renderer-event-queue';

/**
 * What the desktop host needs from Electron, as one interface: `electron-platform.ts` implements it
 * with Electron's APIs; the browser e2e suite implements it with Chromium through Playwright and a
 * Node child process, so the real host, IPC handlers and renderer run together without Electron.
 */
/** What a save dialog offers to save: its file-type filter. */
export type SaveFileKind = 'pdf' | 'zip' | 'backup';
/** What an open dialog offers to open: its file-type filter. */
export type OpenFileKind = 'backup';

export interface DesktopPlatform {
  appName: string;
  packaged: boolean;
  /** The app's own folder (the repository when unpackaged): `resources/` is found under it. */
  appPath: string;
  /** Where packaged builds keep extra resources; null when unpackaged. */
  resourcesPath: string | null;
  /** Where the first PDF save dialog opens. */
  documentsDir(): string;
  electronVersion: string;
  chromeVersion: string;
  openExternal(url: string): Promise<void>;
  /** The worker process: an Electron utilityProcess; `env` is read at every (re)spawn. */
  workerSpawner(entry: string, env: () => NodeJS.ProcessEnv, logger: Logger): SpawnWorker;
  /** The system save dialog over the window of this webContents; null when the coach cancels. */
  showSaveDialog(webContentsId: number, defaultPath: string, kind?: SaveFileKind): Promise<string | null>;
  /** The system open dialog (one file) over the window of this webContents; null when the coach cancels. */
  showOpenDialog(webContentsId: number, kind: OpenFileKind): Promise<string | null>;
  /** The page of this webContents printed by Chromium (A4, print stylesheet, backgrounds). */
  printToPdf(webContentsId: number): Promise<Uint8Array>;
}

/** The part of a window's webContents the host uses: its id, events to send, reloads, teardown. */
export interface DesktopWindowContents extends EventTarget {
  readonly id: number;
  onMainFrameNavigation(listener: () => void): void;
  onceDestroyed(listener: () => void): void;
}
