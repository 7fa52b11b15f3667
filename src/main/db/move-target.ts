import type { MoveTarget } from '@shared/backup';
import type { Logger } from '../log/logger';
import { connectClient, prepareDatabase } from './connect';
import { startEmbeddedMongo } from './embedded-mongo';
import type { Db } from 'mongodb';

export interface OpenedMoveTarget {
  db: Db;
  /** The address the app's setting will hold; null for the embedded database. */
  url: string | null;
  dbName: string;
  close(): Promise<void>;
}

export interface MoveTargetOptions {
  dataDir: string;
  resourcesDir: string | null;
  repoResourcesDir: string;
  env: Readonly<Record<string, string | undefined>>;
  packaged: boolean;
  /** The database name the embedded database uses (the settings' `db_name`). */
  embeddedDbName: string;
  logger: Logger;
}

/**
 * Opens the other end of a move (issue #18 point 4): a server by its address, or this computer's
 * embedded database — started for the move when the app runs on a clinic's server — prepared as at
 * start-up (a newer database refused, indexes, migrations), so it is ready once the setting points at it.
 */
export async function openMoveTarget(
  target: MoveTarget,
  options: MoveTargetOptions,
): Promise<OpenedMoveTarget> {
  if (target.kind === 'server') {
    const client = await connectClient(target.url, 10_000);
    const db = client.db(target.db_name);
    // A database a newer app already uses is refused before anything is written; an older one migrated.
    await prepareDatabase(db, options.logger).catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
    return { db, url: target.url, dbName: target.db_name, close: () => client.close() };
  }
  const embedded = await startEmbeddedMongo({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    repoResourcesDir: options.repoResourcesDir,
    env: options.env,
    logger: options.logger,
    packaged: options.packaged,
  });
  try {
    const client = await connectClient(embedded.uri, 10_000);
    const db = client.db(options.embeddedDbName);
    await prepareDatabase(db, options.logger);
    return {
      db,
      url: null,
      dbName: options.embeddedDbName,
      close: async () => {
        await client.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
