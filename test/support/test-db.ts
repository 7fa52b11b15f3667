import { randomBytes } from 'node:crypto';
import { MongoClient, type Db, type Document } from 'mongodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { BACKUP_COLLECTIONS } from '../../src/main/db/backup/database-documents';
import { COLLECTIONS } from '../../src/main/db/collections';
import { ensureIndexes } from '../../src/main/db/indexes';

export interface TestDatabase {
  readonly client: MongoClient;
  readonly db: Db;
  readonly uri: string;
  readonly backend: string;
  readonly dbName: string;
}

/**
 * Gives the calling test file its own database (unique name) on the run's backend, with the app's
 * indexes, and removes its data afterwards. Use once per file, at the top level.
 */
export function useTestDatabase(): TestDatabase {
  const state: Partial<TestDatabase> = {};
  const dbName = `edn_test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    const uri = inject('mongoUri');
    const client = await MongoClient.connect(uri);
    const db = client.db(dbName);
    await ensureIndexes(db);
    Object.assign(state, { client, db, uri, backend: inject('mongoBackend'), dbName });
  });
  afterAll(async () => {
    if (!state.client || !state.db) return;
    try {
      await state.db.dropDatabase();
    } catch {
      // jongodb has no dropDatabase: empty the collections instead so memory does not grow over a run.
      for (const name of Object.values(COLLECTIONS)) await state.db.collection(name).deleteMany({});
    }
    await state.client.close();
  });
  return new Proxy(state as TestDatabase, {
    get(target, prop: keyof TestDatabase) {
      const value = target[prop];
      if (value === undefined) throw new Error(`useTestDatabase().${String(prop)} read before beforeAll ran`);
      return value;
    },
  });
}

/** Clears every app collection: for tests in one file that need a clean slate. */
export async function clearCollections(db: Db): Promise<void> {
  for (const name of Object.values(COLLECTIONS)) await db.collection(name).deleteMany({});
}

/**
 * The test server's address without a database name: a move's target names its database separately
 * (an address that names another one is refused, as the app would read that one).
 */
export function serverAddress(uri: string): string {
  const url = new URL(uri);
  url.pathname = '/';
  return url.toString();
}

/** Every document of every collection a backup carries, in `_id` order: what a round trip must keep. */
export async function allDocuments(db: Db): Promise<Record<string, Document[]>> {
  const all: Record<string, Document[]> = {};
  for (const name of BACKUP_COLLECTIONS)
    all[name] = await db
      .collection(name)
      .find({}, { sort: { _id: 1 } })
      .toArray();
  return all;
}
