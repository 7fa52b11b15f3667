import type { Db } from 'mongodb';
import type { ConflictRule, MoveArgs, MoveOutcome, TransferPreview, TransferResult } from '@shared/backup';
import type { SettingsFile } from '@shared/config';
import type { DocumentBatch } from '../db/backup/backup-body';
import { redactMongoUrl } from '../db/errors';
import {
  clearMoveProgress,
  readMoveProgress,
  saveMoveProgress,
  type MoveProgress,
} from '../db/backup/move-progress';
import { SCHEMA_VERSION } from '../db/schema/schema-version';
import type { Logger } from '../log/logger';
import {
  applyTransfer,
  assertNoActiveJobs,
  previewTransfer,
  type DocumentSource,
  type ProgressListener,
} from './document-transfer';
import { DomainError, fieldError } from './domain-error';
import { dbNameFromMongoUrl, effectiveSettings, readEnvSettings } from '../config/load-config';
import { rawEnvValue } from '@shared/settings-descriptor';
import { BACKUP_COLLECTIONS, collectionBatches, countDocuments } from '../db/backup/database-documents';
import {
  clearWritten,
  countWritten,
  databaseIdentity,
  recordWritten,
  refreshWritten,
} from '../db/backup/move-written';

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
  /** Documents per batch (tests use small batches to cut a move inside a collection). */
  batchSize?: number;
  /** The process environment: EDN_MONGO_URL / EDN_DB_NAME win over the settings file. */
  env: Readonly<Record<string, string | undefined>>;
  /** This host reopens itself on the target once the setting is switched (the desktop app). */
  reopensOnSwitch: boolean;
}

