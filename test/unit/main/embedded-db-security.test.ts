import { chmod, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { dbNameFromMongoUrl, loadConfig } from '../../../src/main/config/load-config';
import {
  credentialsPath,
  loadOrCreateCredentials,
  withCredentials,
} from '../../../src/main/db/embedded-credentials';
import {
  embeddedServerOptions,
  isAuthenticationFailure,
  startEmbeddedMongo,
} from '../../../src/main/db/embedded-mongo';
import { DatabaseUnavailableError, redactMongoUrl } from '../../../src/main/db/errors';
import { dropMongomsEnv, mongodUnavailableMessage, resolveMongod } from '../../../src/main/db/mongod-binary';
import { createLogger, logsDir, restrictExistingLogFiles } from '../../../src/main/log/logger';

/*
 * The embedded database's lock (issue #17, point 7), up to the mongod process: no mongod binary exists
 * on the machines these tests run on, so starting a real mongod with `--auth` is covered only by
 * test/integration/db/embedded-mongo.test.ts where one is available (MONGOMS_SYSTEM_BINARY).
 */
// File modes exist on Linux and macOS only (Windows protects the data folder by its ACL): the
// mode checks are skipped there, by design.
const posix = process.platform !== 'win32';
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;
const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'edn-dbsec-'));

describe('embedded database credentials file', () => {
  it('is created once, owner-only (0600), with a random 256-bit password, and reused afterwards', async () => {
    const dataDir = await tempDir();
    const first = await loadOrCreateCredentials(dataDir);
    expect(first.created).toBe(true);
    expect(first.credentials).toMatchObject({ username: 'edn360', provisioned: false });
    expect(first.credentials.password).toMatch(/^[0-9a-f]{64}$/);
    if (posix) expect(await modeOf(credentialsPath(dataDir))).toBe(0o600);

    const second = await loadOrCreateCredentials(dataDir);
    expect(second.created).toBe(false);
    expect(second.credentials.password).toBe(first.credentials.password);

    const other = await loadOrCreateCredentials(await tempDir());
    expect(other.credentials.password).not.toBe(first.credentials.password);
  });

  it.skipIf(!posix)('sets a file readable by others back to 0600 and says so', async () => {
    const dataDir = await tempDir();
    const { credentials } = await loadOrCreateCredentials(dataDir);
    await chmod(credentialsPath(dataDir), 0o644);
    const again = await loadOrCreateCredentials(dataDir);
    expect(again.tightened).toBe(true);
    expect(again.credentials.password).toBe(credentials.password);
    expect(await modeOf(credentialsPath(dataDir))).toBe(0o600);
  });

  it('replaces a damaged file with new credentials that the next start provisions', async () => {
    const dataDir = await tempDir();
    await writeFile(credentialsPath(dataDir), '{ not json', { mode: 0o600 });
    const loaded = await loadOrCreateCredentials(dataDir);
    expect(loaded.created).toBe(true);
    expect(loaded.credentials.provisioned).toBe(false);
    expect(JSON.parse(await readFile(credentialsPath(dataDir), 'utf8'))).toMatchObject({
      username: 'edn360',
      password: loaded.credentials.password,
    });
  });
});

