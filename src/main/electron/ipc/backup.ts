import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { TransferProgress } from '@shared/backup';
import type { ChosenBackupFile, IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { manualBackupName } from '../../application/automatic-backups';
import type { DatabaseCare } from '../../application/database-care';
import type { ProgressListener } from '../../application/document-transfer';
import { DomainError } from '../../application/domain-error';
import type { IpcCaller, IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import type { AppHost } from './host';

/*
 * Ajustes' backups, restores and moves (issue #18): a thin door onto application/database-care.ts,
 * the one object every door calls. The files are chosen in main's own dialogs and their paths
 * never leave main: the renderer gets an opaque token for a chosen backup and can restore nothing else.
 * Progress reaches the windows as `transferProgress` events.
 */

type BackupHandlers = Pick<
  IpcHandlers,
  'createBackup' | 'backupStatus' | 'chooseBackupFile' | 'previewRestore' | 'restoreBackup' | 'moveDatabase'
>;

interface ChosenFile {
  path: string;
  name: string;
  /** The window whose dialog chose it: only that window may use the token. */
  webContentsId: number;
}

/** Tokens kept at most (the newest): a coach chooses a handful of files per session. */
const MAX_CHOSEN = 32;
/** Progress events at most this often (the first of each step and the last always go). */
const PROGRESS_EVERY_MS = 100;

function requireCare(host: Pick<AppHost, 'databaseCare'>): DatabaseCare {
  const care = host.databaseCare();
  if (!care)
    throw new IpcFailure(
      'not_ready',
      'La aplicación aún está arrancando (o no pudo arrancar): espera a que termine o revisa la pantalla de inicio.',
    );
  return care;
}

/** One operation's progress, throttled, to every window. */
export function progressSender(
  send: (progress: TransferProgress) => void,
  everyMs = PROGRESS_EVERY_MS,
): ProgressListener {
  let last = 0;
  let step: TransferProgress['operation'] | null = null;
  return (progress) => {
    const now = Date.now();
    if (progress.operation !== step || progress.done >= progress.total || now - last >= everyMs) {
      last = now;
      step = progress.operation;
      send(progress);
    }
  };
}

/** The coach's folder could not be written (no permission, full disk): said as such, not as an internal error. */
function writeFailure(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof DomainError || error instanceof IpcFailure || typeof code !== 'string') return error;
  return new IpcFailure(
    'export_failed',
    `No se pudo guardar la copia en «${path}» (${code}). Prueba otra carpeta o libera espacio en el disco.`,
  );
}

export function backupHandlers(host: AppHost): BackupHandlers {
  const chosen = new Map<string, ChosenFile>();

  async function choose(caller: IpcCaller): Promise<ChosenBackupFile | null> {
    const path = await host.chooseOpenPath(caller.webContentsId, 'backup');
    if (!path) return null;
    const file = randomUUID();
    const name = basename(path);
    chosen.set(file, { path, name, webContentsId: caller.webContentsId });
    for (const old of chosen.keys()) {
      if (chosen.size <= MAX_CHOSEN) break;
      chosen.delete(old);
    }
    return { file, name };
  }

  function chosenFile(token: string, caller: IpcCaller): ChosenFile {
    const file = chosen.get(token);
    if (!file || file.webContentsId !== caller.webContentsId) {
      const message = 'args.file: ese archivo no se eligió en esta ventana; vuelve a elegir la copia';
      throw new IpcFailure('validation_error', `Datos no válidos — ${message}`, [
        { field: 'args.file', code: 'unknown_file', message },
      ]);
    }
    return file;
  }

  const progress = (): ProgressListener => progressSender((p) => host.transferProgress(p));

  async function createBackup(
    args: IpcParsedArgs<'createBackup'>,
    caller: IpcCaller,
  ): Promise<IpcResult<'createBackup'>> {
    const care = requireCare(host);
    const path = await host.chooseSavePath(caller.webContentsId, manualBackupName(new Date()), 'backup');
    if (!path) return null;
    return care
      .backup({ file: path, passphrase: args?.passphrase ?? null, kind: 'manual' }, progress())
      .catch((error: unknown) => {
        throw writeFailure(path, error);
      });
  }

  async function previewRestore(
    args: IpcParsedArgs<'previewRestore'>,
    caller: IpcCaller,
  ): Promise<IpcResult<'previewRestore'>> {
    const care = requireCare(host);
    const ref = args?.file
      ? { file: args.file, name: chosenFile(args.file, caller).name }
      : await choose(caller);
    if (!ref) return null;
    const { path } = chosenFile(ref.file, caller);
    const preview = await care.previewRestore(
      { file: path, passphrase: args?.passphrase ?? null },
      progress(),
    );
    return { ...ref, preview };
  }

  return {
    createBackup,
    backupStatus: () => requireCare(host).status(),
    chooseBackupFile: (_args, caller) => choose(caller),
    previewRestore,
    restoreBackup: (args, caller) => {
      const care = requireCare(host);
      const { path } = chosenFile(args.file, caller);
      return care.restore(
        {
          file: path,
          passphrase: args.passphrase ?? null,
          rule: args.rule,
          apply_settings: args.apply_settings,
        },
        progress(),
      );
    },
    // A switched move makes the host reopen on the target (DesktopHost, whichever door moved).
    moveDatabase: (args) => requireCare(host).move(args, progress()),
  };
}
