import { dirname, join } from 'node:path';
import type { TransferProgress } from '@shared/backup';
import type { AppInfo } from '@shared/ipc-contract';
import type { DatabaseCare } from '../application/database-care';
import type { StartupState } from '@shared/startup';
import { loadConfig } from '../config/load-config';
import { readSettingsFile } from '../config/settings-store';
import { startCore, type Core } from '../core/start-core';
import { startupErrorState } from '../core/startup-error';
import { APP_VERSION } from '../core/version';
import type { Logger } from '../log/logger';
import { logsDir } from '../log/logger';
import { JobEventThrottle } from './events/job-event-throttle';
import { RendererEvents } from './events/renderer-events';
import type { AppHost, IpcCore } from './ipc/host';
import { envLlmKey, llmKeyStatus, readStoredLlmKey, type SecretCodec } from './settings/llm-key';
import { SettingsService } from './settings/settings-service';
import { startupWarnings } from './startup-warnings';
import { isSafeExternalUrl } from './trusted-url';
import type { DesktopPlatform, DesktopWindowContents, OpenFileKind, SaveFileKind } from './desktop-platform';

export interface DesktopHostOptions {
  outDir: string;
  dataDir: string;
  logger: Logger;
  codec: SecretCodec;
  platform: DesktopPlatform;
  env?: NodeJS.ProcessEnv;
}

/**
 * The desktop app's state around the Electron-free core: start-up state, the core once it runs, the
 * LLM key kept by the app, and the events pushed to windows. The IPC handlers read it through the
 * AppHost interface.
 */
/** How long after a move's answer the core is reopened: the answer and its last progress go out first. */
const REOPEN_AFTER_MS = 250;

export class DesktopHost implements AppHost {
  readonly events: RendererEvents;
  readonly settings: SettingsService;
  private core: Core | null = null;
  private state: StartupState = { phase: 'starting', step: 'config' };
  private storedKey: string | null = null;
  private booting: Promise<void> | null = null;
  /** A reopen under way (after a move): stop() waits for it, and a second request joins it. */
  private reopening: Promise<void> | null = null;
  private stopping = false;
  /** The folder of the last saved PDF: the next save dialog opens there. */
  private pdfFolder: string | null = null;
  private readonly throttle: JobEventThrottle;
  private readonly env: NodeJS.ProcessEnv;
  private readonly unsubscribers: Array<() => void> = [];

  constructor(private readonly options: DesktopHostOptions) {
    this.env = options.env ?? process.env;
    this.events = new RendererEvents(options.logger);
    this.throttle = new JobEventThrottle((event) =>
      // Non-terminal events of one job coalesce while a window is not ready; terminal ones are kept.
      this.events.broadcast(
        'job',
        event,
        event.type === 'completed' || event.type === 'failed' ? null : `job:${event.job_id}`,
      ),
    );
    this.settings = new SettingsService({
      dataDir: options.dataDir,
      env: this.env,
      codec: options.codec,
      onLlmKeyChanged: (key) => this.onLlmKeyChanged(key),
      onWorkerSettingsChanged: () => this.onWorkerSettingsChanged(),
      onApiTokenChanged: (token) => {
        if (this.core) this.core.config.api.token = token;
      },
    });
  }

  getCore(): IpcCore | null {
    return this.core;
  }

  startupState(): StartupState {
    return this.state;
  }

  appInfo(): AppInfo {
    return {
      name: this.options.platform.appName,
      version: APP_VERSION,
      electron: this.options.platform.electronVersion,
      chrome: this.options.platform.chromeVersion,
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
      packaged: this.options.platform.packaged,
      data_dir: this.options.dataDir,
      logs_dir: logsDir(this.options.dataDir),
      api_url: this.core?.apiUrl ?? null,
      database_mode: this.core?.database.mode ?? null,
    };
  }

  async openExternal(url: string): Promise<void> {
    if (isSafeExternalUrl(url)) await this.options.platform.openExternal(url);
  }

  async chooseSavePath(
    webContentsId: number,
    suggestedName: string,
    kind: SaveFileKind = 'pdf',
  ): Promise<string | null> {
    const folder = this.pdfFolder ?? this.options.platform.documentsDir();
    const path = await this.options.platform.showSaveDialog(webContentsId, join(folder, suggestedName), kind);
    if (path) this.pdfFolder = dirname(path);
    return path;
  }

  chooseOpenPath(webContentsId: number, kind: OpenFileKind): Promise<string | null> {
    return this.options.platform.showOpenDialog(webContentsId, kind);
  }

  /** The core's one: backups, restores and moves of the database the app uses. */
  databaseCare(): DatabaseCare | null {
    return this.core?.care ?? null;
  }

  transferProgress(progress: TransferProgress): void {
    // Only the newest position matters while a window is not ready.
    this.events.broadcast('transferProgress', progress, 'transfer-progress');
  }

  printToPdf(webContentsId: number): Promise<Uint8Array> {
    // The page's @media print rules decide what is printed (no navigation, no buttons).
    return this.options.platform.printToPdf(webContentsId);
  }

  rendererReady(webContentsId: number): void {
    this.events.markReady(webContentsId);
  }

  /** Events for this window wait until its page subscribes (again, after a reload). */
  attachWindow(contents: DesktopWindowContents): void {
    const id = contents.id;
    this.events.attach(id, contents);
    contents.onMainFrameNavigation(() => this.events.reset(id));
    contents.onceDestroyed(() => this.events.detach(id));
  }

  boot(): Promise<void> {
    this.booting ??= this.startCore();
    return this.booting;
  }

