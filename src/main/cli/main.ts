import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config';
import { SettingsFileError, SETTINGS_FILE_NAME } from '../config/settings-store';
import { PortInUseError, startCore } from '../core/start-core';
import { APP_VERSION } from '../core/version';
import { DatabaseUnavailableError } from '../db/errors';
import { createLogger, logsDir } from '../log/logger';
import { nodeWorkerSpawner } from '../worker/node-worker-process';

const USAGE = `edn360 ${APP_VERSION} — EDN360 Coach sin interfaz gráfica (headless)

Uso:
  edn360 serve      API HTTP + base de datos (embebida o EDN_MONGO_URL)
  edn360 --version
  edn360 --help

Configuración por variables de entorno (EDN_DATA_DIR, EDN_MONGO_URL, EDN_API_PORT, …): ver README.`;

/** Errors we expect at start-up carry a message meant for a person: print it, not a stack trace. */
function isExpectedStartupError(error: unknown): error is Error {
  return (
    error instanceof DatabaseUnavailableError ||
    error instanceof PortInUseError ||
    error instanceof ConfigError ||
    error instanceof SettingsFileError
  );
}

// The built file sits in out/main/; resources/ is at the repository (or app) root.
const repoResourcesDir = resolve(__dirname, '../../resources');

async function serve(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger({ dataDir: config.dataDir, stdout: process.env['EDN_LOG_STDOUT'] === '1' });
  const core = await startCore({
    config,
    logger,
    repoResourcesDir,
    workerFactory: (env) => nodeWorkerSpawner({ entry: resolve(__dirname, 'worker.js'), env, logger }),
  });
  const tokenWhere =
    config.api.tokenSource === 'env'
      ? 'variable EDN_API_TOKEN'
      : `${resolve(config.dataDir, SETTINGS_FILE_NAME)} (campo api_token)`;
  console.log(`EDN360 Coach escuchando en ${core.apiUrl}`);
  console.log(`  Base de datos: ${core.database.mode} (${core.database.displayUrl})`);
  console.log(`  Proceso de trabajo: ${config.worker.concurrency} jobs a la vez`);
  console.log(`  Token de administración: ${tokenWhere}`);
  console.log(`  Datos: ${config.dataDir} · Logs: ${logsDir(config.dataDir)}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    core
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
  });
  if (values['version']) {
    console.log(APP_VERSION);
    return 0;
  }
  const command = positionals[0];
  if (values['help'] || !command) {
    console.log(USAGE);
    return command || values['help'] ? 0 : 1;
  }
  if (command !== 'serve') {
    console.error(`Comando desconocido: "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    await serve();
    return 0;
  } catch (error) {
    if (isExpectedStartupError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
