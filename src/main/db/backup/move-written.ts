import { randomUUID } from 'node:crypto';
import type { Db, Document } from 'mongodb';
import type { DocumentBatch } from './backup-body';
import { documentHash, existingById, keyOf } from './database-documents';
import { ERASURES_COLLECTION } from '../repositories/client-data-repository';

/*
 * What a move wrote into the target, kept there until the move finishes. A move cut short leaves
 * copies in the target while the coach goes on working on the source; when it resumes, those copies
 * are brought up to date (edited since: replaced; erased or deleted since: removed) before the copy
 * goes on. Only what this move itself inserted (or replaced, under `replace`) is recorded, with a
 * fingerprint of the version written: the target's own documents are never touched, nor a copy that
 * someone at the target changed since. docs/ARCHITECTURE.md "Backups" (moving between databases).
 */
export const MOVE_WRITTEN_COLLECTION = 'move_written';

/** A lasting random id of a database, so two laptops' moves into one clinic never mix their records. */
const DATABASE_IDENTITY_COLLECTION = 'database_identity';

interface WrittenRecord {
  _id: string;
  move: string;
  collection: string;
  ids: unknown[];
  hashes: string[];
}

/** This database's identity, created on first use (a restored copy gets its own). */
export async function databaseIdentity(db: Db): Promise<string> {
  const identities = db.collection<{ _id: string; id: string }>(DATABASE_IDENTITY_COLLECTION);
  await identities.updateOne({ _id: 'this' }, { $setOnInsert: { id: randomUUID() } }, { upsert: true });
  const found = await identities.findOne({ _id: 'this' });
  if (!found) throw new Error('database identity not stored');
  return found.id;
}

/** Records the documents of a batch the move wrote, each with the fingerprint of what was written. */
export async function recordWritten(
  target: Db,
  move: string,
  batch: DocumentBatch,
  written: readonly Document[],
): Promise<void> {
  const first = written[0];
  if (!first) return;
  // Keyed by the batch's first written `_id`: a batch written again after a cut overwrites its record.
  await target.collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION).replaceOne(
    { _id: `${move}|${batch.collection}|${keyOf(first['_id'])}` },
    {
      move,
      collection: batch.collection,
      ids: written.map((doc) => doc['_id'] as unknown),
      hashes: written.map(documentHash),
    },
    { upsert: true },
  );
}

export interface RefreshOutcome {
  replaced: Record<string, number>;
  removed: Record<string, number>;
}

/**
 * Brings the copies an earlier, cut-short pass of this move wrote up to date with the source: a
 * copy still as written is replaced by the source's newer version, or removed when the source no
 * longer has the document; a copy changed at the target since is left alone.
 */
export async function refreshWritten(source: Db, target: Db, move: string): Promise<RefreshOutcome> {
  const outcome: RefreshOutcome = { replaced: {}, removed: {} };
  const records = target
    .collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION)
    .find({ move }, { promoteValues: false });
  for await (const record of records) {
    // Erasure records are an audit trail: never removed or rewritten.
    if (record.collection === ERASURES_COLLECTION) continue;
    const probe: DocumentBatch = {
      collection: record.collection,
      docs: record.ids.map((_id) => ({ _id }) as Document),
    };
    const [now, copies] = await Promise.all([existingById(source, probe), existingById(target, probe)]);
    const collection = target.collection(record.collection);
    const gone: unknown[] = [];
    const still: { ids: unknown[]; hashes: string[] } = { ids: [], hashes: [] };
    let replaced = 0;
    for (const [i, id] of record.ids.entries()) {
      const hash = record.hashes[i] ?? '';
      const copy = copies.get(keyOf(id));
      // Gone from the target, or changed there since: theirs now, not the move's.
      if (!copy || documentHash(copy) !== hash) continue;
      const current = now.get(keyOf(id));
      if (!current) {
        gone.push(id);
        continue;
      }
      const currentHash = documentHash(current);
      if (currentHash !== hash) {
        await collection.replaceOne({ _id: id } as Document, current);
        replaced += 1;
      }
      still.ids.push(id);
      still.hashes.push(currentHash);
    }
    if (gone.length > 0) await collection.deleteMany({ _id: { $in: gone } } as Document);
    // The record keeps what is still the move's copy, as it now is.
    await target
      .collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION)
      .updateOne({ _id: record._id }, { $set: still });
    add(outcome.removed, record.collection, gone.length);
    add(outcome.replaced, record.collection, replaced);
  }
  return outcome;
}

function add(counts: Record<string, number>, collection: string, n: number): void {
  if (n > 0) counts[collection] = (counts[collection] ?? 0) + n;
}

/** How many distinct source documents the target holds as this move's copy, per collection. */
export async function countWritten(target: Db, move: string): Promise<Record<string, number>> {
  const ids = new Map<string, Set<string>>();
  const records = target
    .collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION)
    .find({ move }, { promoteValues: false });
  for await (const record of records) {
    const seen = ids.get(record.collection) ?? new Set<string>();
    for (const id of record.ids) seen.add(keyOf(id));
    ids.set(record.collection, seen);
  }
  return Object.fromEntries([...ids].map(([collection, seen]) => [collection, seen.size]));
}

export async function clearWritten(target: Db, move: string): Promise<void> {
  await target.collection(MOVE_WRITTEN_COLLECTION).deleteMany({ move });
}
