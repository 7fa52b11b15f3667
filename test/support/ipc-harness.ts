import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcEnvelope, IpcErrorPayload, IpcMethod } from '../../src/shared/ipc-contract';
import type { TransferProgress } from '../../src/shared/backup';
import { databaseCare } from '../../src/main/application/database-care';
import { loadConfig } from '../../src/main/config/load-config';
import { getCollections } from '../../src/main/db/collections';
import { createRepositories, type Repositories } from '../../src/main/db/repositories';
import { dispatch } from '../../src/main/electron/ipc/dispatch';
import { createIpcHandlers } from '../../src/main/electron/ipc/handlers';
import type { AppHost, IpcCore } from '../../src/main/electron/ipc/host';
import { SettingsService } from '../../src/main/electron/settings/settings-service';
import { silentLogger } from '../../src/main/log/logger';
import { JobEventBus } from '../../src/main/queue/job-events';
import { JobQueue } from '../../src/main/queue/job-queue';
import { appFrame, builtLocation } from '../unit/electron/fakes';
import { databaseHandle } from './api-harness';
import type { TestDatabase } from './test-db';

/*
 * The IPC handlers on a test database, called through `dispatch` exactly as ipcMain calls them
 * (sender check, validation, envelopes). Electron is not involved — mocked at that boundary only:
 * the sender frame is a fake, the app host a stub (save dialog, printing), safeStorage a fake codec,
 * and there is no worker process.
 */

export interface TestIpcOptions {
  /** The host's dialogs and printing, and whatever else a test observes. */
  app?: Partial<AppHost>;
  /** Share another harness's repositories and queue (one core, two doors). */
  repositories?: Repositories;
  queue?: JobQueue;
  events?: JobEventBus;
  /** Whether the core is up at each call (the start-up tests switch it off). */
  coreEnabled?: () => boolean;
  /** What the desktop host does when Ajustes regenerates the API token. */
  onApiTokenChanged?: (token: string, core: IpcCore) => void;
  logFiles?: (dataDir: string) => string[];
}

export interface TestIpc {
  core: IpcCore;
  dataDir: string;
  /** Every `transferProgress` event the handlers pushed (backups, restores, moves). */
  progress: TransferProgress[];
  call(method: IpcMethod, args?: unknown): Promise<IpcEnvelope<unknown>>;
  ok<T = Record<string, unknown>>(method: IpcMethod, args?: unknown): Promise<T>;
  failure(method: IpcMethod, args?: unknown): Promise<IpcErrorPayload>;
}

const notUsed = (): never => {
  throw new Error('not used');
};

export async function createTestIpc(testDb: TestDatabase, options: TestIpcOptions = {}): Promise<TestIpc> {
  const dataDir = mkdtempSync(join(tmpdir(), 'edn-ipc-'));
  const config = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
  const core: IpcCore = {
    config,
    database: databaseHandle(testDb),
    repositories: options.repositories ?? createRepositories(testDb.db),
    queue:
      options.queue ??
      new JobQueue(getCollections(testDb.db).jobs, options.events ?? new JobEventBus(), null),
    worker: null,
    apiUrl: 'http://127.0.0.1:0',
  };
  const progress: TransferProgress[] = [];
  // The desktop host's own construction (desktop-host.ts), on the test database.
  const care = databaseCare({
    database: core.database,
    dbName: testDb.db.databaseName,
    dataDir,
    resourcesDir: null,
    repoResourcesDir: join(process.cwd(), 'resources'),
    packaged: false,
    env: {},
    logger: silentLogger(),
    instanceName: config.worker.instanceName,
    version: '0.0.0-test',
  });
  const app: AppHost = {
    startupState: () => ({ phase: 'starting', step: 'database' }),
    appInfo: notUsed,
    openExternal: async () => undefined,
    rendererReady: () => undefined,
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    databaseCare: () => (options.coreEnabled?.() === false ? null : care),
    transferProgress: (event) => progress.push(event),
    printToPdf: notUsed,
    ...options.app,
  };
  const codec = {
    isAvailable: async () => true,
    backend: () => null,
    encrypt: async (s: string) => s,
    decrypt: async (s: string) => s,
  };
  const handlers = createIpcHandlers({
    core: () => (options.coreEnabled?.() === false ? null : core),
    app,
    settings: new SettingsService({
      dataDir,
      env: {},
      codec,
      onLlmKeyChanged: async () => undefined,
      onWorkerSettingsChanged: async () => undefined,
      onApiTokenChanged: (token) => options.onApiTokenChanged?.(token, core),
    }),
    logFiles: () => options.logFiles?.(dataDir) ?? [],
  });
  const call = (method: IpcMethod, args?: unknown): Promise<IpcEnvelope<unknown>> =>
    dispatch(method, args === undefined ? [] : [args], appFrame, { webContentsId: 1 }, handlers, {
      location: builtLocation,
      logger: silentLogger(),
    });
  return {
    core,
    dataDir,
    progress,
    call,
    async ok<T = Record<string, unknown>>(method: IpcMethod, args?: unknown): Promise<T> {
      const reply = await call(method, args);
      if (!reply.ok) throw new Error(`${method} failed: ${reply.error.reason} ${reply.error.message}`);
      return reply.data as T;
    },
    async failure(method: IpcMethod, args?: unknown): Promise<IpcErrorPayload> {
      const reply = await call(method, args);
      if (reply.ok) throw new Error(`${method} unexpectedly succeeded`);
      return reply.error;
    },
  };
}
