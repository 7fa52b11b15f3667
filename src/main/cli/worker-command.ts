import { loadConfig } from '../config/load-config';
import { connectClient, prepareDatabase } from '../db/connect';
import { redactMongoUrl } from '../db/errors';
import { createLogger } from '../log/logger';
import { createRepositories } from '../db/repositories';
import { startQueueHealing } from '../core/queue-healing';
import { JobEventBus } from '../queue/job-events';
import { nodeWorkerSpawner } from '../worker/node-worker-process';
import { WorkerSupervisor } from '../worker/worker-supervisor';
import { CliError } from './errors';
import { workerEntry } from './paths';
import { JOB_EVENT_ES } from './labels-es';
import { exitOnSignals } from './shutdown';

/**
 * `edn360 worker`: only the worker process, for a clinic server whose MongoDB the app instances
 * share. It claims jobs those instances enqueue (by polling, EDN_POLL_INTERVAL_MS); no HTTP API.
 */
export async function runWorker(): Promise<void> {
  const config = await loadConfig();
  if (!config.mongoUrl) {
    throw new CliError(
      'edn360 worker necesita EDN_MONGO_URL: la dirección del MongoDB que comparten las instancias de la app ' +
        '(p. ej. EDN_MONGO_URL=mongodb://servidor-clinica:27017). La base de datos integrada de un equipo no se comparte; ' +
        'para trabajar en un solo equipo usa `edn360 serve`.',
    );
  }
  const logger = createLogger({ dataDir: config.dataDir, stdout: process.env['EDN_LOG_STDOUT'] === '1' });
  // Fail fast with one clear message: the supervisor would otherwise restart a worker that cannot
  // reach the database forever.
  const client = await connectClient(config.mongoUrl, 10_000);
  const db = client.db(config.dbName);
  // A clinic server may start before any app instance ever created the indexes the claim needs, or
  // after an update, before any instance migrated the documents; a newer database is refused.
  try {
    await prepareDatabase(db, logger);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }

  const events = new JobEventBus((error) => logger.error({ err: error }, 'job event listener failed'));
  events.subscribe((event) => {
    if (event.type === 'claimed' || event.type === 'completed' || event.type === 'failed') {
      const reason = event.type === 'failed' ? ` (${event.job.error_reason ?? 'error'})` : '';
      console.log(`job ${event.job_id} [${event.job.type}]: ${JOB_EVENT_ES[event.type]}${reason}`);
    }
  });
  const supervisor = new WorkerSupervisor({
    spawn: nodeWorkerSpawner({
      entry: workerEntry,
      env: {
        ...process.env,
        EDN_MONGO_URL: config.mongoUrl,
        EDN_DB_NAME: config.dbName,
        EDN_DATA_DIR: config.dataDir,
      },
      logger,
    }),
    events,
    logger: logger.child({ component: 'supervisor' }),
    hangAfterMs: config.worker.hangMs,
  });
  // Like every host: a hung worker here must not leave jobs `running` while it is being restarted.
  const healing = await startQueueHealing({
    db,
    repositories: createRepositories(db),
    config,
    events,
    logger,
  });
  exitOnSignals(logger, async () => {
    await healing.stop();
    await supervisor.stop(30_000);
    await client.close();
  });
  await supervisor.start();
  const status = supervisor.getStatus();
  console.log(
    `EDN360 Coach: proceso de trabajo listo (pid ${status.pid ?? '?'}, ${status.concurrency ?? config.worker.concurrency} jobs a la vez) ` +
      `sobre ${redactMongoUrl(config.mongoUrl)}, base de datos ${config.dbName}`,
  );
}
