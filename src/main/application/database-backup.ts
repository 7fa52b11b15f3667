import { basename } from 'node:path';
import type { Db } from 'mongodb';
import type { BackupManifest, BackupSummary } from '@shared/backup';
import { SettingsFileSchema, type SettingsFile } from '@shared/config';
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

/**
 * The settings a backup carries: the coach's way of working (brand, languages, models and prices,
 * look, how many automatic backups) — never a secret (API token, LLM key) nor anything tied to one
 * machine or database (folders, addresses, ports, allowed hosts, process sizes). An allowlist, so a
 * new setting travels only once someone decides it should.
 */
const PORTABLE_SETTINGS = [
  'llm_base_url',
  'llm_model',
  'agent_models',
  'prices',
  'language',
  'plan_language',
  'coach_name',
  'coach_contact',
  'coach_logo',
  'theme',
  'backup_keep',
] as const;

/** The portable settings of `settings` that this version accepts (a backup's may be from another version). */
export function portableSettings(settings: Readonly<Record<string, unknown>>): Partial<SettingsFile> {
  const shape = SettingsFileSchema.shape as Record<
    string,
    { safeParse(value: unknown): { success: boolean } }
  >;
  return Object.fromEntries(
    PORTABLE_SETTINGS.filter(
      (key) => settings[key] !== undefined && shape[key]?.safeParse(settings[key]).success === true,
    ).map((key) => [key, settings[key]]),
  ) as Partial<SettingsFile>;
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
