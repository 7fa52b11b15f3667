import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveOutcome } from '../../../src/shared/backup';
import type { IpcEnvelope, IpcMethod } from '../../../src/shared/ipc-contract';
import type { StartupState } from '../../../src/shared/startup';
import { readSettingsFile, writeSettingsFile } from '../../../src/main/config/settings-store';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { dispatch } from '../../../src/main/electron/ipc/dispatch';
import { createIpcHandlers } from '../../../src/main/electron/ipc/handlers';
import { silentLogger } from '../../../src/main/log/logger';
import { seedClient } from '../../support/client-seed';
import { bootTestDesktopHost } from '../../support/desktop-host-fakes';
import { serverAddress, useTestDatabase } from '../../support/test-db';
import { waitFor } from '../../support/worker-harness';
import { appFrame, builtLocation } from '../../unit/electron/fakes';

/*
 * Issue #18: after a move through Ajustes the desktop app must stop writing to the old database.
 * The real DesktopHost (core, API, settings file) and the real IPC handlers, called through
 * `dispatch` as ipcMain calls them, move the data between two databases of the test server; the
 * host then reopens its core on the database the settings name now. Electron is mocked only at the
 * platform boundary: the window is a fake webContents that records what it is sent, the sender
 * frame is a fake, safeStorage a reversible codec, and the utilityProcess a stand-in that says
 * "ready" and claims nothing.
 */
const testDb = useTestDatabase();
let targetName: string;
/** The server's address without a database in its path (that one would win over the settings' `db_name`). */
let serverUrl: string;
let dataDir: string;
let host: Awaited<ReturnType<typeof bootTestDesktopHost>>;
const startup: StartupState[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'edn-move-ipc-'));
  targetName = `${testDb.dbName}_moved`;
  serverUrl = serverAddress(testDb.uri);
  // The database comes from the settings file (as the coach's does), so the move's switch decides it.
  await writeSettingsFile(dataDir, { mongo_url: serverUrl, db_name: testDb.dbName });
  const repos = createRepositories(testDb.db);
  await seedClient(repos, 'ana', 'Ana Ruiz');
  host = await bootTestDesktopHost({
    dataDir,
    env: { EDN_DATA_DIR: dataDir, EDN_API_PORT: '0', PATH: process.env['PATH'] },
    onSend: (channel, payload) => {
      if (channel.endsWith('startup')) startup.push(payload as StartupState);
    },
  });
});

afterAll(async () => {
  await host?.stop();
  const target = testDb.client.db(targetName);
  try {
    await target.dropDatabase();
  } catch {
    for (const name of Object.values(COLLECTIONS)) await target.collection(name).deleteMany({});
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function ok<T>(method: IpcMethod, args?: unknown): Promise<T> {
  const handlers = createIpcHandlers({
    core: () => host.getCore(),
    app: host,
    settings: host.settings,
    logFiles: () => [],
  });
  const reply: IpcEnvelope<unknown> = await dispatch(
    method,
    args === undefined ? [] : [args],
    appFrame,
    { webContentsId: 1 },
    handlers,
    { location: builtLocation, logger: silentLogger() },
  );
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.reason} ${reply.error.message}`);
  return reply.data as T;
}

describe('moving the database from Ajustes (desktop)', () => {
  it('reopens the core on the target after the move, so nothing more goes to the old database', async () => {
    expect(host.startupState().phase).toBe('ready');
    const before = host.getCore();
    expect(before?.database.db.databaseName).toBe(testDb.dbName);
    const target = { kind: 'server', url: serverUrl, db_name: targetName };

    // The dry run changes nothing: same core, same settings.
    const checked = await ok<MoveOutcome>('moveDatabase', { target, dry_run: true });
    expect(checked.dry_run).toBe(true);
    await new Promise((done) => setTimeout(done, 400));
    expect(host.getCore()).toBe(before);

    startup.length = 0;
    const moved = await ok<MoveOutcome>('moveDatabase', { target, rule: 'keep', dry_run: false });
    expect(moved.dry_run).toBe(false);
    if (moved.dry_run) return;
    expect(moved.result.switched).toBe(true);
    // The reply comes first: the core it ran on is still there when it arrives.
    expect(host.getCore()).toBe(before);
    expect(await readSettingsFile(dataDir)).toMatchObject({ db_name: targetName, mongo_url: serverUrl });

    // Then the host reopens: the windows see the start-up screen, then ready on the new database.
    await waitFor(
      async () => host.getCore() !== before && host.startupState().phase === 'ready',
      20_000,
      'the host reopened on the target',
    );
    const after = host.getCore();
    expect(after?.database.db.databaseName).toBe(targetName);
    expect(startup[0]).toEqual({ phase: 'starting', step: 'reconnect' });
    expect(startup.at(-1)?.phase).toBe('ready');

    // What the coach writes now lands in the target; the old database is left as it was.
    const created = await ok<{ _id: string }>('createClient', {
      nombre_completo: 'Carla Gómez',
      email: 'carla@example.com',
    });
    const users = (db: string) => testDb.client.db(db).collection('users');
    expect(await users(targetName).countDocuments({ _id: created._id as never })).toBe(1);
    expect(await users(testDb.dbName).countDocuments({ _id: created._id as never })).toBe(0);
    // The copied client is there too.
    const page = await ok<{ items: Array<{ _id: string }> }>('listClients', {});
    expect(page.items.map((u) => u._id)).toEqual(expect.arrayContaining(['ana', created._id]));
  });

  it('a move through the app’s own HTTP API reopens it too (the answer says no restart is needed)', async () => {
    const before = host.getCore()!;
    const response = await fetch(`${before.apiUrl}/admin/database/move`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${before.config.api.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        target: { kind: 'server', url: serverUrl, db_name: testDb.dbName },
        rule: 'keep',
        dry_run: false,
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { move: MoveOutcome };
    if (body.move.dry_run) throw new Error('expected a move');
    expect(body.move.result).toMatchObject({ switched: true, restart_required: false });
    await waitFor(
      async () => host.getCore() !== before && host.startupState().phase === 'ready',
      20_000,
      'the host reopened on the database the HTTP move chose',
    );
    expect(host.getCore()?.database.db.databaseName).toBe(testDb.dbName);
  });
});
