import type { Db } from 'mongodb';

/**
 * How far a move between databases got, kept in the target after every batch: a move cut short (the
 * laptop closed, the network gone) resumes after the last `_id` it wrote instead of starting over.
 */
export const MOVE_PROGRESS_COLLECTION = 'move_progress';

export interface MoveProgress {
  /** A resumed move under another rule starts over: what was kept might now be replaced. */
  rule: string;
  collection: string;
  last_id: unknown;
}

interface MoveProgressDocument extends MoveProgress {
  _id: string;
  updated_at: Date;
}

export async function readMoveProgress(db: Db, key: string): Promise<MoveProgress | null> {
  const found = await db.collection<MoveProgressDocument>(MOVE_PROGRESS_COLLECTION).findOne({ _id: key });
  return found ? { rule: found.rule, collection: found.collection, last_id: found.last_id } : null;
}

export async function saveMoveProgress(db: Db, key: string, progress: MoveProgress): Promise<void> {
  await db
    .collection<MoveProgressDocument>(MOVE_PROGRESS_COLLECTION)
    .replaceOne({ _id: key }, { ...progress, updated_at: new Date() }, { upsert: true });
}

export async function clearMoveProgress(db: Db, key: string): Promise<void> {
  await db.collection<MoveProgressDocument>(MOVE_PROGRESS_COLLECTION).deleteOne({ _id: key });
}