export interface MoveResult extends TransferResult {
  resumed: boolean;
  switched: boolean;
  env_overrides: string[];
  restart_required: boolean;
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

/**
 * The source's documents, from where a previous move of the same rule stopped: the collections it
 * finished are skipped and the one it was in resumes after its last `_id`. `from` null: all of them.
 */
function batchesFrom(deps: MoveDeps, from: MoveProgress | null) {
  return async function* (): AsyncIterable<DocumentBatch> {
    const start = from ? Math.max(0, BACKUP_COLLECTIONS.indexOf(from.collection)) : 0;
    for (const [index, collection] of BACKUP_COLLECTIONS.entries()) {
      if (index < start) continue;
      yield* collectionBatches(deps.source.db, collection, {
        ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
        ...(index === start && from ? { afterId: from.last_id } : {}),
      });
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
  // Per source database (not per name: every laptop's embedded database is called edn360).
  const key = `${deps.source.mode}:${deps.source.dbName}:${await databaseIdentity(deps.source.db)}`;
  const stored = await readMoveProgress(deps.target.db, key);
  // Another rule (what was kept might now be replaced) or a point this version does not know: start over.
  const previous =
    stored?.rule === args.rule && BACKUP_COLLECTIONS.includes(stored.collection) ? stored : null;
  // Copies an earlier, cut-short pass wrote while the coach went on working: brought up to date first.
  const refreshed = await refreshWritten(deps.source.db, deps.target.db, key);
  const copy = (from: MoveProgress | null) =>
    applyTransfer(source, deps.target.db, {
      rule: args.rule,
      logger: deps.logger,
      operation: 'move',
      ...(onProgress ? { onProgress } : {}),
      batches: batchesFrom(deps, from),
      afterBatch: async (batch, outcome) => {
        const last = batch.docs.at(-1);
        if (!last) return;
        // What was written is recorded before the point is moved past it: a cut between the two
        // writes the batch again.
        await recordWritten(deps.target.db, key, batch, outcome.writtenDocs);
        await saveMoveProgress(deps.target.db, key, {
          rule: args.rule,
          collection: batch.collection,
          last_id: last['_id'],
        });
      },
    });
  let result = await copy(previous);
  // A resumed pass cannot see documents added meanwhile before the point it resumed from, nor `_id`s
  // of another type (`$gt` compares within one BSON type): one full pass (idempotent) finds them.
  if (previous && (await missingInTarget(deps))) result = addPasses(result, await copy(null));
  const missing = await missingInTarget(deps);
  if (missing) {
    // Next time starts from the beginning rather than from a point that cannot finish the copy.
    await clearMoveProgress(deps.target.db, key);
    throw new DomainError(
      'move_target_invalid',
      `Faltan ${missing.count} documentos de «${missing.collection}» en el destino tras la copia: no se ha cambiado la base de datos de la app. Vuelve a intentarlo.`,
    );
  }
  // Kept: the source's documents the target already held, left in its own version (as a restore counts them).
  const ours = await countWritten(deps.target.db, key);
  result = {
    ...result,
    written: sumCounts(result.written, refreshed.replaced),
    removed: sumCounts(result.removed, refreshed.removed),
    kept: Object.fromEntries(
      Object.entries(source.counts).map(([name, n]) => [name, Math.max(0, n - (ours[name] ?? 0))]),
    ),
  };
  await clearMoveProgress(deps.target.db, key);
  await clearWritten(deps.target.db, key);
  const settings = await deps.readSettings();
  const next: SettingsFile = { ...settings, db_name: deps.target.dbName };
  if (deps.target.url) next.mongo_url = deps.target.url;
  else delete next.mongo_url;
  const switchTo = databaseAfterSwitch(deps, next);
  // Written unless, with the environment as it is, it would send the app to a third database; where
  // the environment keeps the app on the source, it takes effect once the variables are removed.
  if (switchTo.lands !== 'elsewhere') await deps.writeSettings(next);
  const switched = switchTo.lands === 'target';
  deps.logger.info(
    {
      target: describe(deps.target),
      written: result.written,
      resumed: previous !== null,
      envOverrides: switchTo.envOverrides,
    },
    switched
      ? 'database moved; setting switched'
      : switchTo.lands === 'source'
        ? 'database moved; the environment keeps the app on the source until it changes'
        : 'database moved; setting not written: with this environment it would open a third database',
  );
  return {
    ...result,
    resumed: previous !== null,
    switched,
    env_overrides: switchTo.envOverrides,
    restart_required: switched && !deps.reopensOnSwitch,
    target: describe(deps.target),
  };
}

/**
 * Which database the app would open with these settings and this environment (load-config.ts
 * `effectiveSettings`): the target, still the source (an environment variable wins), or another one.
 */
function databaseAfterSwitch(
  deps: MoveDeps,
  next: SettingsFile,
): { lands: 'target' | 'source' | 'elsewhere'; envOverrides: string[] } {
  const envOverrides = (['mongo_url', 'db_name'] as const).flatMap(
    (id) => rawEnvValue(id, deps.env)?.name ?? [],
  );
  if (envOverrides.length === 0) return { lands: 'target', envOverrides };
  const { values } = effectiveSettings(readEnvSettings(deps.env), next);
  const at = { url: values.mongo_url ?? null, dbName: values.db_name };
  const is = (end: MoveEnd): boolean => (end.url ?? null) === at.url && end.dbName === at.dbName;
  return {
    lands: is(deps.target) ? 'target' : is(deps.source) ? 'source' : 'elsewhere',
    envOverrides,
  };
}

const sumCounts = (a: Record<string, number>, b: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.keys({ ...a, ...b }).map((name) => [name, (a[name] ?? 0) + (b[name] ?? 0)]));

function addPasses(first: TransferResult, second: TransferResult): TransferResult {
  return {
    ...second,
    written: sumCounts(first.written, second.written),
    duration_ms: first.duration_ms + second.duration_ms,
  };
}

/** The first collection with source documents the target lacks, or null when every one is there. */
async function missingInTarget(deps: MoveDeps): Promise<{ collection: string; count: number } | null> {
  for (const collection of BACKUP_COLLECTIONS) {
    const ids = deps.source.db.collection(collection).find({}, { projection: { _id: 1 }, batchSize: 1000 });
    let batch: unknown[] = [];
    let count = 0;
    const check = async (): Promise<void> => {
      const found = await deps.target.db
        .collection(collection)
        .countDocuments({ _id: { $in: batch } } as Record<string, unknown>);
      count += batch.length - found;
      batch = [];
    };
    for await (const { _id } of ids) {
      batch.push(_id);
      if (batch.length >= 1000) await check();
    }
    if (batch.length > 0) await check();
    if (count > 0) return { collection, count };
  }
  return null;
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
  // The app reads a database named in the address before `db_name` (load-config.ts `resolveDbName`):
  // copying into one and switching to the other would leave the data behind.
  const named = args.target.kind === 'server' ? dbNameFromMongoUrl(args.target.url) : null;
  if (args.target.kind === 'server' && named !== null && named !== args.target.db_name)
    throw new DomainError(
      'move_target_invalid',
      `target.db_name: la dirección ya nombra la base de datos «${named}»; escribe ese mismo nombre o quítalo de la dirección.`,
      [fieldError('target.db_name', 'mismatch', `la dirección nombra «${named}»`)],
    );
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
