import { join } from 'node:path';
import type { SettingsFile } from '@shared/config';
import {
  EDITABLE_SETTINGS,
  type EditableSetting,
  type SettingsPatch,
  type SettingsView,
} from '@shared/ipc-contract';
import { generateApiToken, loadConfig } from '../../config/load-config';
import { readSettingsFile, SETTINGS_FILE_NAME, writeSettingsFile } from '../../config/settings-store';
import { IpcFailure } from '../ipc/errors';
import { llmKeyStatus, type SecretCodec } from './llm-key';

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variables that fix each editable field (README.md "Configuration": env wins over the file). */
const ENV_NAMES: Partial<Record<EditableSetting, readonly string[]>> = {
  mongo_url: ['EDN_MONGO_URL'],
  db_name: ['EDN_DB_NAME'],
  llm_base_url: ['EDN_LLM_BASE_URL', 'OPENAI_BASE_URL'],
  llm_model: ['EDN_LLM_MODEL'],
  api_host: ['EDN_API_HOST'],
  api_port: ['EDN_API_PORT'],
  worker_concurrency: ['EDN_WORKER_CONCURRENCY'],
  job_timeout_ms: ['EDN_JOB_TIMEOUT_MS'],
  poll_interval_ms: ['EDN_POLL_INTERVAL_MS'],
  language: ['EDN_LANGUAGE'],
  plan_language: ['EDN_PLAN_LANGUAGE'],
};

/** Fields the running app reads live (the renderer's look). */
const LIVE_SETTINGS: ReadonlySet<EditableSetting> = new Set(['theme', 'language']);

/**
 * Fields only the worker process reads, when it starts: saving one restarts the worker gracefully
 * (running jobs checkpoint and continue), so prices, models and concurrency apply without restarting
 * the app. The rest (database, API address) needs an app restart.
 */
const WORKER_SETTINGS: ReadonlySet<EditableSetting> = new Set([
  'llm_base_url',
  'llm_model',
  'agent_models',
  'prices',
  'worker_concurrency',
  'job_timeout_ms',
  'poll_interval_ms',
  'plan_language',
]);

export interface SettingsServiceOptions {
  dataDir: string;
  env: Env;
  codec: SecretCodec;
  /** The key changed (set or removed): the host updates the core and restarts the worker with it. */
  onLlmKeyChanged: (key: string | null) => Promise<void>;
  /** Worker-only settings changed (saved already): the host restarts the worker to apply them. */
  onWorkerSettingsChanged: () => Promise<void>;
  /** A new HTTP API token was stored: the host puts it in force (the API reads it per request). */
  onApiTokenChanged: (token: string) => void;
}

/**
 * The Ajustes screen's reads and writes of `settings.json`. Electron-free: encryption comes in as a
 * SecretCodec. The view never contains the API key or the API token.
 */
export class SettingsService {
  private restartRequired = false;

  constructor(private readonly options: SettingsServiceOptions) {}

  get settingsFile(): string {
    return join(this.options.dataDir, SETTINGS_FILE_NAME);
  }

  async view(): Promise<SettingsView> {
    const { env, dataDir, codec } = this.options;
    const settings = await readSettingsFile(dataDir);
    const config = await loadConfig({ env, defaultDataDir: dataDir });
    const envOverrides = EDITABLE_SETTINGS.filter((field) =>
      (ENV_NAMES[field] ?? []).some((name) => Boolean(env[name]?.trim())),
    );
    return {
      data_dir: config.dataDir,
      settings_file: this.settingsFile,
      values: {
        mongo_url: config.mongoUrl,
        db_name: config.dbName,
        llm_base_url: config.llm.baseUrl,
        llm_model: config.llm.model,
        api_host: config.api.host,
        api_port: config.api.port,
        worker_concurrency: config.worker.concurrency,
        job_timeout_ms: config.worker.jobTimeoutMs,
        poll_interval_ms: config.worker.pollIntervalMs,
        language: config.language,
        plan_language: config.planLanguage,
        theme: settings.theme ?? 'auto',
        agent_models: config.llm.agentModels,
        prices: config.llm.prices,
      },
      env_overrides: envOverrides,
      llm_api_key: llmKeyStatus(env, settings, codec),
      restart_required: this.restartRequired,
    };
  }

  /** `null` removes a field (back to its default); absent fields stay as they are. */
  async update(patch: SettingsPatch): Promise<SettingsView> {
    const current = await readSettingsFile(this.options.dataDir);
    const touched = EDITABLE_SETTINGS.filter((field) => patch[field] !== undefined);
    const kept = Object.entries(current).filter(([field]) => !touched.includes(field as EditableSetting));
    const set = touched.flatMap((field) => (patch[field] === null ? [] : [[field, patch[field]] as const]));
    // writeSettingsFile validates the result against SettingsFileSchema before it touches the file.
    await writeSettingsFile(this.options.dataDir, Object.fromEntries([...kept, ...set]) as SettingsFile);
    if (touched.some((field) => !LIVE_SETTINGS.has(field) && !WORKER_SETTINGS.has(field)))
      this.restartRequired = true;
    if (touched.some((field) => WORKER_SETTINGS.has(field))) await this.options.onWorkerSettingsChanged();
    return this.view();
  }

  /** Encrypts and stores the key (or removes it with `null`), then hands it to the running app. */
  async setLlmApiKey(key: string | null): Promise<SettingsView> {
    const { dataDir } = this.options;
    const current = await readSettingsFile(dataDir);
    const { llm_api_key_encrypted: _previous, ...rest } = current;
    const next: SettingsFile =
      key === null ? rest : { ...rest, llm_api_key_encrypted: await this.encrypt(key) };
    await writeSettingsFile(dataDir, next);
    await this.options.onLlmKeyChanged(key);
    return this.view();
  }

  /** Replaces the HTTP API token: stored first, then in force. Refused while EDN_API_TOKEN fixes it. */
  async regenerateApiToken(): Promise<void> {
    const { dataDir, env } = this.options;
    if (env['EDN_API_TOKEN']?.trim()) {
      throw new IpcFailure(
        'validation_error',
        'El token de la API lo fija la variable de entorno EDN_API_TOKEN: cámbialo allí.',
        [{ field: 'api_token', code: 'fixed_by_env', message: 'fijado por EDN_API_TOKEN' }],
      );
    }
    const token = generateApiToken();
    await writeSettingsFile(dataDir, { ...(await readSettingsFile(dataDir)), api_token: token });
    this.options.onApiTokenChanged(token);
  }

  private async encrypt(key: string): Promise<string> {
    if (!(await this.options.codec.isAvailable())) {
      throw new IpcFailure(
        'encryption_unavailable',
        'Este sistema no ofrece cifrado para guardar la clave. Defínela con la variable de entorno EDN_LLM_API_KEY.',
      );
    }
    return this.options.codec.encrypt(key);
  }
}
