import type { Db } from 'mongodb';
import type { ConflictRule, MoveArgs, MoveOutcome, TransferPreview, TransferResult } from '@shared/backup';
import type { SettingsFile } from '@shared/config';
import type { DocumentBatch } from '../db/backup/backup-body';
import { redactMongoUrl } from '../db/errors';
import { clearMoveProgress, readMoveProgress, saveMoveProgress } from '../db/backup/move-progress';
import { SCHEMA_VERSION } from '../db/schema/schema-version';
import type { Logger } from '../log/logger';
import {
  applyTransfer,
  assertNoActiveJobs,
  previewTransfer,
  type DocumentSource,
  type ProgressListener,
} from './document-transfer';
import { DomainError } from './domain-error';
import { BACKUP_COLLECTIONS, collectionBatches, countDocuments } from '../db/backup/database-documents';

/*
 * Moving the app's data between databases (issue #18 point 4): from a laptop's embedded database to
 * the clinic's server, or back. A dry run first (what would be added, replaced, kept), then the copy
 * — collection by collection in `_id` order, its progress saved in the target after every batch so
 * an interrupted move resumes where it stopped — then the app's setting is switched to the target,
 * to take effect at the next start. docs/ARCHITECTURE.md "Backups".
 */

export interface MoveEnd {
  db: Db;
  /** The connection string the app would use; null: the embedded database of this computer. */
  url: string | null;
  dbName: string;
}

export interface MoveDeps {
  source: MoveEnd & { mode: 'embedded' | 'configured' };
  target: MoveEnd;
  version: string;
  logger: Logger;
  readSettings: () => Promise<SettingsFile>;
  writeSettings: (settings: SettingsFile) => Promise<void>;
}

export interface MoveResult extends TransferResult {
  resumed: boolean;
  /** The setting now points at the target: the app uses it from its next start. */
  switched: boolean;
  target: string;
}

function describe(end: MoveEnd): string {
  return end.url
    ? `${redactMongoUrl(end.url)} (${end.dbName})`
    : `la base de datos integrada (${end.dbName})`;
}

function sourceOf(deps: MoveDeps): DocumentSource {
  return {
    manifest: {
      app_version: deps.version,
      schema_version: SCHEMA_VERSION,
      created_at: new Date().toISOString(),
      source: { mode: deps.source.mode, db_name: deps.source.dbName },
      collections: [...BACKUP_COLLECTIONS],
      settings: {},
      kind: 'manual',
    },
    encrypted: false,
    counts: null,
    batches: async function* () {
      for (const collection of BACKUP_COLLECTIONS) yield* collectionBatches(deps.source.db, collection);
    },
  };
}

function assertDifferentEnds(deps: MoveDeps): void {
  if (deps.source.url === deps.target.url && deps.source.dbName === deps.target.dbName)
    throw new DomainError(
      'move_target_invalid',
      `El destino es la misma base de datos que usa la app ahora (${describe(deps.target)}): elige otra.`,
    );
}

/** The dry run: reads every document of the source against the target; writes nothing. */
export async function previewMove(deps: MoveDeps, onProgress?: ProgressListener): Promise<TransferPreview> {
  assertDifferentEnds(deps);
  const source = sourceOf(deps);
  source.counts = await countDocuments(deps.source.db, BACKUP_COLLECTIONS);
  return previewTransfer(source, deps.target.db, 'preview', onProgress);
}

/** Where this source's documents go, with the collections and `_id`s a previous move already copied skipped. */
function resumedBatches(deps: MoveDeps, from: { collection: string; last_id: unknown } | null) {
  return async function* (): AsyncIterable<DocumentBatch> {
    const start = from ? BACKUP_COLLECTIONS.indexOf(from.collection) : 0;
    for (const [index, collection] of BACKUP_COLLECTIONS.entries()) {
      if (index < start) continue;
      yield* collectionBatches(
        deps.source.db,
        collection,
        index === start && from ? { afterId: from.last_id } : {},
      );
    }
  };
}

