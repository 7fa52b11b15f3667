import { tokenLocation } from '../api/server';
import { loadConfig } from '../config/load-config';
import { startCore } from '../core/start-core';
import { createLogger, logsDir } from '../log/logger';
import { nodeWorkerSpawner } from '../worker/node-worker-process';
import { repoResourcesDir, webRoot, workerEntry } from './paths';
import { exitOnSignals } from './shutdown';

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
  console.log(`EDN360 Coach escuchando en ${core.apiUrl}`);
  console.log(`  Aplicación web: ${core.apiUrl}/ · API: ${core.apiUrl}/health, /jobs/{id}, /admin/…`);
  console.log(`  Base de datos: ${core.database.mode} (${core.database.displayUrl})`);
  console.log(`  Proceso de trabajo: ${config.worker.concurrency} jobs a la vez`);
  console.log(`  Token de administración (Authorization: Bearer …): ${tokenLocation(config)}`);
  console.log(`  Datos: ${config.dataDir} · Logs: ${logsDir(config.dataDir)}`);
  exitOnSignals(logger, () => core.stop());
}
