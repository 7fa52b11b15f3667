import type { FastifyInstance } from 'fastify';
import { careContextOf, databaseCare, type DatabaseCare } from '../application/database-care';
import type { AppConfig } from '../config/load-config';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { getCollections } from '../db/collections';
import { createRepositories, type Repositories } from '../db/repositories';
import type { Logger } from '../log/logger';
import { apiOptionsFromEnv } from '../api/api-env';
import { assertSafeBind } from '../api/bind-policy';
import type { ApiOptions } from '../api/deps';
import { createApiServer } from '../api/server';
import type { DatabaseClock } from '../queue/database-clock';
import { JobEventBus } from '../queue/job-events';
import { JobQueue } from '../queue/job-queue';
import { JobWatcher } from '../queue/job-watcher';
import type { SpawnWorker } from '../worker/worker-process';
import { WorkerSupervisor } from '../worker/worker-supervisor';
import { startAutomaticBackups } from './automatic-backup-timer';
import { startQueueHealing } from './queue-healing';
import { APP_VERSION } from './version';

export interface Core {
  config: AppConfig;
  database: DatabaseHandle;
  repositories: Repositories;
  events: JobEventBus;
  queue: JobQueue;
  /** Database time for every queue write made by this host (docs/ARCHITECTURE.md "Time and leases"). */
  clock: DatabaseClock;
  /** Jobs run by other instances, onto `events` (docs/ARCHITECTURE.md "One job watcher"). */
  jobWatcher: JobWatcher;
  worker: WorkerSupervisor | null;
  /** Backups, restores and moves of `database` (docs/ARCHITECTURE.md "Backups"). */
  care: DatabaseCare;
  api: FastifyInstance;
  /** The address the API actually listens on (the port may have been 0). */
  apiUrl: string;
  stop(): Promise<void>;
}

/** Builds the worker process for this host once the database URL is known. */
export type WorkerFactory = (env: NodeJS.ProcessEnv) => SpawnWorker;

export interface StartCoreOptions {
  config: AppConfig;
  logger: Logger;
  repoResourcesDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Null: no worker in this process (e.g. a UI-only instance on a clinic database). */
  workerFactory: WorkerFactory | null;
  /** Graceful stop deadline: running jobs checkpoint and release their leases within it. */
  stopDeadlineMs?: number;
  /** The renderer's web build to serve at `/` (`edn360 serve`); the desktop app loads it from disk. */
  webRoot?: string | null;
  /** Overrides of the API's defaults and environment settings (tests: rate limit, SSE heartbeat). */
  apiOptions?: Partial<ApiOptions>;
  /** A move switched the database setting: the host reopens on it (absent: it must be restarted). */
  onDatabaseSwitched?: () => void;
}

export class PortInUseError extends Error {
  readonly reason = 'port_in_use';
}

/**
 * The Electron-free core, shared by the desktop app and `edn360 serve`: database, event bus, worker
 * process, queue, HTTP API — and a stop that undoes them in reverse order.
 */
export async function startCore(options: StartCoreOptions): Promise<Core> {
  const { config, logger } = options;
  // Refuse before starting anything: a misconfigured bind must not leave a mongod or a worker behind.
  assertSafeBind(config.api);
  const apiEnvOptions = apiOptionsFromEnv(options.env ?? process.env);
  const database = await openDatabase({
    config,
    logger,
    repoResourcesDir: options.repoResourcesDir,
    ...(options.env ? { env: options.env } : {}),
  });
  const repositories = createRepositories(database.db);
  const events = new JobEventBus((error) => logger.error({ err: error }, 'job event listener failed'));
  // Even with no live worker anywhere (hung, or a UI-only instance) no job stays `running` past its lease.
  const healing = await startQueueHealing({ db: database.db, repositories, config, events, logger });
  const { clock } = healing;

  // The worker always talks to the database the host resolved (the embedded mongod's random port).
  const worker = options.workerFactory
    ? new WorkerSupervisor({
        spawn: options.workerFactory({
          ...process.env,
          ...options.env,
          EDN_MONGO_URL: database.url,
          EDN_DB_NAME: config.dbName,
          EDN_DATA_DIR: config.dataDir,
        }),
        events,
        logger: logger.child({ component: 'supervisor' }),
        hangAfterMs: config.worker.hangMs,
      })
    : null;
  worker?.start().catch((error: unknown) => logger.error({ err: error }, 'worker failed to start'));
  const jobs = getCollections(database.db).jobs;
  const queue = new JobQueue(jobs, events, worker, { clock, timeoutMs: config.worker.jobTimeoutMs });
  // Jobs run by other instances reach this host's bus (SSE, IPC, the jobs table) through here.
  const jobWatcher = new JobWatcher(jobs, events, {
    pollMs: config.worker.pollIntervalMs,
    onError: (error) => logger.warn({ err: error }, 'job watcher failed'),
  });
  await jobWatcher.start();
  logger.info({ mode: jobWatcher.mode }, 'job watcher');
  // Backups, restores and moves of this database, one object for every door of this host.
  const care = databaseCare(
    careContextOf(config, database, {
      repoResourcesDir: options.repoResourcesDir,
      env: options.env ?? process.env,
      logger: logger.child({ component: 'backup' }),
      version: APP_VERSION,
      ...(options.onDatabaseSwitched ? { onSwitched: options.onDatabaseSwitched } : {}),
    }),
  );

  let api: FastifyInstance | null = null;
  let apiUrl: string;
  try {
    api = await createApiServer({
      config,
      database,
      repositories,
      queue,
      events,
      jobWatcher,
      clock,
      instanceName: config.worker.instanceName,
      worker,
      logger,
      version: APP_VERSION,
      databaseCare: care,
      options: { ...apiEnvOptions, webRoot: options.webRoot ?? null, ...options.apiOptions },
    });
    apiUrl = await api.listen({ host: config.api.host, port: config.api.port });
  } catch (error) {
    await api?.close().catch(() => undefined);
    await jobWatcher.stop();
    await healing.stop();
    await worker?.stop().catch(() => undefined);
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
  const server = api;
  const automaticBackups = startAutomaticBackups(care, logger);
  return {
    config,
    database,
    repositories,
    events,
    queue,
    clock,
    jobWatcher,
    worker,
    api: server,
    apiUrl,
    care,
    stop: async () => {
      await automaticBackups.stop();
      await jobWatcher.stop();
      await healing.stop();
      await worker?.stop(options.stopDeadlineMs ?? 10_000);
      await server.close();
      await database.close();
    },
  };
}
