import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DryMongoBinary } from 'mongodb-memory-server';

/**
 * Where a mongod for the embedded database can come from, in the order docs/ARCHITECTURE.md "Processes" gives:
 * `MONGOMS_SYSTEM_BINARY`, a binary bundled with the app, the download cache, a one-time download.
 */
export type MongodSource = 'system_binary' | 'bundled' | 'download_cache' | 'download';

export interface ResolvedMongod {
  source: MongodSource;
  /** Null only for `download`: mongodb-memory-server fetches it at start-up. */
  path: string | null;
}

const exe = process.platform === 'win32' ? 'mongod.exe' : 'mongod';

/** Packaged apps ship it under `process.resourcesPath/mongod/`; a checkout keeps one per platform. */
export function bundledMongodCandidates(resourcesDir: string | null, repoResourcesDir: string): string[] {
  const platformDir = `${process.platform}-${process.arch}`;
  const candidates = [join(repoResourcesDir, 'mongod', platformDir, exe)];
  if (resourcesDir) candidates.unshift(join(resourcesDir, 'mongod', exe));
  return candidates;
}

export function mongodDownloadDir(dataDir: string): string {
  return join(dataDir, 'mongodb-binaries');
}

export interface ResolveMongodOptions {
  env: Readonly<Record<string, string | undefined>>;
  resourcesDir: string | null;
  repoResourcesDir: string;
  downloadDir: string;
  /** A packaged app: `MONGOMS_SYSTEM_BINARY` is ignored (see `dropMongomsEnv`). */
  packaged?: boolean;
}

/** Resolves without touching the network; `download` means "nothing local, a download is needed". */
export async function resolveMongod(options: ResolveMongodOptions): Promise<ResolvedMongod> {
  const system = options.packaged ? undefined : options.env['MONGOMS_SYSTEM_BINARY']?.trim();
  if (system) return { source: 'system_binary', path: system };
  const bundled = bundledMongodCandidates(options.resourcesDir, options.repoResourcesDir).find((p) =>
    existsSync(p),
  );
  if (bundled) return { source: 'bundled', path: bundled };
  const cached = await locateCachedMongod(options.downloadDir);
  if (cached) return { source: 'download_cache', path: cached };
  return { source: 'download', path: null };
}

/**
 * mongodb-memory-server reads its own settings straight from `process.env` — `MONGOMS_SYSTEM_BINARY`,
 * `MONGOMS_DOWNLOAD_URL`, `MONGOMS_DOWNLOAD_MIRROR`, `MONGOMS_ARCHIVE_NAME`, `MONGOMS_VERSION`… — so
 * any of them could make an installed app run or download a mongod of someone else's choosing with
 * the coach's data. A packaged app drops them all from this environment (and so from the worker's)
 * and returns the names it dropped, for a warning; a checkout and `edn360 serve` keep them (tests and
 * admins point at a mongod that way).
 */
export function dropMongomsEnv(env: Record<string, string | undefined>): string[] {
  const names = Object.keys(env).filter((name) => name.toUpperCase().startsWith('MONGOMS_'));
  for (const name of names) Reflect.deleteProperty(env, name);
  return names.sort();
}

/** Looks in our download dir and in mongodb-memory-server's usual caches, never downloading. */
export async function locateCachedMongod(downloadDir?: string): Promise<string | null> {
  try {
    const found = await DryMongoBinary.locateBinary(
      DryMongoBinary.getEnsuredOptions(downloadDir ? { downloadDir } : {}),
    );
    return found ?? null;
  } catch {
    return null;
  }
}

/**
 * One message that names every way to get a database, for a coach or an admin to act on. A packaged
 * app leaves out `MONGOMS_SYSTEM_BINARY`, which it ignores.
 */
export function mongodUnavailableMessage(cause: string, dataDir: string, packaged = false): string {
  const options = [
    'EDN_MONGO_URL=mongodb://servidor:27017 — usar un MongoDB existente (p. ej. el de la clínica).',
    ...(packaged
      ? []
      : ['MONGOMS_SYSTEM_BINARY=/ruta/a/mongod — usar un mongod ya instalado en este equipo.']),
    `Copiar un mongod en resources/mongod/${process.platform}-${process.arch}/ (o en la carpeta mongod/ de los recursos de la app instalada).`,
    `Conectarse a internet una vez: el mongod se descarga y queda en ${mongodDownloadDir(dataDir)}.`,
  ];
  return [
    'No se pudo iniciar la base de datos integrada (mongod no disponible).',
    `Causa: ${cause}`,
    'Opciones:',
    ...options.map((option, index) => `  ${index + 1}. ${option}`),
    packaged
      ? '(EN) The embedded database could not start: set EDN_MONGO_URL, bundle a mongod under resources/mongod/, or connect once to download it.'
      : '(EN) The embedded database could not start: set EDN_MONGO_URL, set MONGOMS_SYSTEM_BINARY, bundle a mongod under resources/mongod/, or connect once to download it.',
  ].join('\n');
}