  /**
   * Stops the core and boots it again on the database the configuration names now — after a move
   * switched the settings file to its target (issue #18), so nothing more is written to the old one.
   * The worker checkpoints and releases its jobs as on quit; the windows see the start-up screen
   * (`starting` → `ready`) meanwhile, and IPC calls answer `not_ready` until the new core runs.
   * Never rejects: a failed start is a start-up state.
   */
  reopenDatabase(why: string): Promise<void> {
    this.reopening ??= this.reopen(why).finally(() => {
      this.reopening = null;
    });
    return this.reopening;
  }

  /** Graceful stop: sends the last held-back job states, then stops the core (worker, API, database). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.reopening?.catch(() => undefined);
    await this.booting?.catch(() => undefined);
    await this.stopCore({ dispose: true });
  }

  private async reopen(why: string): Promise<void> {
    const { logger } = this.options;
    await this.booting?.catch(() => undefined);
    if (this.stopping) return;
    logger.info({ why }, 'reopening the core on the configured database');
    this.publish({ phase: 'starting', step: 'reconnect' });
    try {
      await this.stopCore({ dispose: false });
    } catch (error) {
      // The old database may already be gone; the new core is what matters.
      logger.warn({ err: error }, 'the previous core did not stop cleanly');
    }
    if (this.stopping) return;
    this.booting = this.startCore();
    await this.booting;
  }

  /** Sends the held-back job states, unsubscribes from the core and stops it. */
  private async stopCore({ dispose }: { dispose: boolean }): Promise<void> {
    this.throttle.flush();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    if (dispose) this.throttle.dispose();
    const core = this.core;
    this.core = null;
    await core?.stop();
  }

  private publish(next: StartupState): void {
    this.state = next;
    this.events.broadcast('startup', next, 'startup');
  }

  private async startCore(): Promise<void> {
    const { logger, dataDir, codec } = this.options;
    try {
      const settings = await readSettingsFile(dataDir);
      this.storedKey = await readStoredLlmKey(settings, codec, (error) =>
        logger.warn({ err: error }, 'the stored LLM API key could not be decrypted; ignoring it'),
      );
      const config = await loadConfig({
        env: this.env,
        defaultDataDir: dataDir,
        resourcesDir: this.options.platform.resourcesPath,
      });
      // Env wins (README.md "Configuration"); otherwise the key the coach stored in Ajustes.
      if (!config.llm.apiKey) config.llm.apiKey = this.storedKey;
      this.publish({ phase: 'starting', step: 'database' });
      const workerEntry = join(this.options.outDir, 'main', 'worker.js');
      this.core = await startCore({
        config,
        logger,
        repoResourcesDir: join(this.options.platform.appPath, 'resources'),
        env: this.env,
        workerFactory: (env) =>
          this.options.platform.workerSpawner(workerEntry, () => this.workerEnv(env), logger),
        // Whichever door moved the data (Ajustes, the HTTP API), nothing more goes to the old database;
        // the move's answer and its last progress reach the window first.
        onDatabaseSwitched: () => {
          setTimeout(() => void this.reopenDatabase('database moved'), REOPEN_AFTER_MS);
        },
      });
      this.wireEvents(this.core);
      this.publish(await this.readyState(this.core));
    } catch (error) {
      logger.error({ err: error }, 'start-up failed');
      this.publish(startupErrorState(error));
    }
  }

  private wireEvents(core: Core): void {
    this.unsubscribers.push(core.events.subscribe((event) => this.throttle.push(event)));
    if (core.worker) {
      this.unsubscribers.push(
        core.worker.onStatus((status) => this.events.broadcast('worker-status', status, 'worker-status')),
      );
      this.events.broadcast('worker-status', core.worker.getStatus(), 'worker-status');
    }
  }

  private async readyState(core: Core): Promise<StartupState> {
    const settings = await readSettingsFile(this.options.dataDir);
    return {
      phase: 'ready',
      apiUrl: core.apiUrl,
      databaseMode: core.database.mode,
      version: APP_VERSION,
      warnings: startupWarnings(
        llmKeyStatus(this.env, settings, this.options.codec),
        core.config.llm.baseUrl,
      ),
    };
  }

  /** The worker reads its key from the environment; the stored one is added at every (re)spawn. */
  private workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    if (envLlmKey(env) || !this.storedKey) return env;
    return { ...env, EDN_LLM_API_KEY: this.storedKey };
  }

  private async onWorkerSettingsChanged(): Promise<void> {
    const core = this.core;
    if (!core) return;
    // The host's copy of the LLM settings feeds the start-up warnings; the worker reads its own.
    const fresh = await loadConfig({ env: this.env, defaultDataDir: this.options.dataDir });
    core.config.llm = { ...fresh.llm, apiKey: core.config.llm.apiKey };
    this.restartWorker('worker settings changed');
    this.publish(await this.readyState(core));
  }

  /** Graceful and not awaited: the Ajustes call returns at once; the UI follows worker-status. */
  private restartWorker(why: string): void {
    this.options.logger.info({ why }, 'restarting the worker');
    this.core?.worker
      ?.restart()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'worker restart failed'));
  }

  private async onLlmKeyChanged(key: string | null): Promise<void> {
    this.storedKey = key;
    const core = this.core;
    // An environment key wins and is already in use: nothing to restart.
    if (!core || envLlmKey(this.env)) return;
    core.config.llm.apiKey = key;
    // Running jobs checkpoint and continue in the new process, which has the new key.
    this.restartWorker(key === null ? 'LLM API key removed' : 'LLM API key changed');
    this.publish(await this.readyState(core));
  }
}
