import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { MongoBinary, MongoMemoryServer } from 'mongodb-memory-server';
import type { Logger } from '../log/logger';
import {
  credentialsPath,
  loadOrCreateCredentials,
  withCredentials,
  writeCredentials,
  type EmbeddedCredentials,
} from './embedded-credentials';
import { DatabaseUnavailableError } from './errors';
import {
  dropMongomsEnv,
  mongodDownloadDir,
  mongodUnavailableMessage,
  resolveMongod,
  type MongodSource,
} from './mongod-binary';

export interface EmbeddedMongo {
  /** With the root account's credentials: for the app and its worker only, never logged as is. */
  uri: string;
  source: MongodSource;
  dbPath: string;
  stop(): Promise<void>;
}

export function embeddedDbPath(dataDir: string): string {
  return join(dataDir, 'db');
}

export interface StartEmbeddedOptions {
  dataDir: string;
  resourcesDir: string | null;
  repoResourcesDir: string;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  /**
   * An installed (packaged) Electron app: every `MONGOMS_*` variable is dropped from `process.env`
   * (mongodb-memory-server reads them there) and from `env`, with a warning naming them.
   */
  packaged?: boolean;
  /** Where `MONGOMS_*` are dropped from when packaged; `process.env` unless a test passes its own. */
  processEnv?: Record<string, string | undefined>;
}

type ServerOptions = NonNullable<Parameters<typeof MongoMemoryServer.create>[0]>;

/**
 * What mongodb-memory-server is given, as data (tested without a mongod): a persistent WiredTiger
 * dbPath on 127.0.0.1 and, with credentials, `--auth` plus the root account. `force: false`: the
 * library creates the account only on an empty dbPath (through mongod's localhost exception);
 * otherwise `provisionRootUser` has already made it.
 */
export function embeddedServerOptions(
  dbPath: string,
  binaryPath: string,
  credentials: Pick<EmbeddedCredentials, 'username' | 'password'> | null,
): ServerOptions {
  return {
    instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
    binary: { systemBinary: binaryPath },
    ...(credentials
      ? {
          auth: {
            enable: true,
            force: false,
            customRootName: credentials.username,
            customRootPwd: credentials.password,
          },
        }
      : {}),
  };
}

/**
 * A real mongod on 127.0.0.1 with a persistent WiredTiger `dbPath` in the data folder — not the
 * ephemeral in-memory default of mongodb-memory-server: a coach's clients must survive a restart.
 * It runs with authentication: the root account's password is in `mongod-credentials.json` (0600) in
 * the data folder, and `uri` carries it to the app and its worker process.
 */
export async function startEmbeddedMongo(options: StartEmbeddedOptions): Promise<EmbeddedMongo> {
  const dbPath = embeddedDbPath(options.dataDir);
  const downloadDir = mongodDownloadDir(options.dataDir);
  await mkdir(dbPath, { recursive: true, mode: 0o700 });
  // mongod itself creates its files 0600; the folder is closed to others too (an older version made it 0755).
  if (process.platform !== 'win32') await chmod(dbPath, 0o700);
  const packaged = options.packaged === true;
  if (packaged) {
    const dropped = dropMongomsEnv(options.processEnv ?? process.env);
    if (dropped.length > 0) {
      options.logger.warn({ ignored: dropped }, 'MONGOMS_* variables are ignored in the installed app');
    }
  }
  const resolved = await resolveMongod({
    env: options.env,
    resourcesDir: options.resourcesDir,
    repoResourcesDir: options.repoResourcesDir,
    downloadDir,
    packaged,
  });
  options.logger.info({ source: resolved.source, path: resolved.path, dbPath }, 'starting embedded mongod');
  const binaryPath = await obtainMongodBinary(resolved.path, downloadDir, options.dataDir, packaged);
  const loaded = await loadOrCreateCredentials(options.dataDir);
  if (loaded.tightened) {
    options.logger.warn(
      { file: credentialsPath(options.dataDir) },
      'credentials file was readable by others; set to 0600',
    );
  }
  let credentials = loaded.credentials;
  let server: MongoMemoryServer | null = null;
  let uri = '';
  // At most two rounds: the second only after the account was reset to the file's password.
  for (let round = 0; round < 2 && server === null; round++) {
    let started: MongoMemoryServer | null = null;
    try {
      if (!credentials.provisioned) {
        options.logger.info(
          { dbPath, user: credentials.username },
          'setting up the embedded database account',
        );
        await provisionRootUser(dbPath, binaryPath, credentials);
        credentials = { ...credentials, provisioned: true };
        await writeCredentials(options.dataDir, credentials);
      }
      started = await MongoMemoryServer.create(embeddedServerOptions(dbPath, binaryPath, credentials));
      uri = withCredentials(started.getUri(), credentials);
      if (await canAuthenticate(uri)) {
        server = started;
        started = null;
      } else {
        await started.stop({ doCleanup: false });
        started = null;
        if (round > 0) throw new Error('la cuenta de la base de datos integrada no acepta su contraseña');
        // The account does not match the file (a data folder restored from elsewhere): set it again.
        options.logger.warn(
          { file: credentialsPath(options.dataDir) },
          'the embedded database refused its credentials; resetting the account',
        );
        credentials = { ...credentials, provisioned: false };
        await writeCredentials(options.dataDir, credentials);
      }
    } catch (error) {
      await started?.stop({ doCleanup: false }).catch(() => undefined);
      throw new DatabaseUnavailableError(
        `No se pudo arrancar mongod (${binaryPath}) con los datos de ${dbPath}: ${summarizeError(error)}. ` +
          '¿Hay otra instancia de EDN360 Coach usando la misma carpeta de datos? Revisa los logs.',
        { cause: error },
      );
    }
  }
  const running = server;
  if (!running) throw new DatabaseUnavailableError(`No se pudo arrancar mongod con los datos de ${dbPath}.`);
  return {
    uri,
    source: resolved.source,
    dbPath,
    // Keep the data: doCleanup would delete the dbPath mongodb-memory-server considers temporary.
    stop: async () => {
      await running.stop({ doCleanup: false });
    },
  };
}

