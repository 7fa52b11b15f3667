import type { Db } from 'mongodb';

/**
 * How far a move between databases got, kept in the target after every batch: a move cut short (the
 * laptop closed, the network gone) resumes after the last `_id` it wrote instead of starting over.
 */
export const MOVE_PROGRESS_COLLECTION = 'move_progress';

interface MoveProgressDocument {
  _id: string;
  collection: string;
  last_id: unknown;
  updated_at: Date;
}

export async function readMoveProgress(
  db: Db,
  key: string,
): Promise<{ collection: string; last_id: unknown } | null> {
  const found = await db.collection<MoveProgressDocument>(MOVE_PROGRESS_COLLECTION).findOne({ _id: key });
  return found ? { collection: found.collection, last_id: found.last_id } : null;
}

export async function saveMoveProgress(
  db: Db,
  key: string,
  collection: string,
  lastId: unknown,
): Promise<void> {
  await db
    .collection<MoveProgressDocument>(MOVE_PROGRESS_COLLECTION)
    .replaceOne({ _id: key }, { collection, last_id: lastId, updated_at: new Date() }, { upsert: true });
}

export async function clearMoveProgress(db: Db, key: string): Promise<void> {
  await db.collection<MoveProgressDocument>(MOVE_PROGRESS_COLLECTION).deleteOne({ _id: key });
}
