import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSettingsFile } from '../../../src/main/config/settings-store';
import { BACKUP_COLLECTIONS } from '../../../src/main/db/backup/database-documents';
import { HTTP_ROUTES, ProgressLineSchema, type ProgressLine } from '../../../src/shared/http-routes';
import {
  TEST_HOST,
  TEST_TOKEN,
  testApiConfig,
  useApiServer,
  type RequestOptions,
} from '../../support/api-harness';
import { allDocuments, serverAddress } from '../../support/test-db';
import { seedClient } from '../../support/client-seed';

/*
 * Backups, restores and the move between databases over HTTP (issue #18): the real Fastify server on
 * the test database; a download goes back up as a restore, and the temporary files are gone after.
 */

// Every temporary file of this process lands here, so the test can see that none is left behind.
const scratch = mkdtempSync(join(tmpdir(), 'edn-backup-routes-'));
process.env['TMPDIR'] = scratch;
const config = testApiConfig();
const api = useApiServer({ config });
const PASSPHRASE = 'una frase de paso larga';

async function emptyDatabase(): Promise<void> {
  for (const name of BACKUP_COLLECTIONS) await api.testDb.db.collection(name).deleteMany({});
}

async function backup(body: Record<string, unknown> = {}): Promise<Buffer> {
  const response = await api.request('POST', '/admin/backup', { body });
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

function upload(
  url: string,
  file: Buffer,
  headers: Record<string, string> = {},
  options: RequestOptions = {},
) {
  return api.request('POST', url, {
    raw: file,
    headers: { 'content-type': 'application/octet-stream', ...headers },
    ...options,
  });
}

const leftovers = (): string[] => readdirSync(scratch).filter((name) => /^edn-(upload|backup)-/.test(name));
/** Temporary files go as their response ends (a download's once its last byte is read). */
const nothingLeft = () => vi.waitFor(() => expect(leftovers()).toEqual([]), { timeout: 2_000 });

beforeAll(async () => {
  await seedClient(api.repos, 'ana-copia', 'Ana Copia');
  await seedClient(api.repos, 'bruno-copia', 'Bruno Copia');
});

afterAll(() => {
  delete process.env['TMPDIR'];
});

describe('backup and restore over HTTP', () => {
  it('downloads a backup that restores, under `exact`, into the very same documents', async () => {
    const before = await allDocuments(api.testDb.db);
    const response = await api.request('POST', '/admin/backup', { body: {} });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="edn360-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}\.edn360bak"$/,
    );
    const total = Object.values(before).reduce((sum, docs) => sum + docs.length, 0);
    expect(Number(response.headers['x-backup-documents'])).toBe(total);
    const file = response.rawPayload;
    expect(file.subarray(0, 13).toString()).toBe('EDN360-BACKUP');

    const preview = await upload('/admin/restore/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const { preview: seen } = HTTP_ROUTES.previewRestore.response.parse(preview.json());
    expect(seen.encrypted).toBe(false);
    const users = seen.collections.find((c) => c.collection === 'users');
    expect(users).toMatchObject({ incoming: 2, identical: 2, added: 0 });

    await emptyDatabase();
    const restored = await upload('/admin/restore?rule=exact', file);
    expect(restored.statusCode, restored.body).toBe(200);
    const { restore } = HTTP_ROUTES.restoreBackup.response.parse(restored.json());
    expect(restore.rule).toBe('exact');
    expect(restore.written['users']).toBe(2);
    expect(await allDocuments(api.testDb.db)).toEqual(before);

    const status = await api.request('GET', '/admin/backups');
    expect(status.statusCode).toBe(200);
    const decoded = HTTP_ROUTES.backupStatus.response.parse(status.json());
    expect(decoded.status.last?.kind).toBe('manual');
    expect(decoded.status.last?.at).toBeInstanceOf(Date);
    await nothingLeft();
  });

  it('encrypts with a passphrase, and refuses a missing or wrong one with its code', async () => {
    const file = await backup({ passphrase: PASSPHRASE });
    const ok = await upload('/admin/restore/preview', file, { 'x-backup-passphrase': PASSPHRASE });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ success: true, preview: { encrypted: true } });

    const missing = await upload('/admin/restore/preview', file);
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ success: false, error: 'backup_passphrase_required' });

    const wrong = await upload('/admin/restore?rule=replace', file, {
      'x-backup-passphrase': 'otra frase cualquiera',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ success: false, error: 'backup_wrong_passphrase' });

    const short = await api.request('POST', '/admin/backup', { body: { passphrase: 'corta' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.passphrase');
    await nothingLeft();
  });

  it('refuses a damaged file with 422 and changes nothing', async () => {
    const file = await backup();
    const before = await allDocuments(api.testDb.db);
    const damaged = Buffer.from(file.subarray(0, Math.floor(file.length * 0.7)));
    const refused = await upload('/admin/restore?rule=exact', damaged);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ success: false, error: 'backup_unreadable' });
    expect(await allDocuments(api.testDb.db)).toEqual(before);

    const notOurs = await upload('/admin/restore/preview', Buffer.from('esto no es una copia\n'));
    expect(notOurs.statusCode).toBe(422);
    expect(notOurs.json()).toMatchObject({ error: 'backup_unreadable' });

    const empty = await api.request('POST', '/admin/restore/preview', {
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: 'validation_error', errors: [{ field: 'body' }] });
    await nothingLeft();
  });

  it('streams NDJSON progress that ends with the result, or with the error', async () => {
    const file = await backup();
    const response = await upload('/admin/restore/preview', file, { accept: 'application/x-ndjson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => ProgressLineSchema.parse(JSON.parse(line)) as ProgressLine);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => 'progress' in line)).toBe(true);
    const last = lines.at(-1)!;
    expect('result' in last).toBe(true);
    HTTP_ROUTES.previewRestore.response.parse((last as { result: unknown }).result);
    const progress = lines.at(-2) as { progress: { done: number; total: number } };
    expect(progress.progress.done).toBe(progress.progress.total);

    const encrypted = await backup({ passphrase: PASSPHRASE });
    const failed = await upload('/admin/restore?rule=keep', encrypted, { accept: 'application/x-ndjson' });
    expect(failed.statusCode).toBe(200);
    const end = JSON.parse(failed.body.trim().split('\n').at(-1)!);
    expect(end).toMatchObject({ error: { success: false, error: 'backup_passphrase_required' } });
    await nothingLeft();
  });

  it('needs the admin token, and names a bad rule', async () => {
    expect((await api.request('POST', '/admin/backup', { body: {}, token: false })).statusCode).toBe(401);
    expect((await api.request('GET', '/admin/backups', { token: false })).statusCode).toBe(401);
    const file = await backup();
    const anonymous = await upload('/admin/restore/preview', file, {}, { token: false });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthorized' });

    const badRule = await upload('/admin/restore?rule=todo', file);
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json()).toMatchObject({ error: 'validation_error', errors: [{ field: 'query.rule' }] });

    // A file is only taken where a route expects one.
    const elsewhere = await upload('/admin/users', Buffer.from('x'));
    expect(elsewhere.statusCode).toBe(415);
    await nothingLeft();
  });
});

