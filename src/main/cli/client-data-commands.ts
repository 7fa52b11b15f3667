import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eraseClient } from '../application/client-erasure';
import { exportClientData } from '../application/client-data-export';
import { readCoachBrand } from '../config/coach-brand';
import { loadConfig } from '../config/load-config';
import { APP_VERSION } from '../core/version';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { createRepositories, type Repositories } from '../db/repositories';
import { createLogger } from '../log/logger';
import { asCliError, CliError } from './errors';
import { repoResourcesDir } from './paths';

/*
 * `edn360 export-client` and `edn360 erase-client`: the same use cases as the app's ficha and the
 * HTTP routes, on the configured database (EDN_MONGO_URL / EDN_DB_NAME, or the embedded one — with
 * the app closed, since an embedded database is opened by one process at a time).
 */

async function withRepositories<T>(work: (repos: Repositories, dataDir: string) => Promise<T>): Promise<T> {
  const config = await loadConfig();
  const logger = createLogger({ dataDir: config.dataDir });
  const database: DatabaseHandle = await openDatabase({ config, logger, repoResourcesDir });
  try {
    return await work(createRepositories(database.db), config.dataDir);
  } finally {
    await database.close();
  }
}

export async function exportClientCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
  const [id, file] = positionals;
  if (!id) throw new CliError('Uso: edn360 export-client <id-del-cliente> [archivo.zip]');
  return withRepositories(async (repositories, dataDir) => {
    const data = await exportClientData(
      { repositories, coachBrand: () => readCoachBrand(dataDir), version: APP_VERSION },
      id,
    ).catch(asCliError);
    const target = resolve(file ?? data.file_name);
    await writeFile(target, data.bytes);
    console.log(`Datos del cliente «${id}» exportados: ${target} (${data.bytes.byteLength} bytes)`);
    return 0;
  });
}

export async function eraseClientCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { confirm: { type: 'string' } },
  });
  const [id] = positionals;
  if (!id || !values.confirm)
    throw new CliError(
      'Uso: edn360 erase-client <id-del-cliente> --confirm "<nombre del cliente>" — borra el cliente y todos sus datos; no se puede deshacer.',
    );
  const confirm = values.confirm;
  return withRepositories(async (repositories) => {
    const record = await eraseClient(repositories, { id, confirm }, 'cli').catch(asCliError);
    console.log(
      `Cliente borrado: ${record.total} documentos (${Object.entries(record.documents)
        .map(([collection, n]) => `${collection}: ${n}`)
        .join(', ')}). Registro anónimo ${record._id}.`,
    );
    return 0;
  });
}
