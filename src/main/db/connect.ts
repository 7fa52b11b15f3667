import { MongoClient, type Db } from 'mongodb';
import type { AppConfig } from '../config/load-config';
import type { Logger } from '../log/logger';
import { startEmbeddedMongo, type EmbeddedMongo } from './embedded-mongo';
import { DatabaseUnavailableError, redactMongoUrl } from './errors';
import { ensureIndexes } from './indexes';
import type { MongodSource } from './mongod-binary';
import { assertDatabaseSupported, migrateDatabase, type MigrationReport } from './schema/migrations';

export type DatabaseMode = 'configured' | 'embedded';

export interface DatabaseHandle {
  client: MongoClient;
  db: Db;
  mode: DatabaseMode;
  /** The connection string as given, credentials included: for the worker process only, never logged. */
  url: string;
  /** Credentials removed; safe to log and show. */
  displayUrl: string;
  mongodSource: MongodSource | null;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  config: Pick<AppConfig, 'mongoUrl' | 'dbName' | 'dataDir' | 'resourcesDir' | 'packaged'>;
  logger: Logger;
  repoResourcesDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  serverSelectionTimeoutMS?: number;
}

export async function connectClient(url: string, serverSelectionTimeoutMS = 10_000): Promise<MongoClient> {
  // A timeout written in the URL (an admin's choice) wins over our default.
  const urlHasTimeout = /[?&]serverSelectionTimeoutMS=/i.test(url);
  const client = new MongoClient(url, {
    appName: 'edn360',
    ...(urlHasTimeout ? {} : { serverSelectionTimeoutMS }),
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return client;
  } catch (error) {
    await client.close().catch(() => undefined);
    const cause = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `No se pudo conectar a MongoDB en ${redactMongoUrl(url)}: ${cause}. Comprueba la dirección (EDN_MONGO_URL o Ajustes), la red y que el servidor esté en marcha.`,
      { cause: error },
    );
  }
}

/**
 * What every host does to a database before using it: refuse one a newer app already uses (reads
 * only, before any write), create the indexes, bring every document to SCHEMA_VERSION
 * (docs/ARCHITECTURE.md "Schema versions and migrations"). Idempotent; safe with several instances.
 */
export async function prepareDatabase(db: Db, logger: Logger): Promise<MigrationReport> {
  await assertDatabaseSupported(db);
  await ensureIndexes(db);
  return migrateDatabase(db, logger);
}

/** docs/ARCHITECTURE.md "Processes": a configured URL (a clinic's shared server) or, by default, the embedded mongod. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { config, logger } = options;
  let embedded: EmbeddedMongo | null = null;
  let url: string;
  if (config.mongoUrl) {
    url = config.mongoUrl;
  } else {
    embedded = await startEmbeddedMongo({
      dataDir: config.dataDir,
      resourcesDir: config.resourcesDir,
      repoResourcesDir: options.repoResourcesDir,
      env: options.env ?? process.env,
      logger,
      packaged: config.packaged === true,
    });
    url = embedded.uri;
  }
  let client: MongoClient;
  try {
    client = await connectClient(url, options.serverSelectionTimeoutMS);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const db = client.db(config.dbName);
  try {
    await prepareDatabase(db, logger);
  } catch (error) {
    await client.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const mode: DatabaseMode = embedded ? 'embedded' : 'configured';
  logger.info({ mode, url: redactMongoUrl(url), db: config.dbName }, 'database ready');
  return {
    client,
    db,
    mode,
    url,
    displayUrl: redactMongoUrl(url),
    mongodSource: embedded?.source ?? null,
    close: async () => {
      await client.close();
      await embedded?.stop();
    },
  };
}

export interface DatabaseHealth {
  ok: boolean;
  mode: DatabaseMode;
  latency_ms: number | null;
  error: string | null;
}

export async function checkDatabaseHealth(handle: DatabaseHandle): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await handle.db.command({ ping: 1 });
    return {
      ok: true,
      mode: handle.mode,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      error: null,
    };
  } catch (error) {
    return {
      ok: false,
      mode: handle.mode,
      latency_ms: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
