import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mongodUnavailableMessage, resolveMongod } from '../../../src/main/db/mongod-binary';
import { redactMongoUrl } from '../../../src/main/db/errors';

const exe = process.platform === 'win32' ? 'mongod.exe' : 'mongod';

async function fakeBinary(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, exe);
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
}

describe('resolveMongod', () => {
  it('prefers MONGOMS_SYSTEM_BINARY, then a bundled binary (packaged before checkout)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'edn-mongod-'));
    const packaged = await fakeBinary(join(root, 'app-resources', 'mongod'));
    const repo = await fakeBinary(
      join(root, 'repo-resources', 'mongod', `${process.platform}-${process.arch}`),
    );
    const base = {
      resourcesDir: join(root, 'app-resources'),
      repoResourcesDir: join(root, 'repo-resources'),
      downloadDir: join(root, 'downloads'),
    };
    expect(await resolveMongod({ ...base, env: { MONGOMS_SYSTEM_BINARY: '/opt/mongo/bin/mongod' } })).toEqual(
      {
        source: 'system_binary',
        path: '/opt/mongo/bin/mongod',
      },
    );
    expect(await resolveMongod({ ...base, env: {} })).toEqual({ source: 'bundled', path: packaged });
    expect(await resolveMongod({ ...base, resourcesDir: null, env: {} })).toEqual({
      source: 'bundled',
      path: repo,
    });
  });

  it('falls back to a download when nothing is local', async () => {
    const root = await mkdtemp(join(tmpdir(), 'edn-mongod-'));
    const resolved = await resolveMongod({
      env: {},
      resourcesDir: null,
      repoResourcesDir: join(root, 'none'),
      downloadDir: join(root, 'downloads'),
    });
    // On a machine with a cached mongod in the default caches this finds it instead; both are valid.
    expect(['download', 'download_cache']).toContain(resolved.source);
  });
});

describe('mongodUnavailableMessage', () => {
  it('names every way to get a database', () => {
    const message = mongodUnavailableMessage('getaddrinfo ENOTFOUND fastdl.mongodb.org', '/data/edn');
    for (const option of [
      'EDN_MONGO_URL',
      'MONGOMS_SYSTEM_BINARY',
      'resources/mongod/',
      '/data/edn/mongodb-binaries',
    ]) {
      expect(message).toContain(option);
    }
    expect(message).toContain('ENOTFOUND');
  });
});

describe('redactMongoUrl', () => {
  it('hides passwords but keeps the rest readable', () => {
    expect(redactMongoUrl('mongodb://admin:s3cr%40t@db.clinic:27017/edn')).toBe(
      'mongodb://admin:***@db.clinic:27017/edn',
    );
    expect(redactMongoUrl('mongodb+srv://u:p@cluster0.x.net')).toBe('mongodb+srv://u:***@cluster0.x.net');
    expect(redactMongoUrl('mongodb://127.0.0.1:27017')).toBe('mongodb://127.0.0.1:27017');
  });
});
