import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The embedded mongod's root account (docs/ARCHITECTURE.md "Embedded database and packaging security"):
 * mongod runs with `--auth`, so another account on the same computer that finds its 127.0.0.1 port
 * cannot read or change a coach's clients. The password is generated once, kept in the data folder in
 * a file only the user can read (0600), and never written to a log or a command line.
 */
export const CREDENTIALS_FILE = 'mongod-credentials.json';
export const EMBEDDED_ROOT_USER = 'edn360';

export interface EmbeddedCredentials {
  username: string;
  password: string;
  /**
   * True once the account exists in the database (written after a successful provisioning start).
   * False or missing: the next start creates or resets it before turning authentication on.
   */
  provisioned: boolean;
}

const FILE_SHAPE = z.object({
  username: z.string().min(1),
  password: z.string().min(16),
  provisioned: z.boolean().optional(),
});

/** Outside `db/` on purpose: mongodb-memory-server treats an empty dbPath as a new database. */
export function credentialsPath(dataDir: string): string {
  return join(dataDir, CREDENTIALS_FILE);
}

/** 256 random bits, hex: nothing in it needs escaping in a connection string. */
export function generatePassword(): string {
  return randomBytes(32).toString('hex');
}

export interface CredentialsLoad {
  credentials: EmbeddedCredentials;
  /** The file did not exist (or was unreadable as ours) and was written now. */
  created: boolean;
  /** The existing file was readable by others and its mode was set back to 0600. */
  tightened: boolean;
}

/**
 * Reads the credentials file, creating it (mode 0600) with a new random password when it is missing
 * or not ours to parse. A file with a looser mode (copied from a backup, a permissive umask) is
 * chmod-ed back to 0600 before anything else reads it.
 */
export async function loadOrCreateCredentials(dataDir: string): Promise<CredentialsLoad> {
  const file = credentialsPath(dataDir);
  let tightened = false;
  try {
    const { mode } = await stat(file);
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      await chmod(file, 0o600);
      tightened = true;
    }
    const parsed = FILE_SHAPE.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) {
      return {
        credentials: { ...parsed.data, provisioned: parsed.data.provisioned === true },
        created: false,
        tightened,
      };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  // Missing or damaged: a new password, and provisioning resets the account to it.
  const credentials: EmbeddedCredentials = {
    username: EMBEDDED_ROOT_USER,
    password: generatePassword(),
    provisioned: false,
  };
  await writeCredentials(dataDir, credentials);
  return { credentials, created: true, tightened };
}

/** Atomic replace of a file created 0600 from the start (never briefly readable by others). */
export async function writeCredentials(dataDir: string, credentials: EmbeddedCredentials): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = credentialsPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  // The mode argument of open() is filtered by the umask, and a leftover temp file keeps its mode.
  if (process.platform !== 'win32') await chmod(temp, 0o600);
  await rename(temp, file);
}

/**
 * `mongodb://127.0.0.1:PORT/` → `mongodb://edn360:<password>@127.0.0.1:PORT/?authSource=admin`: the URL
 * the app and its worker process connect with. Only `redactMongoUrl(...)` of it is ever logged or shown.
 */
export function withCredentials(
  uri: string,
  credentials: Pick<EmbeddedCredentials, 'username' | 'password'>,
): string {
  const match = /^(mongodb:\/\/)([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error('unexpected embedded mongod URI');
  const [, scheme, hosts, path, query] = match;
  const user = `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}`;
  const params = new URLSearchParams(query?.slice(1) ?? '');
  params.set('authSource', 'admin');
  return `${scheme}${user}@${hosts}${path || '/'}?${params.toString()}`;
}
