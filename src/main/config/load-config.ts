import { randomBytes } from 'node:crypto';
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULTS, type Language, type SettingsFile } from '@shared/config';
import {
  LOG_LEVELS,
  readEnvSetting,
  SETTINGS,
  type ResolvedSettings,
  type SettingDescriptor,
  type SettingId,
  type SettingValue,
} from '@shared/settings-descriptor';
import { DEFAULT_PRICES, type PriceTable } from '@shared/pricing';
import { readSettingsFile, writeSettingsFile } from './settings-store';

/** The resolved configuration every part of the core reads. Built once per process. */
export interface AppConfig {
  dataDir: string;
  mongoUrl: string | null;
  dbName: string;
  /** Where `dbName` came from, for `edn360 serve`'s banner (see `resolveDbName`). */
  dbNameSource: DbNameSource;
  llm: {
    baseUrl: string | null;
    apiKey: string | null;
    model: string;
    /** Per-agent model overrides (settings `agent_models`, e.g. {"E8": "gpt-5"}). */
    agentModels: Record<string, string>;
    prices: PriceTable;
    timeoutMs: number;
    maxRetries: number;
    retryBaseMs: number;
    /** Agents in flight at once inside one job. */
    concurrency: number;
  };
  /** Language of the plans the agents write (UI language is separate). */
  planLanguage: Language;
  api: { host: string; port: number; token: string; tokenSource: 'env' | 'settings' };
  worker: {
    concurrency: number;
    jobTimeoutMs: number;
    pollIntervalMs: number;
    /** Tunables below are for tests and unusual deployments; the defaults suit laptops and clinics. */
    leaseMs: number;
    heartbeatMs: number;
    /** The host kills and restarts a worker process silent this long (no heartbeat, no message). */
    hangMs: number;
    /** How this instance is named in the jobs it runs (`lease.owner`, Trabajos); never contains ':'. */
    instanceName: string;
    offlineBaseMs: number;
    offlineMaxMs: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  language: Language;
  /** Where the Electron build keeps its bundled resources (`process.resourcesPath`); null headless. */
  resourcesDir: string | null;
  /**
   * An installed (packaged) Electron app: development hooks (`MONGOMS_*`, `ELECTRON_RENDERER_URL`) are
   * ignored. Optional so hand-built configs (tests) need not say it; missing means false.
   */
  packaged?: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  readonly reason = 'invalid_config';
}

type EnvValues = { -readonly [K in SettingId]?: SettingValue<K> };

/**
 * The environment overrides, one loop over the settings descriptor (`readEnvSetting`: each entry's first
 * non-empty variable, parsed by its `fromEnv`, held to its settings file schema). A malformed value
 * stops here with a message naming the variable and what was expected.
 */
export function readEnvSettings(env: Env): EnvValues {
  const values: Record<string, unknown> = {};
  for (const id of Object.keys(SETTINGS) as SettingId[]) {
    const read = readEnvSetting(id, env);
    if (read === undefined) continue;
    if (!read.ok) throw new ConfigError(read.message);
    values[id] = read.value;
  }
  return values as EnvValues;
}

/** One entry's environment value (undefined when unset); a malformed one throws ConfigError. */
export function envSetting<K extends SettingId>(id: K, env: Env): SettingValue<K> | undefined {
  const read = readEnvSetting(id, env);
  if (read && !read.ok) throw new ConfigError(read.message);
  return read?.value;
}

/** Environment > settings file > the descriptor's default, for every entry. */
export function resolveSettings(envValues: EnvValues, settings: SettingsFile): ResolvedSettings {
  const file = settings as Record<string, unknown>;
  return Object.fromEntries(
    (Object.keys(SETTINGS) as SettingId[]).map((id) => [
      id,
      envValues[id] ?? file[id] ?? (SETTINGS[id] as SettingDescriptor).default,
    ]),
  ) as ResolvedSettings;
}

export type DbNameSource = 'EDN_DB_NAME' | 'url' | 'settings' | 'default';

/**
 * Every entry as the app uses it: `resolveSettings` plus the two rules a default cannot state — the
 * database named in the MongoDB URL's path (`resolveDbName`) and the coach's prices merged over the
 * shipped table. loadConfig builds AppConfig from it; Ajustes shows it (SettingsService.view).
 */
export function effectiveSettings(
  envValues: EnvValues,
  settings: SettingsFile,
): { values: ResolvedSettings; dbNameSource: DbNameSource } {
  const values = resolveSettings(envValues, settings);
  const dbName = resolveDbName(envValues.db_name, values.mongo_url ?? null, settings);
  const prices: PriceTable = { ...DEFAULT_PRICES, ...settings.prices };
  return { values: { ...values, db_name: dbName.name, prices }, dbNameSource: dbName.source };
}

/**
 * The database named in a MongoDB connection string's path (`mongodb://host:27017/clinica?…` →
 * `clinica`), or null when the path is empty. Works for seed lists and `mongodb+srv://`.
 */
export function dbNameFromMongoUrl(url: string): string | null {
  const rest = /^mongodb(?:\+srv)?:\/\/(.*)$/i.exec(url.trim())?.[1];
  if (rest === undefined) return null;
  const slash = rest.indexOf('/');
  if (slash < 0) return null;
  const path = rest.slice(slash + 1).split('?')[0] ?? '';
  let name: string;
  try {
    name = decodeURIComponent(path);
  } catch {
    name = path;
  }
  return name.length > 0 ? name : null;
}

/**
 * Which database to use: `EDN_DB_NAME`, else the one named in the MongoDB URL's path (as every
 * MongoDB tool reads `mongodb://host/clinica`), else `db_name` from the settings file, else `edn360`.
 */
function resolveDbName(
  fromEnv: string | undefined,
  mongoUrl: string | null,
  settings: SettingsFile,
): {
  name: string;
  source: DbNameSource;
} {
  const fromUrl = mongoUrl ? dbNameFromMongoUrl(mongoUrl) : null;
  const [name, source]: [string, DbNameSource] = fromEnv
    ? [fromEnv, 'EDN_DB_NAME']
    : fromUrl
      ? [fromUrl, 'url']
      : settings.db_name
        ? [settings.db_name, 'settings']
        : [DEFAULTS.db_name, 'default'];
  // MongoDB's own rules for database names, said before anything connects.
  if (/[/\\. "$\0]/.test(name) || Buffer.byteLength(name) > 63) {
    const where = {
      EDN_DB_NAME: 'EDN_DB_NAME',
      url: 'la ruta de EDN_MONGO_URL',
      settings: 'db_name de los ajustes',
      default: 'el valor por defecto',
    }[source];
    throw new ConfigError(
      `Nombre de base de datos no válido «${name}» (de ${where}): MongoDB no admite / \\ . " $, espacios ni más de 63 bytes.`,
    );
  }
  return { name, source };
}

/** A new admin token for the HTTP API: 256 random bits, URL-safe. */
export function generateApiToken(): string {
  return randomBytes(32).toString('base64url');
}
export { LOG_LEVELS };

/** `EDN_DATA_DIR` (the settings descriptor's `data_dir`), else `~/.edn360`. */
export function defaultDataDir(env: Env): string {
  return resolve(envSetting('data_dir', env) ?? join(homedir(), '.edn360'));
}

export interface LoadConfigOptions {
  env?: Env;
  /** Electron passes `app.getPath('userData')`; headless uses `~/.edn360`. `EDN_DATA_DIR` wins over both. */
  defaultDataDir?: string;
  resourcesDir?: string | null;
  /**
   * Electron's `app.isPackaged`. When not given, a `resourcesDir` means packaged: only the packaged
   * app passes one (electron-platform.ts gives `process.resourcesPath` only when `app.isPackaged`).
   */
  packaged?: boolean;
}

/**
 * Settings file < environment (README.md "Configuration"). The API token is generated at first run and stored in the
 * settings file (mode 0600) unless `EDN_API_TOKEN` is set.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<AppConfig> {
  const env = options.env ?? process.env;
  const fromEnv = readEnvSettings(env);
  const dataDir = resolve(fromEnv.data_dir ?? options.defaultDataDir ?? join(homedir(), '.edn360'));
  let settings: SettingsFile = await readSettingsFile(dataDir);

  let token = fromEnv.api_token ?? settings.api_token;
  if (!token) {
    token = generateApiToken();
    settings = { ...settings, api_token: token };
    await writeSettingsFile(dataDir, settings);
  }

  const { values, dbNameSource } = effectiveSettings(fromEnv, settings);
  // Several beats per lease, and often enough that a cancel is seen within a few seconds.
  const heartbeatMs = values.heartbeat_ms ?? Math.min(2_000, Math.floor(values.lease_ms / 3));

  return {
    dataDir,
    mongoUrl: values.mongo_url ?? null,
    dbName: values.db_name,
    dbNameSource,
    llm: {
      baseUrl: values.llm_base_url ?? null,
      // Environment only here: the key saved from Ajustes is decrypted by the desktop host.
      apiKey: fromEnv.llm_api_key ?? null,
      model: values.llm_model,
      agentModels: values.agent_models,
      // The price table is data the coach edits in Ajustes; the shipped table is only the default.
      prices: values.prices,
      timeoutMs: values.llm_timeout_ms,
      maxRetries: values.llm_max_retries,
      retryBaseMs: values.llm_retry_base_ms,
      concurrency: values.pipeline_concurrency,
    },
    planLanguage: values.plan_language,
    api: {
      host: values.api_host,
      port: values.api_port,
      token,
      tokenSource: fromEnv.api_token ? 'env' : 'settings',
    },
    worker: {
      concurrency: values.worker_concurrency,
      jobTimeoutMs: values.job_timeout_ms,
      pollIntervalMs: values.poll_interval_ms,
      leaseMs: values.lease_ms,
      heartbeatMs,
      // Never under three heartbeats: a shorter limit would kill a healthy worker over and over.
      hangMs: Math.max(values.worker_hang_ms ?? Math.max(10_000, 5 * heartbeatMs), 3 * heartbeatMs),
      instanceName: (values.instance_name?.trim() || hostname()).replaceAll(':', '-'),
      offlineBaseMs: values.offline_backoff_ms,
      offlineMaxMs: values.offline_backoff_max_ms,
      retryBaseMs: values.retry_backoff_ms,
      retryMaxMs: values.retry_backoff_max_ms,
    },
    language: values.language,
    resourcesDir: options.resourcesDir ?? null,
    packaged: options.packaged ?? (options.resourcesDir !== undefined && options.resourcesDir !== null),
  };
}
