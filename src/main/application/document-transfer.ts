import type { Db } from 'mongodb';
import type {
  BackupManifest,
  ConflictRule,
  TransferPreview,
  TransferProgress,
  TransferResult,
} from '@shared/backup';
import type { DocumentBatch } from '../db/backup/backup-body';
import {
  activeJobCount,
  BACKUP_COLLECTIONS,
  emptyCollections,
  finishTally,
  newPreviewTally,
  ruleFor,
  tallyBatch,
  writeBatch,
  type BatchOutcome,
} from '../db/backup/database-documents';
import { ERASURES_COLLECTION } from '../db/repositories/client-data-repository';
import { migrateDatabase } from '../db/schema/migrations';
import { assertSchemaSupported, SCHEMA_VERSION, SchemaVersionError } from '../db/schema/schema-version';
import type { Logger } from '../log/logger';
import { DomainError } from './domain-error';

/*
 * What a restore and a move between databases share (issue #18 points 2 and 4): documents come from
 * somewhere (a backup file, another database) and go into a target database under a conflict rule,
 * after a preview that says what will be added, replaced, kept or removed. docs/ARCHITECTURE.md "Backups".
 */

export type ProgressListener = (progress: TransferProgress) => void;

/** A source of documents that can be read more than once (a preview, then the copy). */
export interface DocumentSource {
  manifest: BackupManifest;
  encrypted: boolean;
  /** Documents per collection, when known before reading (a database; a file after its first read). */
  counts: Record<string, number> | null;
  batches(): AsyncIterable<DocumentBatch>;
}

/** Refuses what this app cannot read: a backup or database written by a newer version. */
export function assertReadableSchema(manifest: BackupManifest): void {
  try {
    assertSchemaSupported(manifest.schema_version);
  } catch (error) {
    if (error instanceof SchemaVersionError)
      throw new DomainError('backup_from_newer_version', error.message);
    throw error;
  }
}

export async function assertNoActiveJobs(target: Db, what: string): Promise<number> {
  const active = await activeJobCount(target);
  if (active > 0)
    throw new DomainError(
      'database_has_active_jobs',
      `Hay ${active} trabajo(s) en cola o en curso en la base de datos de destino: cancélalos o espera a que terminen antes de ${what}.`,
    );
  return active;
}

const totalOf = (counts: Record<string, number> | null): number =>
  counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 0;

/** Reads the whole source once against the target; a damaged backup fails here, before any write. */
export async function previewTransfer(
  source: DocumentSource,
  target: Db,
  operation: TransferProgress['operation'],
  onProgress: ProgressListener = () => undefined,
): Promise<TransferPreview> {
  assertReadableSchema(source.manifest);
  const tally = newPreviewTally(source.manifest.collections);
  const total = totalOf(source.counts);
  let done = 0;
  for await (const batch of source.batches()) {
    await tallyBatch(target, tally, batch);
    done += batch.docs.length;
    onProgress({ operation, collection: batch.collection, done, total: Math.max(total, done) });
  }
  const collections = await finishTally(target, tally);
  source.counts = Object.fromEntries(collections.map((row) => [row.collection, row.incoming]));
  return {
    manifest: source.manifest,
    encrypted: source.encrypted,
    needs_migration: source.manifest.schema_version < SCHEMA_VERSION,
    collections,
    active_jobs_in_target: await activeJobCount(target),
    // A client erased after the copy was taken comes back with it: the coach must know before.
    erasures_after_source: await target
      .collection(ERASURES_COLLECTION)
      .countDocuments({ erased_at: { $gt: new Date(source.manifest.created_at) } }),
  };
}

export interface ApplyTransferOptions {
  rule: ConflictRule;
  logger: Logger;
  onProgress?: ProgressListener;
  /** Called after each written batch (a move records where it got to and what it wrote). */
  afterBatch?: (batch: DocumentBatch, outcome: BatchOutcome) => Promise<void>;
  /** Skip what was already written (a resumed move): batches before it are not read again. */
  batches?: () => AsyncIterable<DocumentBatch>;
  operation: TransferProgress['operation'];
}

/** Writes the source into the target under the rule, then migrates what came from an older version. */
export async function applyTransfer(
  source: DocumentSource,
  target: Db,
  options: ApplyTransferOptions,
): Promise<TransferResult> {
  const started = performance.now();
  assertReadableSchema(source.manifest);
  const collections = source.manifest.collections.filter((name) => BACKUP_COLLECTIONS.includes(name));
  const removed: Record<string, number> = Object.fromEntries(collections.map((name) => [name, 0]));
  if (options.rule === 'exact') Object.assign(removed, await emptyCollections(target, collections));
  const written: Record<string, number> = Object.fromEntries(collections.map((name) => [name, 0]));
  const kept: Record<string, number> = Object.fromEntries(collections.map((name) => [name, 0]));
  const total = totalOf(source.counts);
  let done = 0;
  for await (const batch of (options.batches ?? (() => source.batches()))()) {
    if (!collections.includes(batch.collection)) continue;
    const outcome = await writeBatch(target, batch, ruleFor(batch.collection, options.rule));
    written[batch.collection] = (written[batch.collection] ?? 0) + outcome.written;
    kept[batch.collection] = (kept[batch.collection] ?? 0) + outcome.kept;
    await options.afterBatch?.(batch, outcome);
    done += batch.docs.length;
    options.onProgress?.({
      operation: options.operation,
      collection: batch.collection,
      done,
      total: Math.max(total, done),
    });
  }
  const migratedFrom =
    source.manifest.schema_version < SCHEMA_VERSION ? source.manifest.schema_version : null;
  // Older documents are brought to this version by the same migrations the app runs at start-up.
  await migrateDatabase(target, options.logger);
  return {
    rule: options.rule,
    written,
    kept,
    removed,
    migrated_from: migratedFrom,
    duration_ms: Math.round(performance.now() - started),
  };
}
