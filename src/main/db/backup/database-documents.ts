import { createHash } from 'node:crypto';
import {
  Double,
  Int32,
  Long,
  MongoBulkWriteError,
  type AnyBulkWriteOperation,
  type Db,
  type Document,
} from 'mongodb';
import { isDuplicateKeyError } from '../repositories/duplicate-key';
import type { CollectionPreview, ConflictRule } from '@shared/backup';
import { COLLECTIONS } from '../collections';
import { ERASURES_COLLECTION } from '../repositories/client-data-repository';
import { MIGRATED_COLLECTIONS } from '../schema/migrations';
import { documentText, type DocumentBatch } from './backup-body';

/*
 * The app's collections as sources and targets of documents: read in `_id` order (so a copy can
 * resume after the last `_id` it wrote), compared with what a database already holds, written
 * under a conflict rule. Shared by backup, restore and the move between databases.
 */

/**
 * What a backup carries: every collection the app owns — the same list the migrations bring up to
 * date (not: the migrations log, the backups log, test-only recordings).
 */
export const BACKUP_COLLECTIONS: readonly string[] = MIGRATED_COLLECTIONS;

const DEFAULT_BATCH = 500;

export async function countDocuments(
  db: Db,
  collections: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of collections) counts[name] = await db.collection(name).countDocuments({});
  return counts;
}

/** One collection's documents in `_id` order, `batchSize` at a time, after `afterId` when resuming. */
export async function* collectionBatches(
  db: Db,
  collection: string,
  options: { batchSize?: number; afterId?: unknown } = {},
): AsyncIterable<DocumentBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const filter: Document = options.afterId === undefined ? {} : { _id: { $gt: options.afterId } };
  // Numbers keep their BSON type (a double 70.0 stays a double, not an int): the copy is exact.
  const cursor = db
    .collection(collection)
    .find(filter, { sort: { _id: 1 }, batchSize, promoteValues: false });
  let docs: Document[] = [];
  try {
    for await (const doc of cursor) {
      docs.push(doc);
      if (docs.length >= batchSize) {
        yield { collection, docs };
        docs = [];
      }
    }
    if (docs.length > 0) yield { collection, docs };
  } finally {
    await cursor.close();
  }
}

/** Every app collection of a database, one after another. */
export async function* databaseBatches(
  db: Db,
  collections: readonly string[],
  batchSize = DEFAULT_BATCH,
): AsyncIterable<DocumentBatch> {
  for (const collection of collections) yield* collectionBatches(db, collection, { batchSize });
}

export async function existingById(db: Db, batch: DocumentBatch): Promise<Map<unknown, Document>> {
  const ids = batch.docs.map((doc) => doc['_id'] as unknown);
  const found = await db
    .collection(batch.collection)
    .find({ _id: { $in: ids } } as Document, { promoteValues: false })
    .toArray();
  return new Map(found.map((doc) => [keyOf(doc['_id']), doc]));
}

/**
 * Map key for an `_id` of any BSON type, tagged by kind: the string "5" and the number 5 are two
 * documents, while 5 stored as an int and read back as a double are one (as MongoDB matches them).
 */
export function keyOf(id: unknown): string {
  if (typeof id === 'string') return `s:${id}`;
  if (typeof id === 'number') return `n:${id}`;
  if (id instanceof Int32 || id instanceof Double) return `n:${id.valueOf()}`;
  if (id instanceof Long) return `n:${id.toString()}`;
  return `j:${documentText({ id } as Document)}`;
}

/**
 * Same fields and values, whatever order the fields were written in (a server may reorder them on
 * update), compared as canonical EJSON so every BSON type counts.
 */
export function sameDocument(a: Document, b: Document): boolean {
  return canonicalText(a) === canonicalText(b);
}

/** A fingerprint of a document's content (as `sameDocument` compares it). */
export function documentHash(doc: Document): string {
  return createHash('sha256').update(canonicalText(doc)).digest('base64url');
}

