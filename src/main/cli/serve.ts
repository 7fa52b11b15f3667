import { tokenLocation } from '../api/server';
import { loadConfig, type AppConfig } from '../config/load-config';
import { startCore } from '../core/start-core';
import { createLogger, logsDir } from '../log/logger';
import { nodeWorkerSpawner } from '../worker/node-worker-process';
import { repoResourcesDir, webRoot, workerEntry } from './paths';
import { exitOnSignals } from './shutdown';

const DB_NAME_SOURCE: Record<AppConfig['dbNameSource'], string> = {
  EDN_DB_NAME: 'nombre de EDN_DB_NAME',
  url: 'nombre tomado de la ruta de EDN_MONGO_URL',
  settings: 'nombre de db_name en los ajustes',
  default: 'nombre por defecto; cámbialo con EDN_DB_NAME o en la ruta de la URL',
};

/** `edn360 serve`: HTTP API + the renderer's web build at `/` + a supervised worker process. */
export async function serve(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger({ dataDir: config.dataDir, stdout: process.env['EDN_LOG_STDOUT'] === '1' });
  const core = await startCore({
    config,
    logger,
    repoResourcesDir,
    webRoot,
    workerFactory: (env) => nodeWorkerSpawner({ entry: workerEntry, env, logger }),
  });
  const server =
    core.database.mode === 'embedded'
      ? `la base de datos integrada (${core.database.displayUrl})`
      : core.database.displayUrl;
  // One write: whoever waits for the "escuchando en" line gets the whole banner with it.
  console.log(
    [
      `EDN360 Coach escuchando en ${core.apiUrl}`,
      `  Aplicación web: ${core.apiUrl}/ · API: ${core.apiUrl}/health, /jobs/{id}, /admin/…`,
      `  Base de datos: «${config.dbName}» en ${server} (${DB_NAME_SOURCE[config.dbNameSource]})`,
      `  Proceso de trabajo: ${config.worker.concurrency} jobs a la vez`,
      `  Token de administración (Authorization: Bearer …): ${tokenLocation(config)}`,
      `  Datos: ${config.dataDir} · Logs: ${logsDir(config.dataDir)}`,
    ].join('\n'),
  );
  exitOnSignals(logger, () => core.stop());
}
