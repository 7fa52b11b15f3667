import type { Db } from 'mongodb';
import type { ConflictRule, TransferPreview, TransferResult } from '@shared/backup';
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

export async function restoreBackup(
  deps: RestoreDeps,
  args: RestoreApplyArgs,
  onProgress?: ProgressListener,
): Promise<TransferResult & { preview: TransferPreview }> {
  const source = await backupSource(args);
  // The verify pass: nothing is written from a file that is not whole and intact.
  const preview = await previewTransfer(source, deps.db, 'verify', onProgress).catch(asDomainError);
  await assertNoActiveJobs(deps.db, 'restaurar una copia');
  const result = await applyTransfer(source, deps.db, {
    rule: args.rule,
    logger: deps.logger,
    operation: 'restore',
    ...(onProgress ? { onProgress } : {}),
  }).catch(asDomainError);
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
    },
    'backup restored',
  );
  return { ...result, preview };
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
