import { z } from 'zod';

/**
 * The one table of settings (issue 14, point 4). Each entry says where the value is kept
 * (`settings.json` and/or an environment variable), how it is checked, its default, and when a change
 * takes effect. From it come the settings file schema (`@shared/config`), the Ajustes patch schema and
 * the values Ajustes shows (`@shared/ipc-contract`), the environment overrides (`readEnvSetting`, read by
 * `loadConfig`, the HTTP API's options, the logger and the desktop entry) and README.md
 * "Configuration"'s table (`renderSettingsTable`, kept in sync by `npm run docs:settings` and a unit test).
 *
 * Precedence for every entry: environment > settings file > default.
 */

/** When a changed value takes effect in the desktop app. */
export type SettingApplies = 'live' | 'worker_restart' | 'app_restart';

/** How an environment value is read: the parsed value, or a message naming what was expected. */
export type EnvParse<T> = (
  raw: string,
  name: string,
) => { ok: true; value: T } | { ok: false; message: string };

export interface SettingDescriptor<T = unknown, D extends T | undefined = T | undefined> {
  /** Kept in `settings.json` under the entry's key, checked by this schema. Absent: environment only. */
  file?: z.ZodType<T>;
  /**
   * Editable from Ajustes (IPC `updateSettings`), checked by this schema; absent: not editable. Every
   * editable entry that is not secret is also shown in Ajustes (`settingsViewShape`).
   */
  edit?: z.ZodType<T>;
  /** Environment variables that override it, first non-empty one wins. */
  env: readonly string[];
  /** How an environment value is parsed (special rules live here); default: the trimmed string. */
  fromEnv?: EnvParse<T>;
  default: D;
  /** The default as README.md shows it. */
  defaultDoc: string;
  applies: SettingApplies;
  /** API keys and tokens: never logged, never in the settings view. */
  secret?: true;
  doc: { es: string; en: string };
}

/** Checks an entry against its value type and keeps which fields it has (`file`, `edit`…). */
function setting<T, D extends T | undefined = undefined>() {
  return <X extends SettingDescriptor<T, D>>(descriptor: X): X & { readonly __value?: T } => descriptor;
}

/** An integer from the environment, with messages that name the variable and the limit. */
export function envInt(min: number, max = Number.MAX_SAFE_INTEGER): EnvParse<number> {
  return (raw, name) => {
    const parsed = z.coerce
      .number({ error: `${name} debe ser un número entero` })
      .int(`${name} debe ser un número entero`)
      .min(min, `${name} debe ser ≥ ${min}`)
      .max(max, `${name} debe ser ≤ ${max}`)
      .safeParse(raw);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : {
          ok: false,
          message: `Variable ${name}="${raw}" no válida: ${parsed.error.issues[0]?.message ?? 'valor incorrecto'}`,
        };
  };
}

function envEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  hint: string,
): EnvParse<T[number]> {
  return (raw, name) =>
    (values as readonly string[]).includes(raw)
      ? { ok: true, value: raw as T[number] }
      : { ok: false, message: `Variable ${name}="${raw}" no válida: ${hint}.` };
}

/** A comma list from the environment (blank items dropped), each item checked and normalised by `item`. */
function envList(
  item: (value: string) => { ok: true; value: string } | { ok: false; problem: string } = (value) => ({
    ok: true,
    value,
  }),
): EnvParse<string[]> {
  return (raw, name) => {
    const values: string[] = [];
    for (const value of raw.split(',').map((part) => part.trim())) {
      if (!value) continue;
      const checked = item(value);
      if (!checked.ok) return { ok: false, message: `Variable ${name} no válida: ${checked.problem}` };
      values.push(checked.value);
    }
    return { ok: true, value: values };
  };
}

/**
 * A browser origin exactly as browsers send it (`scheme://host[:port]`, http or https), without the
 * trailing slash. A wildcard or a path would reopen what the Host check and closed CORS protect.
 */
