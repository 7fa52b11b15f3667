import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import {
  ConflictRuleSchema,
  MoveArgsSchema,
  type ConflictRule,
  type MoveArgs,
  type TransferPreview,
} from '@shared/backup';
import { manualBackupName } from '../application/automatic-backups';
import { careContextOf, databaseCare, type DatabaseCare } from '../application/database-care';
import { DomainError } from '../application/domain-error';
import { loadConfig, type AppConfig } from '../config/load-config';
import { APP_VERSION } from '../core/version';
import { openDatabase } from '../db/connect';
import { createLogger } from '../log/logger';
import { asCliError, CliError } from './errors';
import { repoResourcesDir } from './paths';
import { askHidden, confirm, newPassphrase, PASSPHRASE_ENV, withProgress } from './terminal-io';

/*
 * `edn360 backup`, `edn360 restore` and `edn360 move-database` (issue #18): the same use cases as
 * Ajustes and the HTTP routes (application/database-care.ts), on the configured database
 * (EDN_MONGO_URL / EDN_DB_NAME, or the embedded one — with the app closed, since an embedded
 * database is opened by one process at a time). Progress goes to stderr, the answers to stdout.
 */

/** `parseArgs`, its refusals (an unknown option, a missing value) as the user's to fix. */
function parseCommand<O extends ParseArgsOptionsConfig>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `Opción desconocida: ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `Valor no válido para la opción ${option}`
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `Argumento de más: ${option}`
            : 'Argumentos no válidos';
    throw new CliError(`${problem}.\n${usage}`);
  }
}

async function withCare(work: (care: DatabaseCare, config: AppConfig) => Promise<number>): Promise<number> {
  const config = await loadConfig();
  const logger = createLogger({ dataDir: config.dataDir });
  const database = await openDatabase({ config, logger, repoResourcesDir });
  try {
    const care = databaseCare(
      careContextOf(config, database, { repoResourcesDir, env: process.env, logger, version: APP_VERSION }),
    );
    return await work(care, config);
  } finally {
    await database.close();
  }
}

// --- What a preview says -----------------------------------------------------------------------

function printPreview(preview: TransferPreview, source: string): void {
  const manifest = preview.manifest;
  console.log(
    `${source}: creada el ${manifest.created_at} con EDN360 ${manifest.app_version} (base «${manifest.source.db_name}», ${manifest.kind === 'automatic' ? 'automática' : 'manual'})${preview.encrypted ? ', cifrada' : ''}.`,
  );
  const header = ['Colección', 'en la copia', 'nuevos', 'iguales', 'distintos', 'solo en la base'];
  const rows = preview.collections.map((c) => [
    c.collection,
    String(c.incoming),
    String(c.added),
    String(c.identical),
    String(c.different),
    String(c.only_in_database),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const format = (row: string[]): string =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(format(header));
  for (const row of rows) console.log(format(row));
  if (preview.active_jobs_in_target > 0)
    console.log(
      `Aviso: hay ${preview.active_jobs_in_target} trabajo(s) en cola o en curso en el destino; hay que esperar a que terminen (o cancelarlos).`,
    );
  if (preview.erasures_after_source > 0)
    console.log(
      `Aviso: ${preview.erasures_after_source} cliente(s) se borraron después de esta copia; restaurarla los vuelve a traer.`,
    );
  if (preview.needs_migration)
    console.log('Aviso: la copia es de una versión anterior; sus documentos se actualizarán al copiarlos.');
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

function ruleOf(value: string | undefined, allowed: readonly ConflictRule[]): ConflictRule {
  const parsed = ConflictRuleSchema.safeParse(value ?? 'keep');
  if (!parsed.success || !allowed.includes(parsed.data))
    throw new CliError(`--rule: usa ${allowed.join(', ')} (no «${value}»).`);
  return parsed.data;
}

// --- Commands ----------------------------------------------------------------------------------

export async function backupCommand(argv: string[]): Promise<number> {
  const usage = `Uso: edn360 backup <archivo|carpeta> [--encrypt] — con --encrypt la contraseña sale de ${PASSPHRASE_ENV} o se pide en el terminal.`;
  const { positionals, values } = parseCommand(argv, { encrypt: { type: 'boolean' } }, usage);
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new CliError(usage);
  const passphrase = values.encrypt ? await newPassphrase() : null;
  let file = resolve(target);
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) file = join(file, manualBackupName(new Date()));
  return withCare(async (care) => {
    const summary = await withProgress((listener) =>
      care.backup({ file, passphrase, kind: 'manual' }, listener),
    ).catch(asCliError);
    console.log(
      `Copia de seguridad creada: ${summary.total_documents} documentos, ${summary.bytes} bytes${summary.encrypted ? ', cifrada' : ''} → ${summary.file}`,
    );
    return 0;
  });
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const usage =
    'Uso: edn360 restore <archivo> [--rule keep|replace|exact] [--with-settings] [--yes] [--dry-run]';
  const { positionals, values } = parseCommand(
    argv,
    {
      rule: { type: 'string' },
      'with-settings': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
    },
    usage,
  );
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new CliError(usage);
  const rule = ruleOf(values.rule, ['keep', 'replace', 'exact']);
  const file = resolve(target);
  return withCare(async (care) => {
    let passphrase = process.env[PASSPHRASE_ENV] || null;
    const preview = async (): Promise<TransferPreview> =>
      withProgress((listener) => care.previewRestore({ file, passphrase }, listener));
    let seen: TransferPreview;
    try {
      seen = await preview();
    } catch (error) {
      if (
        !(error instanceof DomainError) ||
        error.code !== 'backup_passphrase_required' ||
        !process.stdin.isTTY
      ) {
        if (error instanceof DomainError && error.code === 'backup_passphrase_required')
          throw new CliError(
            `${error.message} Define la variable ${PASSPHRASE_ENV} o ejecútalo en un terminal.`,
          );
        return asCliError(error);
      }
      passphrase = await askHidden('La copia está cifrada. Contraseña: ');
      seen = await preview().catch(asCliError);
    }
    printPreview(seen, `Copia ${file}`);
    const explanation = {
      keep: 'se añade lo que falta; los documentos distintos de la base se conservan',
      replace: 'se añade lo que falta y los documentos distintos se sustituyen por los de la copia',
      exact:
        'la base queda exactamente como la copia: se borra lo que solo está en la base (antes se guarda en una copia de seguridad en la carpeta de copias)',
    }[rule];
    console.log(
      `Regla «${rule}»: ${explanation}${values['with-settings'] ? '; también se aplican sus ajustes' : ''}.`,
    );
    if (values['dry-run']) {
      console.log('Simulación (--dry-run): no se ha cambiado nada.');
      return 0;
    }
    if (!(await confirm('¿Restaurar?', values.yes === true))) {
      console.log('Cancelado: no se ha cambiado nada.');
      return 1;
    }
    const result = await withProgress((listener) =>
      care.restore({ file, passphrase, rule, apply_settings: values['with-settings'] === true }, listener),
    ).catch(asCliError);
    console.log(
      `Copia restaurada (regla «${result.rule}»): ${sum(result.written)} documentos escritos, ${sum(result.kept)} conservados, ${sum(result.removed)} borrados${result.migrated_from !== null ? `; actualizados desde el esquema ${result.migrated_from}` : ''}${values['with-settings'] ? '; ajustes aplicados' : ''}.`,
    );
    if (result.safety_backup)
      console.log(`Lo que tenía la base antes está guardado en ${result.safety_backup}.`);
    return 0;
  });
}

/** Where `--to-env` reads the target's address: a password in argv is visible to every user of the machine. */
const MOVE_TO_ENV = 'EDN_MOVE_TO_URL';

export async function moveDatabaseCommand(argv: string[]): Promise<number> {
  const usage =
    'Uso: edn360 move-database (--to <mongodb-url> | --to-env | --to-local) [--db <nombre>] [--rule keep|replace] [--yes] [--dry-run] — con --to-env la dirección sale de EDN_MOVE_TO_URL (una contraseña en la línea de órdenes la ve cualquiera con `ps`).';
  const { values, positionals } = parseCommand(
    argv,
    {
      to: { type: 'string' },
      'to-env': { type: 'boolean' },
      db: { type: 'string' },
      'to-local': { type: 'boolean' },
      rule: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
    },
    usage,
  );
  const to = values['to-env'] === true ? process.env[MOVE_TO_ENV] : values.to;
  if (values['to-env'] === true && !to)
    throw new CliError(`La variable ${MOVE_TO_ENV} no está definida.\n${usage}`);
  const chosen = [values.to !== undefined, values['to-env'] === true, values['to-local'] === true];
  if (positionals.length > 0 || chosen.filter(Boolean).length !== 1) throw new CliError(usage);
  const rule = ruleOf(values.rule, ['keep', 'replace']);
  return withCare(async (care, config) => {
    const parsed = MoveArgsSchema.safeParse({
      target:
        values['to-local'] === true
          ? { kind: 'embedded' }
          : { kind: 'server', url: to, db_name: values.db ?? config.dbName },
      rule,
      dry_run: true,
    });
    if (!parsed.success)
      throw new CliError(
        `${parsed.error.issues.map((issue) => `${issue.path.at(-1) === 'url' ? '--to' : issue.path.at(-1) === 'db_name' ? '--db' : issue.path.join('.')}: ${issue.message}`).join('; ')}\n${usage}`,
      );
    const args: MoveArgs = parsed.data;
    if (process.env['EDN_MONGO_URL'])
      console.error(
        'Aviso: EDN_MONGO_URL está definida en el entorno y manda sobre el ajuste que se cambia aquí: quítala o cámbiala antes de volver a arrancar, o la app seguirá usando la base de datos anterior.',
      );
    const dry = await withProgress((listener) => care.move(args, listener)).catch(asCliError);
    if (!dry.dry_run) throw new Error('move-database: se esperaba una simulación');
    printPreview(dry.preview, `Origen → ${dry.target}`);
    console.log(
      `Regla «${rule}»: ${rule === 'keep' ? 'los documentos que ya estén en el destino se conservan' : 'los documentos del destino se sustituyen por los de esta base'}.`,
    );
    if (values['dry-run']) {
      console.log('Simulación (--dry-run): no se ha cambiado nada.');
      return 0;
    }
    if (!(await confirm(`¿Mover los datos a ${dry.target}?`, values.yes === true))) {
      console.log('Cancelado: no se ha cambiado nada.');
      return 1;
    }
    const moved = await withProgress((listener) => care.move({ ...args, dry_run: false }, listener)).catch(
      asCliError,
    );
    if (moved.dry_run) throw new Error('move-database: se esperaba el movimiento');
    const { result } = moved;
    console.log(
      `Datos movidos a ${moved.target}: ${sum(result.written)} documentos escritos, ${sum(result.kept)} conservados${result.resumed ? ' (se retomó un movimiento interrumpido)' : ''}.`,
    );
    console.log(
      result.switched
        ? 'Ajuste cambiado: la app usará la nueva base de datos. Reinicia la app (y edn360 serve / worker) para empezar a usarla.'
        : `Ajuste guardado, pero ${result.env_overrides.join(' y ')} ${result.env_overrides.length > 1 ? 'están definidas' : 'está definida'} en el entorno y manda sobre él: la app seguirá usando la base de datos anterior. Cambia el entorno antes de volver a arrancar.`,
    );
    return 0;
  });
}
