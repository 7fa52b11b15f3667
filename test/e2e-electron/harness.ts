import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import type { Edn360Api, WorkerOverview } from '../../src/shared/ipc-contract';
import { FakeLlmServer } from '../support/fake-llm/server';
import { startTestBackend, type TestBackend } from '../support/mongo-backend';
import { REPO_ROOT } from '../support/spawn-cli';

/** Set by scripts/run-e2e.mjs once it found a binary (ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron). */
export const ELECTRON = process.env['EDN_E2E_ELECTRON'] ?? '';
export const SHOTS = join(REPO_ROOT, 'test-results/e2e-electron');

export interface ElectronHarness {
  app: ElectronApplication;
  page: Page;
  llm: FakeLlmServer;
  backend: TestBackend;
  dataDir: string;
  /** Worker status and queue counts, read through the app's own IPC bridge. */
  workerOverview(): Promise<WorkerOverview>;
  stop(): Promise<void>;
}

/**
 * The built desktop app with its own data folder, a test MongoDB (EDN_MONGO_URL) and the fake LLM
 * (EDN_LLM_BASE_URL), showing its main window once the core is up.
 */
export async function startElectronHarness(): Promise<ElectronHarness> {
  mkdirSync(SHOTS, { recursive: true });
  const backend = await startTestBackend();
  const llm = new FakeLlmServer({ ttftMs: 60, tokensPerSecond: 0 });
  await llm.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'edn360-e2e-electron-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  // Set by VS Code and other Electron-based terminals; it turns Electron into plain Node (playwright#11705 family).
  delete env['ELECTRON_RUN_AS_NODE'];
  Object.assign(env, {
    EDN_DATA_DIR: dataDir,
    EDN_MONGO_URL: backend.uri,
    EDN_DB_NAME: `e2e_electron_${Date.now()}`,
    EDN_API_PORT: '0',
    EDN_LLM_BASE_URL: llm.baseUrl,
    EDN_LLM_API_KEY: 'fake-e2e-key',
    EDN_LOG_LEVEL: 'info',
    EDN_POLL_INTERVAL_MS: '200',
    EDN_HEARTBEAT_MS: '200',
    // Short leases: after the worker crash test kills the worker, its job is resumed within seconds.
    EDN_LEASE_MS: '3000',
    EDN_RETRY_BACKOFF_MS: '50',
    EDN_RETRY_BACKOFF_MAX_MS: '100',
    EDN_LLM_MAX_RETRIES: '0',
  });
  const app = await _electron.launch({
    ...(ELECTRON ? { executablePath: ELECTRON } : {}),
    args: [REPO_ROOT],
    cwd: REPO_ROOT,
    env,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.getByTestId('nav-clients').waitFor({ timeout: 90_000 });
  return {
    app,
    page,
    llm,
    backend,
    dataDir,
    workerOverview: () =>
      page.evaluate(async () => {
        // This callback runs in the page, where the preload exposed the bridge as `edn360`.
        const api = (globalThis as unknown as { edn360?: Edn360Api }).edn360;
        if (!api) throw new Error('window.edn360 missing');
        return api.getWorkerStatus();
      }),
    async stop() {
      // app.close() waits without a timeout (playwright#20357): bound it, then kill the process.
      const closed = app.close().then(
        () => true,
        () => false,
      );
      const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000));
      if (!(await Promise.race([closed, timedOut]))) app.process().kill('SIGKILL');
      await llm.stop().catch(() => undefined);
      await backend.stop().catch(() => undefined);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