function exactOrigin(origin: string): { ok: true; value: string } | { ok: false; problem: string } {
  const value = origin.replace(/\/$/, '');
  let parsed: URL | null = null;
  try {
    parsed = new URL(origin);
  } catch {
    // Not a URL at all: refused below.
  }
  return parsed && /^https?:$/.test(parsed.protocol) && parsed.origin === value
    ? { ok: true, value }
    : {
        ok: false,
        problem: `«${origin}» no es un origen exacto (esquema://host[:puerto], sin ruta ni comodines), p. ej. http://localhost:5173.`,
      };
}

export const LANGUAGES = ['es', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const THEMES = ['light', 'dark', 'auto'] as const;
export const ThemeSchema = z.enum(THEMES);

export const ModelPriceSchema = z.object({
  input_per_1m: z.number().min(0),
  cached_input_per_1m: z.number().min(0),
  output_per_1m: z.number().min(0),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const MIN_API_TOKEN_LENGTH = 16;

const languageFromEnv = envEnum(LANGUAGES, 'usa "es" o "en"');

/*
 * The coach's brand on the client's PDF (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI"). The logo is
 * kept as a data URL in the settings file: it travels with the settings, needs no file path that
 * could break, and pdfmake embeds it as is. PNG and JPEG only (what a PDF embeds), 300 KB at most.
 */
export const COACH_LOGO_MAX_BYTES = 300 * 1024;
const CoachNameSchema = z.string().trim().min(1, 'no puede estar vacío').max(120, 'máximo 120 caracteres');
const CoachContactSchema = z.string().trim().min(1, 'no puede estar vacío').max(200, 'máximo 200 caracteres');
const CoachLogoSchema = z
  .string()
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'se esperaba una imagen PNG o JPEG')
  // Base64 holds 3 bytes in 4 characters.
  .max(Math.ceil((COACH_LOGO_MAX_BYTES * 4) / 3) + 32, 'la imagen no puede pasar de 300 KB');

/**
 * Every setting, in README order. Keys of entries with `file` are the fields of `settings.json`;
 * the editable ones, in this order, are the fields of the Ajustes patch.
 */
export const SETTINGS = {
  data_dir: setting<string>()({
    env: ['EDN_DATA_DIR'],
    default: undefined,
    defaultDoc: 'Electron `userData`; headless `~/.edn360`',
    applies: 'app_restart',
    doc: {
      en: 'data folder (settings, embedded database, logs)',
      es: 'carpeta de datos (ajustes, base de datos integrada, registros)',
    },
  }),
  mongo_url: setting<string>()({
    file: z.string().min(1),
    edit: z.string().regex(/^mongodb(\+srv)?:\/\//, 'se esperaba una URL mongodb:// o mongodb+srv://'),
    env: ['EDN_MONGO_URL'],
    default: undefined,
    defaultDoc: 'unset → embedded',
    applies: 'app_restart',
    doc: {
      en: "use this MongoDB (e.g. the clinic's) instead of the embedded one",
      es: 'usar este MongoDB (p. ej. el de la clínica) en lugar del integrado',
    },
  }),
  db_name: setting<string, string>()({
    file: z.string().min(1),
    edit: z.string().min(1).max(64),
    env: ['EDN_DB_NAME'],
    default: 'edn360',
    defaultDoc: "the URL's path (`mongodb://host/clinica`), else `edn360`",
    applies: 'app_restart',
    doc: {
      en: "database name (wins over a name in `EDN_MONGO_URL`'s path)",
      es: 'nombre de la base de datos (gana al de la ruta de `EDN_MONGO_URL`)',
    },
  }),
  llm_base_url: setting<string>()({
    file: z.url(),
    edit: z.url({ protocol: /^https?$/ }),
    env: ['EDN_LLM_BASE_URL', 'OPENAI_BASE_URL'],
    default: undefined,
    defaultDoc: "OpenAI's",
    applies: 'worker_restart',
    doc: { en: 'OpenAI-compatible endpoint', es: 'servicio compatible con OpenAI' },
  }),
  llm_api_key: setting<string>()({
    env: ['EDN_LLM_API_KEY', 'OPENAI_API_KEY'],
    default: undefined,
    defaultDoc: 'unset → clear error when a job needs it',
    applies: 'worker_restart',
    secret: true,
    doc: { en: 'API key (wins over the stored one)', es: 'clave de la API (gana a la guardada)' },
  }),
  llm_api_key_encrypted: setting<string>()({
    file: z.string(),
    env: [],
    default: undefined,
    defaultDoc: 'unset',
    applies: 'worker_restart',
    secret: true,
    doc: {
      en: 'API key saved from Ajustes, encrypted with the OS keyring',
      es: 'clave de la API guardada desde Ajustes, cifrada con el llavero del sistema',
    },
  }),
  llm_model: setting<string, string>()({
    file: z.string().min(1),
    edit: z.string().min(1).max(128),
    env: ['EDN_LLM_MODEL'],
    default: 'gpt-5-mini',
    defaultDoc: '`gpt-5-mini`',
    applies: 'worker_restart',
    doc: { en: 'default model', es: 'modelo por defecto' },
  }),
  agent_models: setting<Record<string, string>, Record<string, string>>()({
    file: z.record(z.string(), z.string()),
    edit: z.record(z.string(), z.string().min(1)),
    env: [],
    default: {},
    defaultDoc: 'none',
    applies: 'worker_restart',
    doc: {
      en: 'per-agent models, e.g. `{"E8": "gpt-5"}`',
      es: 'modelo por agente, p. ej. `{"E8": "gpt-5"}`',
    },
  }),
  prices: setting<Record<string, ModelPrice>, Record<string, ModelPrice>>()({
    file: z.record(z.string(), ModelPriceSchema),
    edit: z.record(z.string(), ModelPriceSchema),
    env: [],
    default: {},
    defaultDoc: 'the shipped price table',
    applies: 'worker_restart',
    doc: {
      en: 'model prices per million tokens (merged over the shipped table)',
      es: 'precios por millón de tokens (sobre la tabla incluida)',
    },
  }),
  llm_timeout_ms: setting<number, number>()({
    env: ['EDN_LLM_TIMEOUT_MS'],
    fromEnv: envInt(100),
    default: 120_000,
    defaultDoc: '`120000`',
    applies: 'worker_restart',
    doc: {
      en: 'LLM call: time to start answering; longest silence in an answer',
      es: 'llamada al LLM: tiempo hasta que empieza a responder; silencio más largo en una respuesta',
    },
  }),
  llm_max_retries: setting<number, number>()({
    env: ['EDN_LLM_MAX_RETRIES'],
    fromEnv: envInt(0, 10),
    default: 4,
    defaultDoc: '`4`',
    applies: 'worker_restart',
    doc: { en: 'retries of a failed LLM call', es: 'reintentos de una llamada al LLM fallida' },
  }),
  llm_retry_base_ms: setting<number, number>()({
    env: ['EDN_LLM_RETRY_BASE_MS'],
    fromEnv: envInt(1),
    default: 1_000,
    defaultDoc: '`1000`',
    applies: 'worker_restart',
    doc: { en: 'first wait before an LLM retry', es: 'primera espera antes de reintentar el LLM' },
  }),
  pipeline_concurrency: setting<number, number>()({
    env: ['EDN_PIPELINE_CONCURRENCY'],
    fromEnv: envInt(1, 8),
    default: 3,
    defaultDoc: '`3`',
    applies: 'worker_restart',
    doc: { en: 'agents in flight at once inside one job', es: 'agentes a la vez dentro de un trabajo' },
  }),
  api_host: setting<string, string>()({
    file: z.string().min(1),
    edit: z.string().min(1).max(255),
    env: ['EDN_API_HOST'],
    default: '127.0.0.1',
    defaultDoc: '`127.0.0.1`',
    applies: 'app_restart',
    doc: { en: 'local HTTP API address', es: 'dirección de la API HTTP local' },
  }),
  api_port: setting<number, number>()({
    file: z.number().int().min(0).max(65535),
    edit: z.number().int().min(0).max(65535),
    env: ['EDN_API_PORT'],
    fromEnv: envInt(0, 65535),
    default: 8360,
    defaultDoc: '`8360`',
    applies: 'app_restart',
    doc: { en: 'local HTTP API port', es: 'puerto de la API HTTP local' },
  }),
  api_token: setting<string>()({
    file: z.string().min(MIN_API_TOKEN_LENGTH),
    env: ['EDN_API_TOKEN'],
    fromEnv: (raw, name) =>
      raw.length >= MIN_API_TOKEN_LENGTH
        ? { ok: true, value: raw }
        : {
            ok: false,
            // The same floor the settings file enforces: a short token on a network address is guessable.
            message: `${name} debe tener al menos ${MIN_API_TOKEN_LENGTH} caracteres (tiene ${raw.length}).`,
          },
    default: undefined,
    defaultDoc: 'generated at first run, stored in `settings.json`',
    applies: 'live',
    secret: true,
    doc: { en: 'bearer token for admin routes', es: 'token de las rutas de administración' },
  }),
  api_cors_origins: setting<string[], string[]>()({
    env: ['EDN_API_CORS_ORIGINS'],
    fromEnv: envList(exactOrigin),
    default: [],
    defaultDoc: 'unset → CORS closed',
    applies: 'app_restart',
    doc: {
      en: 'browser origins allowed to call the API (comma list)',
      es: 'orígenes de navegador que pueden llamar a la API (lista con comas)',
    },
  }),
  api_allowed_hosts: setting<string[], string[]>()({
    env: ['EDN_API_ALLOWED_HOSTS'],
    fromEnv: envList(),
    default: [],
    defaultDoc: 'unset → loopback names and the bind address only',
    applies: 'app_restart',
    doc: {
      en: 'extra `Host` names the API accepts (comma list)',
      es: 'otros nombres `Host` que la API acepta (lista con comas)',
    },
  }),
  worker_concurrency: setting<number, number>()({
    file: z.number().int().min(1).max(16),
    edit: z.number().int().min(1).max(16),
    env: ['EDN_WORKER_CONCURRENCY'],
    fromEnv: envInt(1, 16),
    default: 2,
    defaultDoc: '`2`',
    applies: 'worker_restart',
    doc: { en: 'jobs at once per worker', es: 'trabajos a la vez por worker' },
  }),
  job_timeout_ms: setting<number, number>()({
    file: z.number().int().min(1000),
    edit: z.number().int().min(1000),
    env: ['EDN_JOB_TIMEOUT_MS'],
    fromEnv: envInt(1000),
    default: 30 * 60 * 1000,
    defaultDoc: '`1800000` (30 min)',
    applies: 'worker_restart',
    doc: { en: 'watchdog limit', es: 'límite del vigilante' },
  }),
  poll_interval_ms: setting<number, number>()({
    file: z.number().int().min(50),
    edit: z.number().int().min(50),
    env: ['EDN_POLL_INTERVAL_MS'],
    fromEnv: envInt(50),
    default: 1000,
    defaultDoc: '`1000`',
    applies: 'worker_restart',
    doc: {
      en: 'fallback poll for jobs created by other instances',
      es: 'sondeo de respaldo de trabajos creados por otras instancias',
    },
  }),
  lease_ms: setting<number, number>()({
    env: ['EDN_LEASE_MS'],
    fromEnv: envInt(100),
    default: 30_000,
    defaultDoc: '`30000`',
    applies: 'worker_restart',
    doc: { en: "a running job's lease", es: 'concesión de un trabajo en curso' },
  }),
  heartbeat_ms: setting<number>()({
    env: ['EDN_HEARTBEAT_MS'],
    fromEnv: envInt(10),
    default: undefined,
    defaultDoc: 'a third of the lease, at most `2000`',
    applies: 'worker_restart',
    doc: { en: 'heartbeat of a running job', es: 'latido de un trabajo en curso' },
  }),
  instance_name: setting<string>()({
    env: ['EDN_INSTANCE_NAME'],
    default: undefined,
    defaultDoc: "the computer's name",
    applies: 'app_restart',
    doc: {
      en: "this instance's name on a shared database (Trabajos: who runs each job)",
      es: 'nombre de esta instancia en una base compartida (Trabajos: quién ejecuta cada trabajo)',
    },
  }),
  worker_hang_ms: setting<number>()({
    env: ['EDN_WORKER_HANG_MS'],
    fromEnv: envInt(100),
    default: undefined,
    defaultDoc: 'five heartbeats, at least `10000`; never under three heartbeats',
    applies: 'worker_restart',
    doc: {
      en: 'silence after which the worker process is killed and restarted',
      es: 'silencio tras el que el proceso de trabajo se reinicia',
    },
  }),
  offline_backoff_ms: setting<number, number>()({
    env: ['EDN_OFFLINE_BACKOFF_MS'],
    fromEnv: envInt(10),
    default: 2_000,
    defaultDoc: '`2000`',
    applies: 'worker_restart',
    doc: { en: 'first wait while the database is offline', es: 'primera espera sin base de datos' },
  }),
  offline_backoff_max_ms: setting<number, number>()({
    env: ['EDN_OFFLINE_BACKOFF_MAX_MS'],
    fromEnv: envInt(10),
    default: 60_000,
    defaultDoc: '`60000`',
    applies: 'worker_restart',
    doc: { en: 'longest wait while the database is offline', es: 'espera máxima sin base de datos' },
  }),
  retry_backoff_ms: setting<number, number>()({
    env: ['EDN_RETRY_BACKOFF_MS'],
    fromEnv: envInt(10),
    default: 5_000,
    defaultDoc: '`5000`',
    applies: 'worker_restart',
    doc: {
      en: 'first wait before a failed job is retried',
      es: 'primera espera antes de reintentar un trabajo',
    },
  }),
  retry_backoff_max_ms: setting<number, number>()({
    env: ['EDN_RETRY_BACKOFF_MAX_MS'],
    fromEnv: envInt(10),
    default: 120_000,
    defaultDoc: '`120000`',
    applies: 'worker_restart',
    doc: { en: 'longest wait before a job retry', es: 'espera máxima antes de reintentar un trabajo' },
  }),
  language: setting<Language, Language>()({
    file: LanguageSchema,
    edit: LanguageSchema,
    env: ['EDN_LANGUAGE'],
    fromEnv: languageFromEnv,
    default: 'es',
    defaultDoc: '`es`',
    applies: 'live',
    doc: { en: 'language of the app (`es` or `en`)', es: 'idioma de la aplicación (`es` o `en`)' },
  }),
  plan_language: setting<Language, Language>()({
    file: LanguageSchema,
    edit: LanguageSchema,
    env: ['EDN_PLAN_LANGUAGE'],
    fromEnv: languageFromEnv,
    default: 'es',
    defaultDoc: '`es`',
    applies: 'worker_restart',
    doc: { en: 'language of the plans (`es` or `en`)', es: 'idioma de los planes (`es` o `en`)' },
  }),
  coach_name: setting<string>()({
    file: CoachNameSchema,
    edit: CoachNameSchema,
    env: ['EDN_COACH_NAME'],
    default: undefined,
    defaultDoc: 'unset → the PDF names no coach',
    applies: 'live',
    doc: {
      en: "the coach's or studio's name on the client's PDF",
      es: 'nombre del entrenador o del centro en el PDF del cliente',
    },
  }),
  coach_contact: setting<string>()({
    file: CoachContactSchema,
    edit: CoachContactSchema,
    env: ['EDN_COACH_CONTACT'],
    default: undefined,
    defaultDoc: 'unset',
    applies: 'live',
    doc: {
      en: "contact line on the client's PDF (email, phone, web)",
      es: 'línea de contacto en el PDF del cliente (correo, teléfono, web)',
    },
  }),
  coach_logo: setting<string>()({
    file: CoachLogoSchema,
    edit: CoachLogoSchema,
    env: [],
    default: undefined,
    defaultDoc: 'unset',
    applies: 'live',
    doc: {
      en: "logo on the client's PDF (PNG or JPEG, chosen in Ajustes)",
      es: 'logotipo en el PDF del cliente (PNG o JPEG, se elige en Ajustes)',
    },
  }),
  backup_keep: setting<number, number>()({
    file: z.number().int().min(0).max(365),
    edit: z.number().int().min(0).max(365),
    env: ['EDN_BACKUP_KEEP'],
    fromEnv: envInt(0, 365),
    default: 7,
    defaultDoc: '`7` (`0`: no automatic backups)',
    applies: 'live',
    doc: {
      en: 'daily automatic backups kept (the oldest are deleted)',
      es: 'copias automáticas diarias que se guardan (las más antiguas se borran)',
    },
  }),
  backup_dir: setting<string>()({
    file: z.string().min(1),
    edit: z.string().min(1),
    env: ['EDN_BACKUP_DIR'],
    default: undefined,
    defaultDoc: '`<data dir>/backups`',
    applies: 'live',
    doc: { en: 'folder of the automatic backups', es: 'carpeta de las copias automáticas' },
  }),
  theme: setting<(typeof THEMES)[number], (typeof THEMES)[number]>()({
    file: ThemeSchema,
    edit: ThemeSchema,
    env: [],
    default: 'auto',
    defaultDoc: '`auto`',
    applies: 'live',
    doc: {
      en: 'look of the app (`light`, `dark`, `auto`)',
      es: 'aspecto de la aplicación (`light`, `dark`, `auto`)',
    },
  }),
  log_level: setting<(typeof LOG_LEVELS)[number], (typeof LOG_LEVELS)[number]>()({
    env: ['EDN_LOG_LEVEL'],
    // Checked at start so a typo fails with a clear message instead of a logger stack trace.
    fromEnv: envEnum(LOG_LEVELS, `usa uno de ${LOG_LEVELS.join(', ')}`),
    default: 'info',
    defaultDoc: '`info`',
    applies: 'app_restart',
    doc: {
      en: 'log level (`debug`, `info`, `warn`, …)',
      es: 'nivel de registro (`debug`, `info`, `warn`, …)',
    },
  }),
};

type Settings = typeof SETTINGS;
export type SettingId = keyof Settings;
/** The value type of an entry. */
export type SettingValue<K extends SettingId> = Exclude<Settings[K]['__value'], undefined>;

/** Every entry resolved (environment > settings file > default): optional where there is no default. */
export type ResolvedSettings = {
  [K in SettingId]: Settings[K]['default'] extends undefined ? SettingValue<K> | undefined : SettingValue<K>;
};

/** Keys of `settings.json`. */
export type FileSettingKey = {
  [K in SettingId]: Settings[K] extends { file: z.ZodType } ? K : never;
}[SettingId];

/** Keys the coach may change from Ajustes (the API token and the encrypted key are not among them). */
export type EditableSettingKey = {
  [K in SettingId]: Settings[K] extends { edit: z.ZodType } ? K : never;
}[SettingId];

const ids = Object.keys(SETTINGS) as SettingId[];
const entry = (id: SettingId): SettingDescriptor => SETTINGS[id] as SettingDescriptor;

export const FILE_SETTING_KEYS = ids.filter((id) => entry(id).file !== undefined) as FileSettingKey[];
export const EDITABLE_SETTING_KEYS = ids.filter((id) => entry(id).edit !== undefined) as [
  EditableSettingKey,
  ...EditableSettingKey[],
];

/** The schema of `settings.json`: every field optional, unknown fields refused. */
export function settingsFileShape(): {
  [K in FileSettingKey]: z.ZodOptional<Extract<Settings[K]['file'], z.ZodType>>;
} {
  return Object.fromEntries(
    ids.flatMap((id) => {
      const schema = entry(id).file;
      return schema ? [[id, schema.optional()]] : [];
    }),
  ) as {
    [K in FileSettingKey]: z.ZodOptional<Extract<Settings[K]['file'], z.ZodType>>;
  };
}

/** The Ajustes patch: every editable field optional; `null` removes it from the file. */
export function settingsPatchShape(): {
  [K in EditableSettingKey]: z.ZodOptional<z.ZodNullable<Extract<Settings[K]['edit'], z.ZodType>>>;
} {
  return Object.fromEntries(
    ids.flatMap((id) => {
      const schema = entry(id).edit;
      return schema ? [[id, schema.nullable().optional()]] : [];
    }),
  ) as { [K in EditableSettingKey]: z.ZodOptional<z.ZodNullable<Extract<Settings[K]['edit'], z.ZodType>>> };
}

/** Keys the Ajustes view shows: every editable entry that is not a secret. */
export type ViewSettingKey = {
  [K in SettingId]: Settings[K] extends { edit: z.ZodType }
    ? Settings[K] extends { secret: true }
      ? never
      : K
    : never;
}[SettingId];

type SettingsTable = Readonly<Record<string, SettingDescriptor>>;

/** The keys the settings view shows, of this table (the descriptor's unless a test passes another). */
export function viewSettingKeys(table: SettingsTable = SETTINGS as unknown as SettingsTable): string[] {
  return Object.keys(table).filter((id) => table[id]?.edit !== undefined && table[id]?.secret !== true);
}

export const VIEW_SETTING_KEYS = viewSettingKeys() as ViewSettingKey[];

/** A value of the view: the settings file's schema, `null` when unset for entries without a default. */
type ViewValueSchema<K extends SettingId> = Settings[K] extends { file: infer S extends z.ZodType }
  ? Settings[K]['default'] extends undefined
    ? z.ZodNullable<S>
    : S
  : never;

/**
 * The values Ajustes shows (`SettingsValuesSchema` in `@shared/ipc-contract`): each view key with its
 * settings file schema (environment values are held to it too, see `readEnvSetting`), nullable when
 * the entry has no default.
 */
export function settingsViewShape(table: SettingsTable = SETTINGS as unknown as SettingsTable): {
  [K in ViewSettingKey]: ViewValueSchema<K>;
} {
  return Object.fromEntries(
    viewSettingKeys(table).map((id) => {
      const d = table[id] as SettingDescriptor;
      // An editable entry is stored in the file; its edit schema stands in only if a table forgot `file`.
      const schema = d.file ?? (d.edit as z.ZodType);
      return [id, d.default === undefined ? schema.nullable() : schema];
    }),
  ) as { [K in ViewSettingKey]: ViewValueSchema<K> };
}

/** The values the view shows, as resolved: `null` where an entry without a default is unset. */
export type SettingsViewValues = {
  [K in ViewSettingKey]: undefined extends ResolvedSettings[K]
    ? Exclude<ResolvedSettings[K], undefined> | null
    : ResolvedSettings[K];
};

/** The view's values out of resolved settings (environment > settings file > default): unset → `null`. */
export function settingsViewValues(resolved: ResolvedSettings): SettingsViewValues;
export function settingsViewValues(
  resolved: Readonly<Record<string, unknown>>,
  table: SettingsTable,
): Record<string, unknown>;
export function settingsViewValues(
  resolved: Readonly<Record<string, unknown>>,
  table: SettingsTable = SETTINGS as unknown as SettingsTable,
): Record<string, unknown> {
  return Object.fromEntries(viewSettingKeys(table).map((id) => [id, resolved[id] ?? null]));
}

/** The first non-empty environment variable of an entry, trimmed. */
export function rawEnvValue(id: SettingId, env: Readonly<Record<string, string | undefined>>) {
  for (const name of entry(id).env) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/** An entry's environment value, parsed and checked, with the variable it came from. */
export type EnvSettingRead<T> =
  { ok: true; name: string; value: T } | { ok: false; name: string; message: string };

/**
 * An entry's environment value, as every reader of the environment takes it: the first non-empty
 * variable, parsed by `fromEnv` (the trimmed string when it has none), then held to the settings file's
 * schema when the entry has one, so a value from the environment is never one the file would refuse.
 * Undefined when no variable is set; a failure's message names the variable (never a secret's value).
 */
export function readEnvSetting<K extends SettingId>(
  id: K,
  env: Readonly<Record<string, string | undefined>>,
): EnvSettingRead<SettingValue<K>> | undefined {
  const raw = rawEnvValue(id, env);
  if (raw === undefined) return undefined;
  const d = entry(id);
  const parsed = d.fromEnv ? d.fromEnv(raw.value, raw.name) : { ok: true as const, value: raw.value };
  if (!parsed.ok) return { ok: false, name: raw.name, message: parsed.message };
  const checked = d.file ? d.file.safeParse(parsed.value) : { success: true as const, data: parsed.value };
  if (!checked.success) {
    const shown = d.secret ? '' : `="${raw.value}"`;
    return {
      ok: false,
      name: raw.name,
      message: `Variable ${raw.name}${shown} no válida: ${checked.error.issues[0]?.message ?? 'valor incorrecto'}`,
    };
  }
  return { ok: true, name: raw.name, value: checked.data as SettingValue<K> };
}

/** Settings the environment fixes. */
export function envOverrides<K extends SettingId>(
  keys: readonly K[],
  env: Readonly<Record<string, string | undefined>>,
): K[] {
  return keys.filter((key) => rawEnvValue(key, env) !== undefined);
}

export function settingsApplying(applies: SettingApplies): SettingId[] {
  return ids.filter((id) => entry(id).applies === applies);
}

export function isSecretSetting(id: string): boolean {
  return id in SETTINGS && entry(id as SettingId).secret === true;
}

/** Settings keys and environment variable names that hold secrets (the logger redacts them). */
export const SECRET_SETTING_NAMES: readonly string[] = ids.flatMap((id) =>
  entry(id).secret ? [id, ...entry(id).env] : [],
);

/** A copy of settings-shaped data safe to log: secret entries (and their variables) are masked. */
export function redactSettings(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const secret = new Set(SECRET_SETTING_NAMES);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      value !== undefined && value !== null && secret.has(key) ? '***' : value,
    ]),
  );
}

const APPLIES_DOC: Record<SettingApplies, string> = {
  live: 'at once',
  worker_restart: 'worker restart',
  app_restart: 'app restart',
};

function cells(id: SettingId): string[] {
  const d = entry(id);
  return [
    d.file ? `\`${id}\`` : '—',
    d.env.length > 0 ? d.env.map((name) => `\`${name}\``).join(', ') : '—',
    d.doc.en,
    d.defaultDoc,
    APPLIES_DOC[d.applies],
  ];
}

/** Display width as Prettier counts it for the characters used here (one column each). */
const width = (text: string): number => [...text].length;

/**
 * README.md "Configuration"'s table, aligned the way Prettier prints it so `prettier --check` and
 * the README test agree.
 */
export function renderSettingsTable(): string {
  const header = ['`settings.json`', 'variable', 'meaning', 'default', 'applies after'];
  const rows = ids.map(cells);
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const SETTINGS_TABLE_START = '<!-- settings-table:start -->';
export const SETTINGS_TABLE_END = '<!-- settings-table:end -->';

/** README text with the table between the markers replaced by the rendered one. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(SETTINGS_TABLE_START);
  const end = readme.indexOf(SETTINGS_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README: markers ${SETTINGS_TABLE_START} … ${SETTINGS_TABLE_END} not found`);
  return `${readme.slice(0, start + SETTINGS_TABLE_START.length)}\n\n${renderSettingsTable()}\n\n${readme.slice(end)}`;
}