describe('an upload cut short', () => {
  it('leaves no temporary file behind', async () => {
    // A real socket in front of the same app (its Host check still sees the API's own address).
    const server = createServer((req, res) => api.app.routing(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const request = httpRequest(`http://127.0.0.1:${port}/admin/restore?rule=keep`, {
      method: 'POST',
      headers: {
        host: TEST_HOST,
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/octet-stream',
        'content-length': String(64 * 1024 * 1024),
      },
    });
    request.on('error', () => undefined);
    request.write(Buffer.alloc(256 * 1024, 1));
    // The server is storing it: a temporary folder exists while the upload goes on.
    await vi.waitFor(() => expect(leftovers().length).toBeGreaterThan(0), { timeout: 2_000 });
    request.destroy();
    await nothingLeft();
    expect(await api.testDb.db.collection('users').countDocuments()).toBe(2);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
});

describe('moving to another database over HTTP', () => {
  it('previews, then moves and switches the settings file', async () => {
    const other = `${api.testDb.dbName}_destino`;
    const target = { kind: 'server', url: serverAddress(api.testDb.uri), db_name: other };
    const client = await MongoClient.connect(api.testDb.uri);
    try {
      const dry = await api.request('POST', '/admin/database/move', { body: { target } });
      expect(dry.statusCode, dry.body).toBe(200);
      const { move: preview } = HTTP_ROUTES.moveDatabase.response.parse(dry.json());
      expect(preview.dry_run).toBe(true);
      expect(await client.db(other).collection('users').countDocuments()).toBe(0);

      const moved = await api.request('POST', '/admin/database/move', {
        body: { target, dry_run: false },
        headers: { accept: 'application/x-ndjson' },
      });
      expect(moved.statusCode).toBe(200);
      const last = JSON.parse(moved.body.trim().split('\n').at(-1)!);
      expect(last.result, moved.body).toMatchObject({ success: true, move: { dry_run: false } });
      expect(last.result.move.result.switched).toBe(true);
      expect(await client.db(other).collection('users').countDocuments()).toBe(2);
      const settings = await readSettingsFile(config.dataDir);
      expect(settings).toMatchObject({ mongo_url: serverAddress(api.testDb.uri), db_name: other });

      const invalid = await api.request('POST', '/admin/database/move', {
        body: { target: { kind: 'server', url: 'http://no-es-mongo', db_name: other } },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().errors[0].field).toBe('body.target.url');
    } finally {
      for (const name of BACKUP_COLLECTIONS) await client.db(other).collection(name).deleteMany({});
      await client.close();
    }
  });
});
