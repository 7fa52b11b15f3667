import type { TransferProgress } from '@shared/backup';
import type { OpenFileKind, SaveFileKind } from '../desktop-platform';
import type { DatabaseCare } from '../../application/database-care';
import type { AppInfo } from '@shared/ipc-contract';
import type { StartupState } from '@shared/startup';
import type { Core } from '../../core/start-core';
import { IpcFailure } from './errors';

/** What the IPC handlers use of the core: plain objects, so they are testable without Electron. */
export type IpcCore = Pick<Core, 'config' | 'database' | 'repositories' | 'queue' | 'worker' | 'apiUrl'>;

/** Throws the `not_ready` failure while the core is starting, or after it failed to start. */
export function requireCore(core: IpcCore | null): IpcCore {
  if (!core) {
    throw new IpcFailure(
      'not_ready',
      'La aplicación aún está arrancando (o no pudo arrancar): espera a que termine o revisa la pantalla de inicio.',
    );
  }
  return core;
}

/** The host state the app-level handlers read (start-up state, versions, paths). */
export interface AppHost {
  startupState(): StartupState;
  appInfo(): AppInfo;
  openExternal(url: string): Promise<void>;
  rendererReady(webContentsId: number): void;
  /** The system save dialog over the caller's window; null when the coach cancels it. */
  chooseSavePath(webContentsId: number, suggestedName: string, kind?: SaveFileKind): Promise<string | null>;
  /** The system open dialog (one file) over the caller's window; null when the coach cancels it. */
  chooseOpenPath(webContentsId: number, kind: OpenFileKind): Promise<string | null>;
  /** Backups, restores and moves of the database the core uses; null until the core runs. */
  databaseCare(): DatabaseCare | null;
  /** Pushes where a backup, restore or move is to the windows (the `transferProgress` event). */
  transferProgress(progress: TransferProgress): void;
  /** The caller's page printed by Chromium (A4, print stylesheet, backgrounds). */
  printToPdf(webContentsId: number): Promise<Uint8Array>;
}
