import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright';
import { IPC_EVENT_CHANNELS, IPC_METHOD_CHANNELS, type IpcMethod } from '../../src/shared/ipc-channels';
import { DesktopHost } from '../../src/main/electron/desktop-host';
import type { DesktopPlatform, DesktopWindowContents } from '../../src/main/electron/desktop-platform';
import { dispatch } from '../../src/main/electron/ipc/dispatch';
import { createIpcHandlers } from '../../src/main/electron/ipc/handlers';
import type { FrameLike } from '../../src/main/electron/ipc/sender';
import { openRotatingLog, type RotatingLog } from '../../src/main/electron/logs/rotating-log';
import type { SecretCodec } from '../../src/main/electron/settings/llm-key';
import { rendererLocation } from '../../src/main/electron/trusted-url';
import { createLogger, logsDir } from '../../src/main/log/logger';
import { nodeWorkerSpawner } from '../../src/main/worker/node-worker-process';
import { FakeLlmServer } from '../support/fake-llm/server';
import { startTestBackend, type TestBackend } from '../support/mongo-backend';
import { REPO_ROOT } from '../support/spawn-cli';
import { launchChromium, SHOTS } from './harness';

/*
 * The desktop app without the Electron binary (none can be downloaded here): the real DesktopHost,
 * IPC handlers (dispatch with its sender check and zod validation), settings service, rotating log
 * and worker process, with the built renderer loaded from file:// in Debian's Chromium. What stands
 * in for Electron, and only that:
 *   - the preload bridge: `window.edn360` is built by an init script with the same envelope
 *     unwrapping as src/preload/bridge.ts (unit-tested on its own), calling main over a Playwright
 *     binding instead of ipcRenderer.invoke; events come back through page.evaluate;
 *   - safeStorage: a reversible codec reporting Linux's `basic_text` backend (no keyring);
 *   - utilityProcess: a Node child process running the same worker bundle;
 *   - the save dialog answers with `pdfTarget`, the open dialog with `openTarget`; printToPDF is Chromium's own print-to-PDF
 *     (page.pdf), the engine Electron's webContents.printToPDF uses.
 */

export interface DesktopHarness {
  backend: TestBackend;
  llm: FakeLlmServer;
  host: DesktopHost;
  browser: Browser;
  page: Page;
  dataDir: string;
  pdfDir: string;
  /** Where the next save dialog "saves"; null = the coach cancels it. */
  pdfTarget: string | null;
  /** Every default path a save dialog was opened with. */
  dialogDefaults: string[];
  /** What the next open dialog "opens"; null = the coach cancels it. */
  openTarget: string | null;
  /** What the plan screen showed while printing (its print layout must be on screen). */
  printedLayouts: number;
  stop(): Promise<void>;
}

const WEB_CONTENTS_ID = 1;

function codecWithoutKeyring(): SecretCodec {
  return {
    isAvailable: async () => true,
    backend: () => 'basic_text',
    encrypt: async (plain) => Buffer.from(plain, 'utf8').toString('base64'),
    decrypt: async (stored) => Buffer.from(stored, 'base64').toString('utf8'),
  };
}

function frameLike(frame: Frame): FrameLike {
  const parent = frame.parentFrame();
  return { url: frame.url(), parent: parent ? frameLike(parent) : null };
}

/** The preload's job inside the page: `window.edn360` from the channel list (see file comment). */
function installBridge(channels: { methods: Record<string, string>; events: Record<string, string> }): void {
  type Reply = { ok: true; data: unknown } | { ok: false; error: Record<string, unknown> };
  const w = globalThis as unknown as {
    __edn360Invoke(channel: string, args: unknown): Promise<Reply>;
    __edn360Emit?: (channel: string, payload: unknown) => void;
    edn360?: unknown;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(channels.methods)) {
    api[method] = async (args?: unknown) => {
      const reply = await w.__edn360Invoke(channel, args);
      if (reply.ok) return reply.data;
      throw { name: 'IpcError', ...reply.error };
    };
  }
  api['on'] = (event: string, callback: (payload: unknown) => void) => {
    const channel = channels.events[event];
    if (!channel) throw new Error(`Evento IPC desconocido: ${event}`);
    const set = listeners.get(channel) ?? new Set();
    set.add(callback);
    listeners.set(channel, set);
    return () => set.delete(callback);
  };
  w.__edn360Emit = (channel, payload) => {
    for (const callback of listeners.get(channel) ?? []) callback(payload);
  };
  Object.defineProperty(globalThis, 'edn360', { value: Object.freeze(api), writable: false });
}