describe('the URL the app and its worker connect with', () => {
  const credentials = { username: 'edn360', password: 'a'.repeat(64) };
  const url = withCredentials('mongodb://127.0.0.1:41234/', credentials);

  it('carries the root account and authSource=admin, as the MongoDB driver reads it', () => {
    expect(url).toBe(`mongodb://edn360:${'a'.repeat(64)}@127.0.0.1:41234/?authSource=admin`);
    // Parsed, not connected: the driver's own reading of the connection string.
    const client = new MongoClient(url);
    expect(client.options.credentials).toMatchObject({
      username: 'edn360',
      password: 'a'.repeat(64),
      source: 'admin',
    });
    // No database in the path: the worker keeps using EDN_DB_NAME, which start-core passes beside it.
    expect(dbNameFromMongoUrl(url)).toBeNull();
  });

  it('is shown and logged only redacted', async () => {
    expect(redactMongoUrl(url)).toBe('mongodb://edn360:***@127.0.0.1:41234/?authSource=admin');
    const dataDir = await tempDir();
    const logger = createLogger({ dataDir, level: 'info' });
    logger.info({ url: redactMongoUrl(url) }, 'database ready');
    // An environment or the credentials object logged by mistake are redacted by the logger itself.
    logger.info({ env: { EDN_MONGO_URL: url }, credentials }, 'worker env');
    logger.flush();
    const text = await readFile(join(logsDir(dataDir), 'edn360.log'), 'utf8');
    expect(text).toContain('mongodb://edn360:***@127.0.0.1:41234');
    expect(text).not.toContain('a'.repeat(64));
  });

  it('tells an authentication failure apart from other connection errors', () => {
    expect(isAuthenticationFailure(Object.assign(new Error('Authentication failed.'), { code: 18 }))).toBe(
      true,
    );
    const wrapped = new Error('handshake', { cause: Object.assign(new Error('auth'), { code: 18 }) });
    expect(isAuthenticationFailure(wrapped)).toBe(true);
    expect(isAuthenticationFailure(Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(
      false,
    );
  });
});

describe('mongodb-memory-server options for the embedded mongod', () => {
  it('turns authentication on with the file credentials, on 127.0.0.1 and the persistent dbPath', () => {
    const options = embeddedServerOptions('/data/db', '/bin/mongod', {
      username: 'edn360',
      password: 'p'.repeat(64),
    });
    expect(options).toEqual({
      instance: { dbPath: '/data/db', storageEngine: 'wiredTiger', ip: '127.0.0.1' },
      binary: { systemBinary: '/bin/mongod' },
      // force: false — the library creates the account only on an empty dbPath; provisioning did it otherwise.
      auth: { enable: true, force: false, customRootName: 'edn360', customRootPwd: 'p'.repeat(64) },
    });
  });

  it('starts without authentication only for provisioning the account', () => {
    const options = embeddedServerOptions('/data/db', '/bin/mongod', null);
    expect(options).not.toHaveProperty('auth');
    expect(options.instance?.ip).toBe('127.0.0.1');
  });
});

describe('a packaged app ignores MONGOMS_*', () => {
  it('resolveMongod ignores MONGOMS_SYSTEM_BINARY when packaged', async () => {
    const root = await tempDir();
    const base = {
      env: { MONGOMS_SYSTEM_BINARY: '/tmp/evil/mongod' },
      resourcesDir: null,
      repoResourcesDir: join(root, 'none'),
      downloadDir: join(root, 'downloads'),
    };
    expect(await resolveMongod(base)).toEqual({ source: 'system_binary', path: '/tmp/evil/mongod' });
    const packaged = await resolveMongod({ ...base, packaged: true });
    expect(packaged.source).not.toBe('system_binary');
  });

  it('dropMongomsEnv removes every MONGOMS_* variable mongodb-memory-server would read', () => {
    const env: Record<string, string | undefined> = {
      MONGOMS_SYSTEM_BINARY: '/x',
      MONGOMS_DOWNLOAD_URL: 'https://evil.example/mongod.tgz',
      mongoms_version: '4.0.0',
      PATH: '/usr/bin',
    };
    expect(dropMongomsEnv(env)).toEqual(['MONGOMS_DOWNLOAD_URL', 'MONGOMS_SYSTEM_BINARY', 'mongoms_version']);
    expect(env).toEqual({ PATH: '/usr/bin' });
  });

  it('the packaged message does not offer MONGOMS_SYSTEM_BINARY', () => {
    expect(mongodUnavailableMessage('x', '/d', true)).not.toContain('MONGOMS_SYSTEM_BINARY');
    expect(mongodUnavailableMessage('x', '/d', false)).toContain('MONGOMS_SYSTEM_BINARY');
  });

  it.skipIf(!posix)(
    'startEmbeddedMongo drops them, warns, and runs the bundled mongod instead (a stub that fails here)',
    async () => {
      const root = await tempDir();
      const dataDir = join(root, 'data');
      const bundledDir = join(root, 'resources', 'mongod');
      await mkdir(bundledDir, { recursive: true });
      const bundled = join(bundledDir, 'mongod');
      // Not a mongod: the start fails right after the choice of binary, which is what is checked.
      await writeFile(bundled, '#!/bin/sh\nexit 3\n');
      await chmod(bundled, 0o755);
      const processEnv: Record<string, string | undefined> = {
        MONGOMS_SYSTEM_BINARY: join(root, 'attacker-mongod'),
        MONGOMS_DOWNLOAD_MIRROR: 'https://evil.example',
      };
      const lines: Array<{ msg: string; ignored?: string[] }> = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
      const error = await startEmbeddedMongo({
        dataDir,
        resourcesDir: join(root, 'resources'),
        repoResourcesDir: join(root, 'repo-resources'),
        env: processEnv,
        processEnv,
        logger,
        packaged: true,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toContain(bundled);
      expect((error as Error).message).not.toContain('attacker-mongod');
      expect(processEnv).toEqual({});
      expect(lines.find((line) => line.ignored)?.ignored).toEqual([
        'MONGOMS_DOWNLOAD_MIRROR',
        'MONGOMS_SYSTEM_BINARY',
      ]);
      // The credentials exist (0600) before mongod is first started, and the db folder is owner-only.
      expect(await modeOf(credentialsPath(dataDir))).toBe(0o600);
      expect(await modeOf(join(dataDir, 'db'))).toBe(0o700);
    },
  );

  it('loadConfig marks the app packaged when told, or when given the packaged resources folder', async () => {
    const dataDir = await tempDir();
    const env = { EDN_DATA_DIR: dataDir };
    expect((await loadConfig({ env })).packaged).toBe(false);
    expect((await loadConfig({ env, resourcesDir: '/opt/EDN360/resources' })).packaged).toBe(true);
    expect((await loadConfig({ env, packaged: true })).packaged).toBe(true);
    expect((await loadConfig({ env, resourcesDir: '/r', packaged: false })).packaged).toBe(false);
  });
});

describe('headless log files', () => {
  it.skipIf(!posix)('are created 0600 in a 0700 folder', async () => {
    const dataDir = await tempDir();
    createLogger({ dataDir, level: 'info' }).info('hello');
    expect(await modeOf(join(logsDir(dataDir), 'edn360.log'))).toBe(0o600);
    expect(await modeOf(logsDir(dataDir))).toBe(0o700);
  });

  it.skipIf(!posix)('an older, world-readable log is set to 0600 and kept (appended to)', async () => {
    const dataDir = await tempDir();
    await mkdir(logsDir(dataDir), { recursive: true, mode: 0o755 });
    const file = join(logsDir(dataDir), 'edn360.log');
    await writeFile(file, '{"msg":"old line"}\n', { mode: 0o644 });
    await chmod(file, 0o644);
    const logger = createLogger({ dataDir, level: 'info' });
    logger.info('new line');
    logger.flush();
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(logsDir(dataDir))).toBe(0o700);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('old line');
    expect(text).toContain('new line');
  });

  it.skipIf(!posix)(
    'older rotated files readable by others are set to 0600; missing ones are not created',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'edn360.log.1'), 'x', { mode: 0o644 });
      await chmod(join(dir, 'edn360.log.1'), 0o644);
      restrictExistingLogFiles([join(dir, 'edn360.log.1'), join(dir, 'edn360.log.2')]);
      expect(await modeOf(join(dir, 'edn360.log.1'))).toBe(0o600);
      await expect(stat(join(dir, 'edn360.log.2'))).rejects.toThrow();
    },
  );
});
