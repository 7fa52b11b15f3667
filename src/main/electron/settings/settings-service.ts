import { join } from 'node:path';
import type { SettingsFile } from '@shared/config';
import {
  EDITABLE_SETTINGS,
  type EditableSetting,
  type SettingsPatch,
  type SettingsView,
} from '@shared/ipc-contract';
import {
  envOverrides as envOverridesOf,
  rawEnvValue,
  SETTINGS,
  settingsViewValues,
  type SettingApplies,
} from '@shared/settings-descriptor';
import { effectiveSettings, generateApiToken, loadConfig, readEnvSettings } from '../../config/load-config';
import { readSettingsFile, SETTINGS_FILE_NAME, writeSettingsFile } from '../../config/settings-store';
import { IpcFailure } from '../ipc/errors';
import { llmKeyStatus, type SecretCodec } from './llm-key';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * When a saved field takes effect (the settings descriptor's `applies`): `live` fields are read by the
 * running app (the renderer's look); `worker_restart` fields only by the worker process when it starts,
 * so saving one restarts the worker gracefully (running jobs checkpoint and continue) and prices, models
 * and concurrency apply without restarting the app; the rest (database, API address) need an app restart.
 */
const appliesOf = (field: EditableSetting): SettingApplies => SETTINGS[field].applies;

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
    // Every value the view shows, resolved as loadConfig resolves it (environment > settings file >
    // default); which entries those are comes from the settings descriptor.
    const { values } = effectiveSettings(readEnvSettings(env), await readSettingsFile(config.dataDir));
    // Fields fixed by the environment (README.md "Configuration": env wins over the file).
    const envOverrides = envOverridesOf(EDITABLE_SETTINGS, env);
    return {
      data_dir: config.dataDir,
      settings_file: this.settingsFile,
      values: settingsViewValues(values),
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
    if (touched.some((field) => appliesOf(field) === 'app_restart')) this.restartRequired = true;
    if (touched.some((field) => appliesOf(field) === 'worker_restart'))
      await this.options.onWorkerSettingsChanged();
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
    if (rawEnvValue('api_token', env)) {
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
