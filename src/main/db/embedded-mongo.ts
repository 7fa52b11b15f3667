import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MongoBinary, MongoMemoryServer } from 'mongodb-memory-server';
import type { Logger } from '../log/logger';
import { DatabaseUnavailableError } from './errors';
import {
  mongodDownloadDir,
  mongodUnavailableMessage,
  resolveMongod,
  type MongodSource,
} from './mongod-binary';

export interface EmbeddedMongo {
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
}

/**
 * A real mongod on 127.0.0.1 with a persistent WiredTiger `dbPath` in the data folder — not the
 * ephemeral in-memory default of mongodb-memory-server: a coach's clients must survive a restart.
 */
export async function startEmbeddedMongo(options: StartEmbeddedOptions): Promise<EmbeddedMongo> {
  const dbPath = embeddedDbPath(options.dataDir);
  const downloadDir = mongodDownloadDir(options.dataDir);
  await mkdir(dbPath, { recursive: true });
  const resolved = await resolveMongod({
    env: options.env,
    resourcesDir: options.resourcesDir,
    repoResourcesDir: options.repoResourcesDir,
    downloadDir,
  });
  options.logger.info({ source: resolved.source, path: resolved.path, dbPath }, 'starting embedded mongod');
  const binaryPath = await obtainMongodBinary(resolved.path, downloadDir, options.dataDir);
  let server: MongoMemoryServer;
  try {
    server = await MongoMemoryServer.create({
      instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
      binary: { systemBinary: binaryPath },
    });
  } catch (error) {
    throw new DatabaseUnavailableError(
      `No se pudo arrancar mongod (${binaryPath}) con los datos de ${dbPath}: ${summarizeError(error)}. ` +
        '¿Hay otra instancia de EDN360 Coach usando la misma carpeta de datos? Revisa los logs.',
      { cause: error },
    );
  }
  return {
    uri: server.getUri(),
    source: resolved.source,
    dbPath,
    // Keep the data: doCleanup would delete the dbPath mongodb-memory-server considers temporary.
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
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
): Promise<string> {
  if (localPath) {
    if (!existsSync(localPath)) {
      throw new DatabaseUnavailableError(
        mongodUnavailableMessage(`no existe el archivo ${localPath}`, dataDir),
      );
    }
    return localPath;
  }
  try {
    return await MongoBinary.getPath({ downloadDir });
  } catch (error) {
    throw new DatabaseUnavailableError(mongodUnavailableMessage(summarizeError(error), dataDir), {
      cause: error,
    });
  }
}