/**
 * Creates the root account, or sets its password to the file's, on a mongod started once WITHOUT
 * authentication (still only on 127.0.0.1, for the seconds this takes). Needed for a dbPath that
 * already has data: one from a version without authentication, or one whose credentials file was
 * lost — mongod's localhost exception only covers a database with no account at all. Every other
 * account is dropped: the embedded database has only the app's.
 */
async function provisionRootUser(
  dbPath: string,
  binaryPath: string,
  credentials: EmbeddedCredentials,
): Promise<void> {
  const server = await MongoMemoryServer.create(embeddedServerOptions(dbPath, binaryPath, null));
  try {
    const client = await MongoClient.connect(server.getUri(), { serverSelectionTimeoutMS: 10_000 });
    try {
      const admin = client.db('admin');
      const info = (await admin.command({ usersInfo: credentials.username })) as { users?: unknown[] };
      if ((info.users ?? []).length > 0) {
        await admin.command({ updateUser: credentials.username, pwd: credentials.password, roles: ['root'] });
      } else {
        await admin.command({
          createUser: credentials.username,
          pwd: credentials.password,
          roles: ['root'],
          mechanisms: ['SCRAM-SHA-256'],
        });
      }
      // The app has one account. Any other — made by whoever reached the port while it was open — goes.
      const all = (await admin.command({ usersInfo: { forAllDBs: true } })) as {
        users?: Array<{ user: string; db: string }>;
      };
      for (const other of all.users ?? []) {
        if (other.db === 'admin' && other.user === credentials.username) continue;
        await client.db(other.db).command({ dropUser: other.user });
      }
    } finally {
      await client.close();
    }
  } finally {
    await server.stop({ doCleanup: false });
  }
}

/** False only when mongod answers "authentication failed"; any other failure is thrown. */
async function canAuthenticate(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch (error) {
    if (isAuthenticationFailure(error)) return false;
    throw error;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** MongoDB's AuthenticationFailed (18), as the driver reports it (directly or as a handshake cause). */
export function isAuthenticationFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (code === 18) return true;
    current = cause;
  }
  return false;
}

function summarizeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Library messages span lines ("Download failed …, Details:\n<why>"): keep them, on one line, bounded.
  const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

/**
 * Gets a runnable mongod path before starting it, so "no binary" (missing file, offline download)
 * becomes our one message with every option rather than a library stack trace.
 */
async function obtainMongodBinary(
  localPath: string | null,
  downloadDir: string,
  dataDir: string,
  packaged: boolean,
): Promise<string> {
  if (localPath) {
    if (!existsSync(localPath)) {
      throw new DatabaseUnavailableError(
        mongodUnavailableMessage(`no existe el archivo ${localPath}`, dataDir, packaged),
      );
    }
    return localPath;
  }
  try {
    return await MongoBinary.getPath({ downloadDir });
  } catch (error) {
    throw new DatabaseUnavailableError(mongodUnavailableMessage(summarizeError(error), dataDir, packaged), {
      cause: error,
    });
  }
}
