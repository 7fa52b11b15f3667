import type { Db } from 'mongodb';
import { ErasureRecordSchema, type ErasureRecord } from '@shared/client-erasure';
import { COLLECTIONS } from '../collections';
import { newId } from '../ids';
import { stamped } from '../schema/schema-version';

/** The anonymous record of each erasure: when, through which door, how many documents. */
export const ERASURES_COLLECTION = 'erasures';

/**
 * Every document the app keeps about one client, across collections, for erasure (issue #18
 * point 3). Derived documents go first and the client last, so an erasure cut short (a crash, the
 * database gone) is finished by running it again: the client is still there to be named.
 */
export class ClientDataRepository {
  constructor(private readonly db: Db) {}

  /** Jobs of the client still queued or running (an erasure waits for them). */
  async activeJobCount(userId: string): Promise<number> {
    return this.db
      .collection(COLLECTIONS.jobs)
      .countDocuments({ user_id: userId, status: { $in: ['pending', 'running'] } });
  }

  /** Removes everything with the client's id, and what hangs from their jobs; counts per collection. */
  async eraseAll(userId: string): Promise<Record<string, number>> {
    const jobIds = (
      await this.db
        .collection(COLLECTIONS.jobs)
        .find({ user_id: userId }, { projection: { _id: 1 } })
        .toArray()
    ).map(({ _id }) => _id);
    const counts: Record<string, number> = {};
    const remove = async (collection: string, filter: Record<string, unknown>): Promise<void> => {
      const { deletedCount } = await this.db.collection(collection).deleteMany(filter);
      counts[collection] = (counts[collection] ?? 0) + deletedCount;
    };
    // Checkpoints hang from jobs (they carry no user id): before the jobs that name them.
    await remove(COLLECTIONS.steps, { job_id: { $in: jobIds } });
    await remove(COLLECTIONS.planVersions, { user_id: userId });
    await remove(COLLECTIONS.trainingPlans, { user_id: userId });
    await remove(COLLECTIONS.nutritionPlans, { user_id: userId });
    await remove(COLLECTIONS.submissions, { user_id: userId });
    await remove(COLLECTIONS.jobs, { user_id: userId });
    await remove(COLLECTIONS.users, { _id: userId });
    return counts;
  }

  async recordErasure(
    via: ErasureRecord['via'],
    documents: Record<string, number>,
    at = new Date(),
  ): Promise<ErasureRecord> {
    const record = ErasureRecordSchema.parse({
      _id: newId(),
      erased_at: at,
      via,
      documents,
      total: Object.values(documents).reduce((sum, n) => sum + n, 0),
    });
    await this.db.collection<ErasureRecord>(ERASURES_COLLECTION).insertOne(stamped(record));
    return record;
  }
}