export async function moveDatabase(
  deps: MoveDeps,
  args: { rule: Exclude<ConflictRule, 'exact'> },
  onProgress?: ProgressListener,
): Promise<MoveResult> {
  assertDifferentEnds(deps);
  // Jobs would go on writing to the source after their documents were copied.
  await assertNoActiveJobs(deps.source.db, 'mover los datos');
  await assertNoActiveJobs(deps.target.db, 'mover los datos');
  const source = sourceOf(deps);
  source.counts = await countDocuments(deps.source.db, BACKUP_COLLECTIONS);
  const key = `${deps.source.mode}:${deps.source.dbName}`;
  const previous = await readMoveProgress(deps.target.db, key);
  const result = await applyTransfer(source, deps.target.db, {
    rule: args.rule,
    logger: deps.logger,
    operation: 'move',
    ...(onProgress ? { onProgress } : {}),
    batches: resumedBatches(deps, previous),
    afterBatch: async (batch) => {
      const last = batch.docs.at(-1);
      if (last) await saveMoveProgress(deps.target.db, key, batch.collection, last['_id']);
    },
  });
  await assertCopied(deps);
  await clearMoveProgress(deps.target.db, key);
  const settings = await deps.readSettings();
  const next: SettingsFile = { ...settings, db_name: deps.target.dbName };
  if (deps.target.url) next.mongo_url = deps.target.url;
  else delete next.mongo_url;
  await deps.writeSettings(next);
  deps.logger.info(
    { target: describe(deps.target), written: result.written, resumed: previous !== null },
    'database moved; setting switched',
  );
  return { ...result, resumed: previous !== null, switched: true, target: describe(deps.target) };
}

/** Every source document is in the target before the setting is switched. */
async function assertCopied(deps: MoveDeps): Promise<void> {
  for (const collection of BACKUP_COLLECTIONS) {
    const ids = deps.source.db.collection(collection).find({}, { projection: { _id: 1 }, batchSize: 1000 });
    let batch: unknown[] = [];
    const check = async (): Promise<void> => {
      const found = await deps.target.db
        .collection(collection)
        .countDocuments({ _id: { $in: batch } } as Record<string, unknown>);
      if (found !== batch.length)
        throw new DomainError(
          'move_target_invalid',
          `Faltan ${batch.length - found} documentos de «${collection}» en el destino tras la copia: no se ha cambiado la base de datos de la app. Vuelve a intentarlo.`,
        );
      batch = [];
    };
    for await (const { _id } of ids) {
      batch.push(_id);
      if (batch.length >= 1000) await check();
    }
    if (batch.length > 0) await check();
  }
}

export interface MoveRequestDeps extends Omit<MoveDeps, 'target'> {
  /** Opens the target (db/move-target.ts): a server by address, or the embedded database. */
  openTarget: (target: MoveArgs['target']) => Promise<MoveEnd & { close(): Promise<void> }>;
}

/** The one use case behind every door: a dry run or the move itself, the target opened and closed here. */
export async function requestMove(
  deps: MoveRequestDeps,
  args: MoveArgs,
  onProgress?: ProgressListener,
): Promise<MoveOutcome> {
  if (args.target.kind === 'embedded' && deps.source.mode === 'embedded')
    throw new DomainError('move_target_invalid', 'La app ya usa la base de datos integrada de este equipo.');
  const target = await deps.openTarget(args.target).catch((error: unknown) => {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'move_target_invalid',
      `No se pudo abrir la base de datos de destino: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  try {
    const full: MoveDeps = { ...deps, target };
    if (args.dry_run)
      return { dry_run: true, target: describe(target), preview: await previewMove(full, onProgress) };
    const { target: described, ...result } = await moveDatabase(full, { rule: args.rule }, onProgress);
    return { dry_run: false, target: described, result };
  } finally {
    await target.close().catch(() => undefined);
  }
}
