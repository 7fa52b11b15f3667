import type { Db } from 'mongodb';
import { stat } from 'node:fs/promises';
import type { BackupSummary, ConflictRule, RestoreOutcome, TransferPreview } from '@shared/backup';
import type { SettingsFile } from '@shared/config';
import { readBackupBody, readManifest } from '../db/backup/backup-body';
import { BackupFileError, openBackupFile } from '../db/backup/backup-file';
import type { Logger } from '../log/logger';
import { portableSettings } from './database-backup';
import {
  applyTransfer,
  assertNoActiveJobs,
  previewTransfer,
  type DocumentSource,
  type ProgressListener,
} from './document-transfer';
import { DomainError } from './domain-error';

/*
 * Restoring a backup (issue #18 point 2): first the whole file is read and checked (checksums,
 * sealed chunks, schema version) while it is compared with the database — the preview — and only a
 * file that passed is written, under the coach's conflict rule. One use case for Ajustes (IPC),
 * HTTP `POST /admin/restore` and `edn360 restore`. docs/ARCHITECTURE.md "Backups".
 */

export interface RestoreDeps {
  db: Db;
  logger: Logger;
  readSettings: () => Promise<SettingsFile>;
  writeSettings: (settings: SettingsFile) => Promise<void>;
  /** A backup of the database as it is, taken before an `exact` restore empties it. */
  safetyBackup: () => Promise<BackupSummary>;
}

export interface RestoreArgs {
  file: string;
  passphrase: string | null;
}

export interface RestoreApplyArgs extends RestoreArgs {
  rule: ConflictRule;
  /** Also take the backup's settings (coach's brand, models, prices…; never secrets or addresses). */
  apply_settings: boolean;
}

const FILE_REASON_CODE = {
  backup_unreadable: 'backup_unreadable',
  backup_newer_format: 'backup_from_newer_version',
  backup_passphrase_required: 'backup_passphrase_required',
  backup_wrong_passphrase: 'backup_wrong_passphrase',
} as const;

/** A file problem as the application's error, same message, whichever door asked. */
export function asDomainError(error: unknown): never {
  if (error instanceof BackupFileError) throw new DomainError(FILE_REASON_CODE[error.reason], error.message);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new DomainError('validation_error', 'file: no existe ese archivo de copia.');
  throw error;
}

export async function previewRestore(
  deps: Pick<RestoreDeps, 'db'>,
  args: RestoreArgs,
  onProgress?: ProgressListener,
): Promise<TransferPreview> {
  const source = await backupSource(args);
  return previewTransfer(source, deps.db, 'verify', onProgress).catch(asDomainError);
}

/** Size and modification time: a file changed between the verify pass and the writes is not trusted. */
async function fileIdentity(file: string): Promise<string> {
  const info = await stat(file).catch(asDomainError);
  return `${info.size}:${info.mtimeMs}`;
}

export async function restoreBackup(
  deps: RestoreDeps,
  args: RestoreApplyArgs,
  onProgress?: ProgressListener,
): Promise<RestoreOutcome> {
  const identity = await fileIdentity(args.file);
  const source = await backupSource(args);
  // The verify pass: nothing is written from a file that is not whole and intact.
  const preview = await previewTransfer(source, deps.db, 'verify', onProgress).catch(asDomainError);
  await assertNoActiveJobs(deps.db, 'restaurar una copia');
  if ((await fileIdentity(args.file)) !== identity)
    throw new DomainError(
      'backup_unreadable',
      'El archivo de la copia ha cambiado mientras se comprobaba: no se ha restaurado nada. Vuelve a intentarlo.',
    );
  // `exact` empties the database first: what it held is kept in a backup of its own beforehand.
  const holdsData = preview.collections.some(
    (row) => row.identical + row.different + row.only_in_database > 0,
  );
  const safety = args.rule === 'exact' && holdsData ? await deps.safetyBackup() : null;
  // The write pass reads the file again: one that changed or broke meanwhile leaves the database
  // part restored, and the coach is told so, with where its earlier state was saved.
  const partly = (why: string): DomainError =>
    new DomainError(
      'restore_incomplete',
      `${why} La base de datos puede haber quedado restaurada solo en parte: vuelve a restaurar${safety ? `, o restaura ${safety.file}, donde se guardó lo que tenía antes` : ''}.`,
    );
  const result = await applyTransfer(source, deps.db, {
    rule: args.rule,
    logger: deps.logger,
    operation: 'restore',
    ...(onProgress ? { onProgress } : {}),
  }).catch((error: unknown) => {
    if (error instanceof BackupFileError) throw partly(error.message);
    // `exact` emptied the database: whatever stopped the writes, the coach must know where its
    // earlier state is.
    if (safety)
      throw partly(
        `La restauración se interrumpió: ${error instanceof Error ? error.message : String(error)}.`,
      );
    return asDomainError(error);
  });
  if ((await fileIdentity(args.file)) !== identity)
    throw partly('El archivo de la copia ha cambiado mientras se restauraba.');
  if (args.apply_settings) {
    await deps.writeSettings({
      ...(await deps.readSettings()),
      ...portableSettings(preview.manifest.settings),
    });
  }
  deps.logger.info(
    {
      rule: args.rule,
      written: result.written,
      removed: result.removed,
      migrated_from: result.migrated_from,
      safety_backup: safety?.file ?? null,
    },
    'backup restored',
  );
  return { ...result, preview, safety_backup: safety?.file ?? null };
}

/** A backup file as a source of documents; its passphrase is checked before anything is read. */
async function backupSource(args: RestoreArgs): Promise<DocumentSource> {
  const opened = await openBackupFile(args.file, args.passphrase).catch(asDomainError);
  const manifest = await readManifest(opened.lines()).catch(asDomainError);
  return {
    manifest,
    encrypted: opened.encrypted,
    counts: null,
    batches: () => readBackupBody(opened.lines()),
  };
}
