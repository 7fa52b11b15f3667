import { basename } from 'node:path';
import type { Db } from 'mongodb';
import type { BackupManifest, BackupSummary } from '@shared/backup';
import type { SettingsFile } from '@shared/config';
import { SETTINGS } from '@shared/settings-descriptor';
import { backupBodyLines } from '../db/backup/backup-body';
import { writeBackupFile } from '../db/backup/backup-file';
import { recordBackupRun } from '../db/backup/backup-runs';
import { BACKUP_COLLECTIONS, countDocuments, databaseBatches } from '../db/backup/database-documents';
import type { DatabaseMode } from '../db/connect';
import { SCHEMA_VERSION } from '../db/schema/schema-version';
import type { ProgressListener } from './document-transfer';

/*
 * A backup of the whole database the app uses (issue #18 point 1): every collection the app owns,
 * streamed into one file — documents are read, written and forgotten a batch at a time, so 50 000
 * jobs need no more memory than 500. One use case for Ajustes (IPC), HTTP `GET /admin/backup`,
 * `edn360 backup` and the daily automatic backup. docs/ARCHITECTURE.md "Backups".
 */

export interface BackupDeps {
  db: Db;
  mode: DatabaseMode;
  dbName: string;
  version: string;
  /** The settings file as it is now; secrets and this machine's own settings are left out. */
  readSettings: () => Promise<SettingsFile>;
  instanceName: string;
}

export interface BackupArgs {
  file: string;
  /** Encrypts the file (scrypt + AES-256-GCM) when given. */
  passphrase: string | null;
  kind: BackupManifest['kind'];
}

/** Settings that belong to this machine or this database, not to the coach's way of working. */
const MACHINE_SETTINGS = new Set([
  'data_dir',
  'mongo_url',
  'db_name',
  'api_host',
  'api_port',
  'instance_name',
]);

/** The settings a backup carries: no secret (API token, LLM key), nothing tied to this machine. */
export function portableSettings(settings: SettingsFile): Record<string, unknown> {
  const table = SETTINGS as Record<string, { secret?: true }>;
  return Object.fromEntries(
    Object.entries(settings).filter(([key]) => table[key]?.secret !== true && !MACHINE_SETTINGS.has(key)),
  );
}

export async function createBackup(
  deps: BackupDeps,
  args: BackupArgs,
  onProgress: ProgressListener = () => undefined,
  now = new Date(),
): Promise<BackupSummary> {
  const started = performance.now();
  const manifest: BackupManifest = {
    app_version: deps.version,
    schema_version: SCHEMA_VERSION,
    created_at: now.toISOString(),
    source: { mode: deps.mode, db_name: deps.dbName },
    collections: [...BACKUP_COLLECTIONS],
    settings: portableSettings(await deps.readSettings()),
    kind: args.kind,
  };
  const expected = await countDocuments(deps.db, BACKUP_COLLECTIONS);
  const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
  const counts: Record<string, number> = Object.fromEntries(BACKUP_COLLECTIONS.map((name) => [name, 0]));
  let done = 0;
  onProgress({ operation: 'backup', collection: null, done, total });
  async function* counted(): AsyncIterable<{ collection: string; docs: Array<Record<string, unknown>> }> {
    for await (const batch of databaseBatches(deps.db, BACKUP_COLLECTIONS)) {
      counts[batch.collection] = (counts[batch.collection] ?? 0) + batch.docs.length;
      done += batch.docs.length;
      onProgress({ operation: 'backup', collection: batch.collection, done, total: Math.max(total, done) });
      yield batch;
    }
  }
  const { bytes } = await writeBackupFile(args.file, backupBodyLines(manifest, counted()), args.passphrase);
  const summary: BackupSummary = {
    file: args.file,
    bytes,
    encrypted: args.passphrase !== null,
    manifest,
    counts,
    total_documents: done,
    duration_ms: Math.round(performance.now() - started),
  };
  await recordBackupRun(deps.db, {
    at: now,
    kind: args.kind,
    file_name: basename(args.file),
    bytes,
    documents: done,
    encrypted: summary.encrypted,
    instance: deps.instanceName,
  });
  return summary;
}