function canonicalText(doc: Document): string {
  return documentText(sortedKeys(doc) as Document);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

export interface PreviewTally {
  byCollection: Map<string, CollectionPreview>;
}

export function newPreviewTally(collections: readonly string[]): PreviewTally {
  return {
    byCollection: new Map(
      collections.map((collection) => [
        collection,
        { collection, incoming: 0, added: 0, identical: 0, different: 0, only_in_database: 0 },
      ]),
    ),
  };
}

/** Counts how one incoming batch compares with the target database. */
export async function tallyBatch(target: Db, tally: PreviewTally, batch: DocumentBatch): Promise<void> {
  const row = tally.byCollection.get(batch.collection);
  if (!row) return;
  const existing = await existingById(target, batch);
  for (const doc of batch.docs) {
    row.incoming += 1;
    const there = existing.get(keyOf(doc['_id']));
    if (!there) row.added += 1;
    else if (sameDocument(there, doc)) row.identical += 1;
    else row.different += 1;
  }
}

/** Closes the tally: what the target holds that the source does not. */
export async function finishTally(target: Db, tally: PreviewTally): Promise<CollectionPreview[]> {
  const rows: CollectionPreview[] = [];
  for (const row of tally.byCollection.values()) {
    const inTarget = await target.collection(row.collection).countDocuments({});
    rows.push({ ...row, only_in_database: Math.max(0, inTarget - row.identical - row.different) });
  }
  return rows;
}

export interface BatchOutcome {
  written: number;
  kept: number;
  /** The documents this batch put into the target (inserted, or replaced under `replace`). */
  writtenDocs: Document[];
}

/**
 * Writes one batch under the conflict rule. Idempotent: writing the same batch again changes
 * nothing, which is what makes an interrupted restore or move safe to run again.
 */
export async function writeBatch(
  target: Db,
  batch: DocumentBatch,
  rule: ConflictRule,
): Promise<BatchOutcome> {
  const collection = target.collection(batch.collection);
  // `keep` inserts and lets the unique `_id` refuse what is there (no lookup first: one round trip);
  // `exact` writes into collections it emptied, where that is the same, and far cheaper than upserts.
  if (rule === 'keep' || rule === 'exact') {
    if (batch.docs.length === 0) return { written: 0, kept: 0, writtenDocs: [] };
    return insertMissing(target, batch);
  }
  const operations: AnyBulkWriteOperation[] = batch.docs.map((doc) => ({
    replaceOne: { filter: { _id: doc['_id'] }, replacement: doc, upsert: true },
  }));
  if (operations.length > 0) await collection.bulkWrite(operations, { ordered: false });
  return { written: batch.docs.length, kept: 0, writtenDocs: batch.docs };
}

/**
 * The erasure records are an audit trail: never emptied, never replaced — a restore adds the
 * backup's to them (an older backup must not wipe the record of erasures made since).
 */
export function ruleFor(collection: string, rule: ConflictRule): ConflictRule {
  return collection === ERASURES_COLLECTION ? 'keep' : rule;
}

/**
 * Inserts the documents whose `_id` is not taken. The common case (a new or emptied collection) is
 * one `insertMany`; only a batch that meets existing documents looks them up, then inserts the rest.
 * Servers differ in whether an unordered insert goes on after a duplicate (MongoDB does, some stop),
 * so each attempt counts what the server says it inserted.
 */
async function insertMissing(target: Db, batch: DocumentBatch): Promise<BatchOutcome> {
  const collection = target.collection(batch.collection);
  const insertCounted = async (docs: Document[]): Promise<Document[]> => {
    try {
      await collection.insertMany(docs, { ordered: false });
      return docs;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return error instanceof MongoBulkWriteError ? insertedBefore(docs, error) : [];
    }
  };
  const first = await insertCounted(batch.docs);
  if (first.length === batch.docs.length) return { written: first.length, kept: 0, writtenDocs: first };
  // Some were taken (by the target's own documents, or another writer meanwhile — theirs stay,
  // as `keep` says): insert whatever is still missing.
  const existing = await existingById(target, batch);
  const missing = batch.docs.filter((doc) => !existing.has(keyOf(doc['_id'])));
  const writtenDocs = [...first, ...(missing.length === 0 ? [] : await insertCounted(missing))];
  return { written: writtenDocs.length, kept: batch.docs.length - writtenDocs.length, writtenDocs };
}

/**
 * Which documents an unordered insert that met duplicates did write: MongoDB goes on past them (all
 * but the refused ones), other servers stop at the first (those before it), as `insertedCount` tells.
 */
export function insertedBefore<T>(
  docs: readonly T[],
  error: Pick<MongoBulkWriteError, 'insertedCount'> & {
    writeErrors: { index: number } | ReadonlyArray<{ index: number }>;
  },
): T[] {
  const refused = new Set([error.writeErrors].flat().map((writeError) => writeError.index));
  if (error.insertedCount + refused.size === docs.length) return docs.filter((_, i) => !refused.has(i));
  return docs.slice(0, error.insertedCount);
}

/** `exact`: the target's app collections emptied before the copy (all but the erasure records). */
export async function emptyCollections(
  target: Db,
  collections: readonly string[],
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const name of collections)
    removed[name] =
      ruleFor(name, 'exact') === 'keep' ? 0 : (await target.collection(name).deleteMany({})).deletedCount;
  return removed;
}

export async function activeJobCount(db: Db): Promise<number> {
  return db.collection(COLLECTIONS.jobs).countDocuments({ status: { $in: ['pending', 'running'] } });
}
