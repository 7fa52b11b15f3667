import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/load-config';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { createRepositories, type Repositories } from '../db/repositories';
import type { Logger } from '../log/logger';
import { createApiServer } from '../api/server';
import { APP_VERSION } from './version';

export interface Core {
  config: AppConfig;
  database: DatabaseHandle;
  repositories: Repositories;
  api: FastifyInstance;
  /** The address the API actually listens on (the port may have been 0). */
  apiUrl: string;
  stop(): Promise<void>;
}

export interface StartCoreOptions {
  config: AppConfig;
  logger: Logger;
  repoResourcesDir: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export class PortInUseError extends Error {
  readonly reason = 'port_in_use';
}

/** The Electron-free core, shared by the desktop app and `edn360 serve`: database, then HTTP API. */
export async function startCore(options: StartCoreOptions): Promise<Core> {
  const { config, logger } = options;
  const database = await openDatabase({
    config,
    logger,
    repoResourcesDir: options.repoResourcesDir,
    ...(options.env ? { env: options.env } : {}),
  });
  const repositories = createRepositories(database.db);
  const api = createApiServer({ database, logger, version: APP_VERSION });
  let apiUrl: string;
  try {
    apiUrl = await api.listen({ host: config.api.host, port: config.api.port });
  } catch (error) {
    await database.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(
        `El puerto ${config.api.port} ya está en uso en ${config.api.host}. Cierra la otra instancia o cambia EDN_API_PORT.`,
        { cause: error },
      );
    }
    throw error;
  }
  logger.info({ url: apiUrl }, 'HTTP API listening');
  return {
    config,
    database,
    repositories,
    api,
    apiUrl,
    stop: async () => {
      await api.close();
      await database.close();
    },
  };
}
