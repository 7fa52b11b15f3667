import { parseArgs } from 'node:util';
import { APP_VERSION } from '../core/version';
import { eraseClientCommand, exportClientCommand } from './client-data-commands';
import { backupCommand, moveDatabaseCommand, restoreCommand } from './database-commands';
import { doctor } from './doctor';
import { isExpectedStartupError } from './errors';
import { serve } from './serve';
import { validatePipeline } from './validate-pipeline';
import { runWorker } from './worker-command';

const USAGE = `edn360 ${APP_VERSION} — EDN360 Coach sin interfaz gráfica (headless)

Uso:
  edn360 serve      API HTTP + aplicación web + proceso de trabajo (base de datos embebida o EDN_MONGO_URL)
  edn360 worker     solo el proceso de trabajo, para un servidor de clínica (necesita EDN_MONGO_URL)
  edn360 doctor     comprueba MongoDB, el LLM, el puerto y la carpeta de datos, y dice qué corregir
  edn360 validate-pipeline [--type training|nutrition|full] [--output informe.json]
                    prueba de extremo a extremo: cliente, cuestionario, job, progreso, métricas e informe JSON
  edn360 export-client <id> [archivo.zip]
                    todos los datos de un cliente en un zip (cuestionarios, planes y versiones, trabajos, PDF)
  edn360 erase-client <id> --confirm "<nombre>"
                    borra un cliente y todo lo derivado de él (deja un registro anónimo); no se puede deshacer
  edn360 backup <archivo|carpeta> [--encrypt]
                    copia de seguridad de toda la base de datos (cifrada: contraseña en EDN_BACKUP_PASSPHRASE o pedida)
  edn360 restore <archivo> [--rule keep|replace|exact] [--with-settings] [--yes] [--dry-run]
                    muestra qué cambiaría y, tras confirmarlo, restaura una copia
  edn360 move-database (--to <mongodb-url> [--db <nombre>] | --to-local) [--rule keep|replace] [--yes] [--dry-run]
                    mueve los datos a otra base (el servidor de la clínica o la integrada) y cambia el ajuste
  edn360 --version
  edn360 --help

Configuración por variables de entorno (EDN_DATA_DIR, EDN_MONGO_URL, EDN_API_PORT, …): ver README.`;

const COMMANDS = {
  serve: async () => {
    await serve();
    return 0;
  },
  worker: async () => {
    await runWorker();
    return 0;
  },
  doctor: () => doctor(),
  'validate-pipeline': (argv) => validatePipeline(argv),
  'export-client': (argv) => exportClientCommand(argv),
  'erase-client': (argv) => eraseClientCommand(argv),
  backup: (argv) => backupCommand(argv),
  restore: (argv) => restoreCommand(argv),
  'move-database': (argv) => moveDatabaseCommand(argv),
} as const satisfies Record<string, (argv: string[]) => Promise<number>>;

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
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
  if (!isCommand(command)) {
    console.error(`Comando desconocido: "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await COMMANDS[command](argv.slice(argv.indexOf(command) + 1));
  } catch (error) {
    if (isExpectedStartupError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
