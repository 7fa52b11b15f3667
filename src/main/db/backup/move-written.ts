import type { Db, Document } from 'mongodb';
import type { DocumentBatch } from './backup-body';
import { existingById, keyOf, sameDocument } from './database-documents';
import { ERASURES_COLLECTION } from '../repositories/client-data-repository';

/*
 * What a move wrote into the target, kept there until the move finishes. A move cut short leaves
 * copies in the target while the coach goes on working on the source; when it resumes, those copies
 * are brought up to date (edited since: replaced; erased or deleted since: removed) before the copy
 * goes on. The target's own documents that `keep` left alone are not recorded, so they stay.
 * docs/ARCHITECTURE.md "Backups" (moving between databases).
 */
export const MOVE_WRITTEN_COLLECTION = 'move_written';

interface WrittenRecord {
  _id: string;
  move: string;
  collection: string;
  ids: unknown[];
}

/** Records the batch's `_id`s the target now holds as the source's copy. */
export async function recordWritten(
  target: Db,
  move: string,
  batch: DocumentBatch,
  keptDifferent: readonly unknown[],
): Promise<void> {
  const theirs = new Set(keptDifferent.map(keyOf));
  const ids = batch.docs.map((doc) => doc['_id'] as unknown).filter((id) => !theirs.has(keyOf(id)));
  if (ids.length === 0) return;
  // Keyed by the batch's first `_id`: a batch written again after a cut overwrites its record.
  await target
    .collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION)
    .replaceOne(
      { _id: `${move}|${batch.collection}|${String(keyOf(ids[0]))}` },
      { move, collection: batch.collection, ids },
      { upsert: true },
    );
}

export interface RefreshOutcome {
  replaced: Record<string, number>;
  removed: Record<string, number>;
}

/** Brings the copies an earlier, cut-short pass of this move wrote up to date with the source. */
export async function refreshWritten(source: Db, target: Db, move: string): Promise<RefreshOutcome> {
  const outcome: RefreshOutcome = { replaced: {}, removed: {} };
  const records = target.collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION).find({ move });
  for await (const record of records) {
    // Erasure records are an audit trail: never removed or rewritten.
    if (record.collection === ERASURES_COLLECTION) continue;
    const probe: DocumentBatch = {
      collection: record.collection,
      docs: record.ids.map((_id) => ({ _id }) as Document),
    };
    const [now, copies] = await Promise.all([existingById(source, probe), existingById(target, probe)]);
    const collection = target.collection(record.collection);
    const gone = record.ids.filter((id) => !now.has(keyOf(id)) && copies.has(keyOf(id)));
    const stale = [...now.values()].filter((doc) => {
      const copy = copies.get(keyOf(doc['_id']));
      return !copy || !sameDocument(copy, doc);
    });
    if (gone.length > 0) await collection.deleteMany({ _id: { $in: gone } } as Document);
    for (const doc of stale) await collection.replaceOne({ _id: doc['_id'] }, doc, { upsert: true });
    add(outcome.removed, record.collection, gone.length);
    add(outcome.replaced, record.collection, stale.length);
  }
  return outcome;
}

function add(counts: Record<string, number>, collection: string, n: number): void {
  if (n > 0) counts[collection] = (counts[collection] ?? 0) + n;
}

/** How many distinct source documents the target holds as this move's copy, per collection. */
export async function countWritten(target: Db, move: string): Promise<Record<string, number>> {
  const ids = new Map<string, Set<unknown>>();
  for await (const record of target.collection<WrittenRecord>(MOVE_WRITTEN_COLLECTION).find({ move })) {
    const seen = ids.get(record.collection) ?? new Set<unknown>();
    for (const id of record.ids) seen.add(keyOf(id));
    ids.set(record.collection, seen);
  }
  return Object.fromEntries([...ids].map(([collection, seen]) => [collection, seen.size]));
}

export async function clearWritten(target: Db, move: string): Promise<void> {
  await target.collection(MOVE_WRITTEN_COLLECTION).deleteMany({ move });
}