export async function startDesktopHarness(): Promise<DesktopHarness> {
  mkdirSync(SHOTS, { recursive: true });
  const backend = await startTestBackend();
  const llm = new FakeLlmServer({ ttftMs: 60, tokensPerSecond: 0 });
  await llm.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'edn360-desktop-'));
  const pdfDir = mkdtempSync(join(tmpdir(), 'edn360-pdf-'));
  const log: RotatingLog = openRotatingLog(logsDir(dataDir));
  const logger = createLogger({ dataDir, destination: log.stream, name: 'edn360-desktop' });
  // Electron serves the built renderer's ES modules from file://; plain Chromium needs this for it.
  const browser = await launchChromium(['--allow-file-access-from-files']);
  const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => logger.error({ err: error }, 'renderer error'));
  const indexHtml = join(REPO_ROOT, 'out', 'renderer', 'index.html');
  const location = rendererLocation(indexHtml, undefined);

  const harness = {
    pdfTarget: null as string | null,
    dialogDefaults: [] as string[],
    openTarget: null as string | null,
    printedLayouts: 0,
  };
  const platform: DesktopPlatform = {
    appName: 'EDN360 Coach',
    packaged: false,
    appPath: REPO_ROOT,
    resourcesPath: null,
    documentsDir: () => pdfDir,
    electronVersion: '',
    chromeVersion: browser.version(),
    openExternal: async () => undefined,
    // Read at every spawn, as the utilityProcess spawner does: a restart picks up a new key.
    workerSpawner: (entry, env, workerLogger) => () =>
      nodeWorkerSpawner({ entry, env: env(), logger: workerLogger })(),
    showSaveDialog: async (_id, defaultPath) => {
      harness.dialogDefaults.push(defaultPath);
      return harness.pdfTarget;
    },
    showOpenDialog: async () => harness.openTarget,
    printToPdf: async () => {
      harness.printedLayouts += await page.getByTestId('plan-print-layout').count();
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    },
  };
  const env = {
    EDN_DATA_DIR: dataDir,
    EDN_MONGO_URL: backend.uri,
    EDN_DB_NAME: `e2e_desktop_${Date.now()}`,
    EDN_API_PORT: '0',
    EDN_LLM_BASE_URL: llm.baseUrl,
    EDN_LOG_LEVEL: 'info',
    EDN_POLL_INTERVAL_MS: '200',
    EDN_HEARTBEAT_MS: '200',
    EDN_RETRY_BACKOFF_MS: '50',
    EDN_RETRY_BACKOFF_MAX_MS: '100',
    EDN_LLM_MAX_RETRIES: '0',
    PATH: process.env['PATH'],
  };
  const host = new DesktopHost({
    outDir: join(REPO_ROOT, 'out'),
    dataDir,
    logger,
    codec: codecWithoutKeyring(),
    platform,
    env,
  });
  const handlers = createIpcHandlers({
    core: () => host.getCore(),
    app: host,
    settings: host.settings,
    logFiles: () => log.files,
  });
  const ipcLogger = logger.child({ component: 'ipc' });
  await page.exposeBinding('__edn360Invoke', async (source, channel: string, args: unknown) => {
    const method = (Object.keys(IPC_METHOD_CHANNELS) as IpcMethod[]).find(
      (m) => IPC_METHOD_CHANNELS[m] === channel,
    );
    if (!method) return { ok: false, error: { reason: 'internal_error', message: `canal ${channel}` } };
    return dispatch(
      method,
      args === undefined ? [] : [args],
      frameLike(source.frame),
      { webContentsId: WEB_CONTENTS_ID },
      handlers,
      { location, logger: ipcLogger },
    );
  });
  await page.addInitScript(installBridge, { methods: IPC_METHOD_CHANNELS, events: IPC_EVENT_CHANNELS });

  const contents: DesktopWindowContents = {
    id: WEB_CONTENTS_ID,
    isDestroyed: () => page.isClosed(),
    send: (channel, payload) => {
      void page
        .evaluate(
          ([c, p]) =>
            (globalThis as unknown as { __edn360Emit(c: string, p: unknown): void }).__edn360Emit(c, p),
          [channel, payload] as const,
        )
        .catch(() => undefined);
    },
    // The tests move only through the app's hash router, never reload: no full navigation to report.
    onMainFrameNavigation: () => undefined,
    onceDestroyed: (listener) => page.once('close', listener),
  };
  host.attachWindow(contents);
  await page.goto(location.fileUrl);
  void host.boot();

  return Object.assign(harness, {
    backend,
    llm,
    host,
    browser,
    page,
    dataDir,
    pdfDir,
    async stop() {
      await browser.close().catch(() => undefined);
      await host.stop().catch(() => undefined);
      await log.close().catch(() => undefined);
      await llm.stop().catch(() => undefined);
      await backend.stop().catch(() => undefined);
    },
  });
}
