import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * startEmbeddedMongo's account handling, step by step, against a SIMULATED mongod: no mongod binary
 * exists where these tests run, so mongodb-memory-server's MongoMemoryServer and the driver's
 * MongoClient are replaced at that boundary by a fake that keeps a user table and enforces `--auth`
 * like mongod (a login with a wrong password fails with code 18). What the fake cannot show — a real
 * mongod accepting `--auth` and SCRAM — is covered by test/integration/db/embedded-mongo.test.ts
 * where a mongod is available.
 */
interface FakeMongod {
  users: Map<string, string>;
  auth: boolean;
  starts: Array<{ auth: boolean; rootName?: string }>;
  commands: string[];
}
const mongod: FakeMongod = { users: new Map(), auth: false, starts: [], commands: [] };

vi.mock('mongodb-memory-server', async (importOriginal) => {
  const original = await importOriginal<typeof import('mongodb-memory-server')>();
  class FakeServer {
    static async create(opts: { auth?: { enable: boolean; customRootName: string } }): Promise<FakeServer> {
      mongod.auth = opts.auth?.enable === true;
      mongod.starts.push({ auth: mongod.auth, rootName: opts.auth?.customRootName });
      return new FakeServer();
    }
    getUri(): string {
      return 'mongodb://127.0.0.1:40000/';
    }
    async stop(): Promise<boolean> {
      return true;
    }
  }
  return { ...original, MongoMemoryServer: FakeServer };
});

vi.mock('mongodb', async (importOriginal) => {
  const original = await importOriginal<typeof import('mongodb')>();
  class FakeClient {
    private readonly user: string | null;
    private readonly password: string | null;
    constructor(url: string) {
      const match = /^mongodb:\/\/([^:@/]+):([^@/]+)@/.exec(url);
      this.user = match?.[1] ? decodeURIComponent(match[1]) : null;
      this.password = match?.[2] ? decodeURIComponent(match[2]) : null;
    }
    static async connect(url: string): Promise<FakeClient> {
      const client = new FakeClient(url);
      await client.connect();
      return client;
    }
    async connect(): Promise<void> {
      if (mongod.auth && (this.user === null || mongod.users.get(this.user) !== this.password)) {
        throw Object.assign(new Error('Authentication failed.'), { code: 18 });
      }
    }
    db(name: string): { command(cmd: Record<string, unknown>): Promise<unknown> } {
      return {
        command: async (cmd) => {
          const [verb] = Object.keys(cmd);
          mongod.commands.push(verb ?? '');
          if (verb === 'ping') return { ok: 1 };
          if (verb === 'usersInfo') {
            const all = [...mongod.users.keys()].map((key) => {
              const [db, user] = key.includes('.') ? key.split('.') : ['admin', key];
              return { db, user };
            });
            return typeof cmd['usersInfo'] === 'string'
              ? { users: all.filter((u) => u.db === name && u.user === cmd['usersInfo']) }
              : { users: all };
          }
          const user = String(cmd[verb ?? '']);
          const key = name === 'admin' ? user : `${name}.${user}`;
          if (verb === 'createUser' || verb === 'updateUser') mongod.users.set(key, String(cmd['pwd']));
          if (verb === 'dropUser') mongod.users.delete(key);
          return { ok: 1 };
        },
      };
    }
    async close(): Promise<void> {}
  }
  return { ...original, MongoClient: FakeClient };
});

const { startEmbeddedMongo } = await import('../../../src/main/db/embedded-mongo');
const { credentialsPath } = await import('../../../src/main/db/embedded-credentials');
const { silentLogger } = await import('../../../src/main/log/logger');

async function setup(): Promise<Parameters<typeof startEmbeddedMongo>[0]> {
  const root = await mkdtemp(join(tmpdir(), 'edn-provision-'));
  const bundled = join(root, 'resources', 'mongod');
  await mkdir(bundled, { recursive: true });
  const exe = join(bundled, process.platform === 'win32' ? 'mongod.exe' : 'mongod');
  await writeFile(exe, '#!/bin/sh\n');
  await chmod(exe, 0o755);
  return {
    dataDir: join(root, 'data'),
    resourcesDir: join(root, 'resources'),
    repoResourcesDir: join(root, 'none'),
    env: {},
    logger: silentLogger(),
  };
}
const fileOf = async (dataDir: string): Promise<{ password: string; provisioned: boolean }> =>
  JSON.parse(await readFile(credentialsPath(dataDir), 'utf8')) as { password: string; provisioned: boolean };

describe('embedded mongod account (simulated mongod)', () => {
  beforeEach(() => {
    mongod.users.clear();
    mongod.auth = false;
    mongod.starts.length = 0;
    mongod.commands.length = 0;
  });

  it('first start: creates the account without auth, then runs with --auth and connects with it', async () => {
    const options = await setup();
    const db = await startEmbeddedMongo(options);
    const file = await fileOf(options.dataDir);
    expect(mongod.starts).toEqual([{ auth: false }, { auth: true, rootName: 'edn360' }]);
    expect(mongod.users.get('edn360')).toBe(file.password);
    expect(file.provisioned).toBe(true);
    expect(db.uri).toBe(`mongodb://edn360:${file.password}@127.0.0.1:40000/?authSource=admin`);
    await db.stop();
  });

  it('second start: straight to --auth with the stored password, no provisioning', async () => {
    const options = await setup();
    await (await startEmbeddedMongo(options)).stop();
    mongod.starts.length = 0;
    mongod.commands.length = 0;
    const again = await startEmbeddedMongo(options);
    expect(mongod.starts).toEqual([{ auth: true, rootName: 'edn360' }]);
    expect(mongod.commands).not.toContain('createUser');
    expect(again.uri).toContain(`:${(await fileOf(options.dataDir)).password}@`);
  });

  it('a lost credentials file: a new password, set on the existing account; other accounts dropped', async () => {
    const options = await setup();
    await (await startEmbeddedMongo(options)).stop();
    const old = (await fileOf(options.dataDir)).password;
    mongod.users.set('intruder', 'x');
    mongod.users.set('clinic.someone', 'y');
    await writeFile(credentialsPath(options.dataDir), 'lost');
    mongod.starts.length = 0;
    const db = await startEmbeddedMongo(options);
    const fresh = (await fileOf(options.dataDir)).password;
    expect(fresh).not.toBe(old);
    expect([...mongod.users.entries()]).toEqual([['edn360', fresh]]);
    expect(mongod.starts.map((s) => s.auth)).toEqual([false, true]);
    expect(db.uri).toContain(`:${fresh}@`);
  });

  it('an account that refuses the stored password is reset once, then used', async () => {
    const options = await setup();
    await (await startEmbeddedMongo(options)).stop();
    mongod.users.set('edn360', 'changed-elsewhere');
    mongod.starts.length = 0;
    const db = await startEmbeddedMongo(options);
    const file = await fileOf(options.dataDir);
    expect(mongod.starts.map((s) => s.auth)).toEqual([true, false, true]);
    expect(mongod.users.get('edn360')).toBe(file.password);
    expect(file.provisioned).toBe(true);
    expect(db.uri).toContain(`:${file.password}@`);
  });
});
