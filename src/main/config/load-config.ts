import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULTS, LanguageSchema, type Language, type SettingsFile } from '@shared/config';
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
    offlineBaseMs: number;
    offlineMaxMs: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  language: Language;
  /** Where the Electron build keeps its bundled resources (`process.resourcesPath`); null headless. */
  resourcesDir: string | null;
}

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  readonly reason = 'invalid_config';
}

const positiveInt = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `${name} debe ser un número entero` })
    .int(`${name} debe ser un número entero`)
    .min(min, `${name} debe ser ≥ ${min}`)
    .max(max, `${name} debe ser ≤ ${max}`);

function readEnvInt(env: Env, name: string, min: number, max?: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = positiveInt(name, min, max).safeParse(raw.trim());
  if (!parsed.success) {
    throw new ConfigError(
      `Variable ${name}="${raw}" no válida: ${parsed.error.issues[0]?.message ?? 'valor incorrecto'}`,
    );
  }
  return parsed.data;
}

function readEnvString(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

const MIN_TOKEN_LENGTH = 16;

export type DbNameSource = 'EDN_DB_NAME' | 'url' | 'settings' | 'default';

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
  env: Env,
  mongoUrl: string | null,
  settings: SettingsFile,
): {
  name: string;
  source: DbNameSource;
} {
  const fromEnv = readEnvString(env, 'EDN_DB_NAME');
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
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readLanguage(env: Env, name: string): Language | undefined {
  const raw = readEnvString(env, name);
  if (raw === undefined) return undefined;
  const parsed = LanguageSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`Variable ${name}="${raw}" no válida: usa "es" o "en".`);
  return parsed.data;
}

/** Checked here so a typo fails with a clear message instead of a logger stack trace. */
function readLogLevel(env: Env): void {
  const raw = readEnvString(env, 'EDN_LOG_LEVEL');
  if (raw !== undefined && !(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`Variable EDN_LOG_LEVEL="${raw}" no válida: usa uno de ${LOG_LEVELS.join(', ')}.`);
  }
}

export function defaultDataDir(env: Env): string {
  return resolve(readEnvString(env, 'EDN_DATA_DIR') ?? join(homedir(), '.edn360'));
}

export interface LoadConfigOptions {
  env?: Env;
  /** Electron passes `app.getPath('userData')`; headless uses `~/.edn360`. `EDN_DATA_DIR` wins over both. */
  defaultDataDir?: string;
  resourcesDir?: string | null;
}

/**
 * Settings file < environment (README.md "Configuration"). The API token is generated at first run and stored in the
 * settings file (mode 0600) unless `EDN_API_TOKEN` is set.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<AppConfig> {
  const env = options.env ?? process.env;
  const dataDir = resolve(
    readEnvString(env, 'EDN_DATA_DIR') ?? options.defaultDataDir ?? join(homedir(), '.edn360'),
  );
  let settings: SettingsFile = await readSettingsFile(dataDir);

  const envToken = readEnvString(env, 'EDN_API_TOKEN');
  if (envToken !== undefined && envToken.length < MIN_TOKEN_LENGTH) {
    // The same floor the settings file enforces: a short token on a network address is guessable.
    throw new ConfigError(
      `EDN_API_TOKEN debe tener al menos ${MIN_TOKEN_LENGTH} caracteres (tiene ${envToken.length}).`,
    );
  }
  let token = envToken ?? settings.api_token;
  if (!token) {
    token = generateApiToken();
    settings = { ...settings, api_token: token };
    await writeSettingsFile(dataDir, settings);
  }

  const leaseMs = readEnvInt(env, 'EDN_LEASE_MS', 100) ?? 30_000;
  const language = readLanguage(env, 'EDN_LANGUAGE') ?? settings.language ?? 'es';
  readLogLevel(env);

  const mongoUrl = readEnvString(env, 'EDN_MONGO_URL') ?? settings.mongo_url ?? null;
  const dbName = resolveDbName(env, mongoUrl, settings);

  return {
    dataDir,
    mongoUrl,
    dbName: dbName.name,
    dbNameSource: dbName.source,
    llm: {
      baseUrl: readEnvString(env, 'EDN_LLM_BASE_URL', 'OPENAI_BASE_URL') ?? settings.llm_base_url ?? null,
      apiKey: readEnvString(env, 'EDN_LLM_API_KEY', 'OPENAI_API_KEY') ?? null,
      model: readEnvString(env, 'EDN_LLM_MODEL') ?? settings.llm_model ?? DEFAULTS.llm_model,
      agentModels: settings.agent_models ?? {},
      // The price table is data the coach edits in Ajustes; the shipped table is only the default.
      prices: { ...DEFAULT_PRICES, ...settings.prices },
      timeoutMs: readEnvInt(env, 'EDN_LLM_TIMEOUT_MS', 100) ?? 120_000,
      maxRetries: readEnvInt(env, 'EDN_LLM_MAX_RETRIES', 0, 10) ?? 4,
      retryBaseMs: readEnvInt(env, 'EDN_LLM_RETRY_BASE_MS', 1) ?? 1_000,
      concurrency: readEnvInt(env, 'EDN_PIPELINE_CONCURRENCY', 1, 8) ?? 3,
    },
    planLanguage: readLanguage(env, 'EDN_PLAN_LANGUAGE') ?? settings.plan_language ?? 'es',
    api: {
      host: readEnvString(env, 'EDN_API_HOST') ?? settings.api_host ?? DEFAULTS.api_host,
      port: readEnvInt(env, 'EDN_API_PORT', 0, 65535) ?? settings.api_port ?? DEFAULTS.api_port,
      token,
      tokenSource: envToken ? 'env' : 'settings',
    },
    worker: {
      concurrency:
        readEnvInt(env, 'EDN_WORKER_CONCURRENCY', 1, 16) ??
        settings.worker_concurrency ??
        DEFAULTS.worker_concurrency,
      jobTimeoutMs:
        readEnvInt(env, 'EDN_JOB_TIMEOUT_MS', 1000) ?? settings.job_timeout_ms ?? DEFAULTS.job_timeout_ms,
      pollIntervalMs:
        readEnvInt(env, 'EDN_POLL_INTERVAL_MS', 50) ?? settings.poll_interval_ms ?? DEFAULTS.poll_interval_ms,
      leaseMs,
      // Several beats per lease, and often enough that a cancel is seen within a few seconds.
      heartbeatMs: readEnvInt(env, 'EDN_HEARTBEAT_MS', 10) ?? Math.min(2_000, Math.floor(leaseMs / 3)),
      offlineBaseMs: readEnvInt(env, 'EDN_OFFLINE_BACKOFF_MS', 10) ?? 2_000,
      offlineMaxMs: readEnvInt(env, 'EDN_OFFLINE_BACKOFF_MAX_MS', 10) ?? 60_000,
      retryBaseMs: readEnvInt(env, 'EDN_RETRY_BACKOFF_MS', 10) ?? 5_000,
      retryMaxMs: readEnvInt(env, 'EDN_RETRY_BACKOFF_MAX_MS', 10) ?? 120_000,
    },
    language,
    resourcesDir: options.resourcesDir ?? null,
  };
}
