import { z } from 'zod';
import { LanguageSchema } from './config';
import { EDITABLE_SETTING_KEYS, settingsPatchShape, settingsViewShape } from './settings-descriptor';
import { CatalogExerciseSchema } from './exercise';
import { JOB_STATUSES, JOB_TYPES, PublicJobSchema } from './job';
import { PlanEstimateSchema } from './pricing';
import { JobEventSchema } from './job-events';
import { NutritionPlanDocumentSchema, TrainingPlanDocumentSchema } from './plans';
import { OverrideCoachSchema, OverrideReasonSchema, PLAN_KINDS, PlanDeliverySchema } from './plan-delivery';
import { QuestionnaireSubmissionSchema } from './questionnaire';
import { OPTIONAL_FIELDS_MODES } from './questionnaire-validation';
import { CorrectReadingBodySchema, SubmissionReadingSchema } from './reading-api';
import { StartupStateSchema } from './startup';
import { NewUserInputSchema, UserSchema, UserUpdateSchema } from './user';
import {
  JobCountsSchema,
  WorkerOverviewSchema,
  WorkerStatusSchema,
  type WorkerOverview,
} from './worker-status';
import {
  RunningByInstanceSchema,
  WorkerAndInstancesSchema,
  type RunningByInstance,
  type WorkerAndInstances,
} from './running-jobs';
import { IPC_EVENT_CHANNELS, IPC_METHOD_CHANNELS, type IpcEventName, type IpcMethod } from './ipc-channels';
import { DOMAIN_ERROR_CODES } from './domain-errors';
import { FieldErrorSchema, type FieldError } from './field-error';
import { EstimateQuerySchema, GenerateAsyncBodySchema, SubmitQuestionnaireBodySchema } from './api';
import { ClientPdfOptionsShape } from './client-plan-request';
import { EraseClientArgsSchema, ErasureRecordSchema } from './client-erasure';
import { IdSchema } from './ids';
import { pageArgsShape, pageOf } from './paging';
import { PlanSummarySchema, type PlanSummary } from './plan-summary';
import { PLAN_VERSION_IPC_METHODS } from './plan-versions-ipc';
import {
  BackupPassphraseSchema,
  BackupStatusSchema,
  BackupSummarySchema,
  ConflictRuleSchema,
  MoveArgsSchema,
  MoveOutcomeSchema,
  RestoreOutcomeSchema,
  TransferPreviewSchema,
  TransferProgressSchema,
} from './backup';

/*
 * The IPC contract between the renderer and the Electron main process (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI"): every channel with
 * the zod schema of its arguments and of its result, and every event main pushes. Main validates each
 * call's arguments against it (and its sender); the preload exposes exactly these methods. Values
 * travel by structured clone, so Dates stay Dates (unlike the HTTP API's JSON).
 */

export { IPC_EVENT_CHANNELS, IPC_METHOD_CHANNELS, type IpcEventName, type IpcMethod };

// ---------------------------------------------------------------------------------------------
// Errors: every failure reaches the renderer as `{ok: false, error}` with one of these reasons.
// ---------------------------------------------------------------------------------------------

/** `validation_error` comes with `fields` naming each bad field. */
export const IPC_ERROR_REASONS = [
  ...DOMAIN_ERROR_CODES,
  /** The call came from a frame that is not the app's own renderer. */
  'forbidden_sender',
  /** The core has not started (yet), or failed to start: see the start-up state. */
  'not_ready',
  /** The OS offers no way to encrypt the API key; use EDN_LLM_API_KEY instead. */
  'encryption_unavailable',
  'forbidden_url',
  'database_unreachable',
  /** The PDF could not be printed or written (disk full, no permission on the chosen folder). */
  'export_failed',
] as const;
export const IpcErrorReasonSchema = z.enum(IPC_ERROR_REASONS);
export type IpcErrorReason = z.infer<typeof IpcErrorReasonSchema>;

export const IpcFieldErrorSchema = FieldErrorSchema;
export type IpcFieldError = FieldError;

export const IpcErrorSchema = z.object({
  reason: IpcErrorReasonSchema,
  message: z.string(),
  fields: z.array(IpcFieldErrorSchema).optional(),
});
export type IpcErrorPayload = z.infer<typeof IpcErrorSchema>;

/** What every `invoke` resolves to on the wire; the preload unwraps it. */
export type IpcEnvelope<T> = { ok: true; data: T } | { ok: false; error: IpcErrorPayload };

// ---------------------------------------------------------------------------------------------
// Shared argument pieces.
// ---------------------------------------------------------------------------------------------

const ById = z.strictObject({ id: IdSchema });
const NoArgs = z.strictObject({}).optional();
const PageArgs = pageArgsShape;

// ---------------------------------------------------------------------------------------------
// Results that are not stored documents.
// ---------------------------------------------------------------------------------------------

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  electron: z.string(),
  chrome: z.string(),
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  packaged: z.boolean(),
  data_dir: z.string().nullable(),
  logs_dir: z.string().nullable(),
  api_url: z.string().nullable(),
  database_mode: z.enum(['embedded', 'configured']).nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const QuestionnaireCheckSchema = z.object({
  is_valid: z.boolean(),
  errors: z.array(IpcFieldErrorSchema),
  /** The original system's text listing every problem ("" when valid). */
  message: z.string(),
});
export type QuestionnaireCheck = z.infer<typeof QuestionnaireCheckSchema>;

export { PlanSummarySchema, type PlanSummary };

/** `saved: false` when the coach closed the save dialog; nothing was written then. */
export const PdfExportResultSchema = z.object({
  saved: z.boolean(),
  path: z.string().nullable(),
  bytes: z.number().int().min(0),
});
export type PdfExportResult = z.infer<typeof PdfExportResultSchema>;

export const OverridePlanResultSchema = z.object({
  kind: z.enum(PLAN_KINDS),
  plan_id: z.string(),
  delivery: PlanDeliverySchema,
});
export type OverridePlanResult = z.infer<typeof OverridePlanResultSchema>;

export { JobCountsSchema, WorkerOverviewSchema, type WorkerOverview };
export { RunningByInstanceSchema, WorkerAndInstancesSchema, type RunningByInstance, type WorkerAndInstances };

/** Settings the coach may change from the app; the API token and the encrypted key are not among them. */
export const EDITABLE_SETTINGS = EDITABLE_SETTING_KEYS;
export type EditableSetting = (typeof EDITABLE_SETTINGS)[number];

/**
 * The values Ajustes shows: every editable, non-secret entry of the settings descriptor with its settings
 * file schema, `null` when an entry without a default is unset (e.g. the coach's brand on the PDF).
 */
export const SettingsValuesSchema = z.object(settingsViewShape());
export type SettingsValues = z.infer<typeof SettingsValuesSchema>;

export const LlmKeyStatusSchema = z.object({
  configured: z.boolean(),
  /** `env`: EDN_LLM_API_KEY / OPENAI_API_KEY (wins); `settings`: stored encrypted by the app. */
  source: z.enum(['env', 'settings']).nullable(),
  /**
   * False when the OS offered only Electron's `basic_text` fallback (Linux without a keyring): the
   * stored key is then obfuscated with a fixed password, not protected. Null when nothing is stored.
   */
  encrypted_at_rest: z.boolean().nullable(),
  /** Electron's safeStorage backend on Linux (`gnome_libsecret`, `kwallet5`, `basic_text`…); null elsewhere. */
  storage_backend: z.string().nullable(),
});
export type LlmKeyStatus = z.infer<typeof LlmKeyStatusSchema>;

/** What the Ajustes screen shows. Never the API key or the API token themselves. */
export const SettingsViewSchema = z.strictObject({
  data_dir: z.string(),
  settings_file: z.string(),
  /** Effective values: environment > settings file > defaults. */
  values: SettingsValuesSchema,
  /** Fields fixed by an environment variable: editing them in the file has no effect while it is set. */
  env_overrides: z.array(z.enum(EDITABLE_SETTINGS)),
  llm_api_key: LlmKeyStatusSchema,
  /** Saved changes that apply only after the app restarts (database, API, worker settings). */
  restart_required: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/**
 * How to reach the local HTTP API: shown in Ajustes on request (the token is the coach's own
 * secret, never part of the settings view, never logged).
 */
export const ApiAccessSchema = z.object({
  url: z.string().nullable(),
  token: z.string(),
  /** `env`: EDN_API_TOKEN fixes it (not regenerable from the app). */
  source: z.enum(['env', 'settings']),
});
export type ApiAccess = z.infer<typeof ApiAccessSchema>;

/** `null` removes the field from the settings file (back to the default). Derived from the settings descriptor. */
export const SettingsPatchSchema = z.strictObject(settingsPatchShape());
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DatabaseTestResultSchema = z.object({
  ok: z.boolean(),
  latency_ms: z.number().nullable(),
  /** Credentials removed. */
  url: z.string(),
  message: z.string(),
});
export type DatabaseTestResult = z.infer<typeof DatabaseTestResultSchema>;

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export const LogLevelSchema = z.enum(LOG_LEVELS);

export const LogEntrySchema = z.object({
  at: z.date().nullable(),
  level: z.union([LogLevelSchema, z.literal('unknown')]),
  message: z.string(),
  component: z.string().nullable(),
  /** The line as written (JSON), for copy-and-paste into a support request. */
  raw: z.string(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const LogTailSchema = z.object({ file: z.string().nullable(), entries: z.array(LogEntrySchema) });
export type LogTail = z.infer<typeof LogTailSchema>;

/**
 * A backup file the coach chose in main's open dialog, named by an opaque token: its path stays in
 * main, so the renderer can restore only a file the coach picked, never a path of its own.
 */
export const BackupFileTokenSchema = z.uuid({ error: 'se esperaba un archivo elegido en el diálogo' });
export const ChosenBackupFileSchema = z.object({
  file: BackupFileTokenSchema,
  /** The file's name (no folder), for the screen. */
  name: z.string(),
});
export type ChosenBackupFile = z.infer<typeof ChosenBackupFileSchema>;
/** The passphrase of an existing (encrypted) backup: whatever the coach typed when it was made. */
const BackupPassphraseArg = z.string().min(1, 'escribe la contraseña de la copia').max(1024);

export const RestoreBackupResultSchema = RestoreOutcomeSchema;

// ---------------------------------------------------------------------------------------------
// The contract.
// ---------------------------------------------------------------------------------------------

export interface IpcMethodSpec {
  channel: string;
  args: z.ZodType;
  result: z.ZodType;
}

const responsesArg = z.record(z.string(), z.unknown(), {
  error: 'responses: se esperaba un objeto con las respuestas del cuestionario',
});

export const IPC_CONTRACT = {
  getStartupState: { channel: IPC_METHOD_CHANNELS.getStartupState, args: NoArgs, result: StartupStateSchema },
  /** The renderer subscribed to events: main flushes what it queued for this window. */
  rendererReady: { channel: IPC_METHOD_CHANNELS.rendererReady, args: NoArgs, result: z.null() },
  getAppInfo: { channel: IPC_METHOD_CHANNELS.getAppInfo, args: NoArgs, result: AppInfoSchema },
  /** Opens an https link in the system browser; anything else is refused (`forbidden_url`). */
  openExternal: {
    channel: IPC_METHOD_CHANNELS.openExternal,
    args: z.strictObject({ url: z.string().max(2048) }),
    result: z.null(),
  },

  listClients: {
    channel: IPC_METHOD_CHANNELS.listClients,
    args: z
      .strictObject({
        search: z.string().max(200).optional(),
        include_archived: z.boolean().optional(),
        ...PageArgs,
      })
      .optional(),
    result: pageOf(UserSchema),
  },
  createClient: { channel: IPC_METHOD_CHANNELS.createClient, args: NewUserInputSchema, result: UserSchema },
  getClient: { channel: IPC_METHOD_CHANNELS.getClient, args: ById, result: UserSchema },
  updateClient: {
    channel: IPC_METHOD_CHANNELS.updateClient,
    args: z.strictObject({ id: IdSchema, changes: UserUpdateSchema }),
    result: UserSchema,
  },
  archiveClient: {
    channel: IPC_METHOD_CHANNELS.archiveClient,
    args: z.strictObject({ id: IdSchema, archived: z.boolean().default(true) }),
    result: UserSchema,
  },
  /** One client's complete data as a zip, saved where the coach chooses (a cancelled dialog saves nothing). */
  exportClientData: {
    channel: IPC_METHOD_CHANNELS.exportClientData,
    args: ById,
    result: PdfExportResultSchema,
  },
  /** Erases the client and everything derived from them; answers the anonymous record it left. */
  eraseClient: {
    channel: IPC_METHOD_CHANNELS.eraseClient,
    args: EraseClientArgsSchema,
    result: ErasureRecordSchema,
  },

  /**
   * Checks answers with the original system's rules without storing anything (form feedback).
   * `mode`: optional answers never fail unless `strict` (see `validateQuestionnaire`).
   */
  validateQuestionnaire: {
    channel: IPC_METHOD_CHANNELS.validateQuestionnaire,
    args: z.strictObject({
      responses: responsesArg,
      lang: LanguageSchema.optional(),
      mode: z.enum(OPTIONAL_FIELDS_MODES).optional(),
    }),
    result: QuestionnaireCheckSchema,
  },
  submitQuestionnaire: {
    channel: IPC_METHOD_CHANNELS.submitQuestionnaire,
    // The HTTP route's envelope: the use case checks user_id and the answers with the original's
    // rules and messages, so both doors refuse the same input the same way.
    args: SubmitQuestionnaireBodySchema,
    result: QuestionnaireSubmissionSchema,
  },
  listQuestionnaires: {
    channel: IPC_METHOD_CHANNELS.listQuestionnaires,
    args: z.strictObject({ user_id: IdSchema, ...PageArgs }),
    result: pageOf(QuestionnaireSubmissionSchema),
  },
  getQuestionnaire: {
    channel: IPC_METHOD_CHANNELS.getQuestionnaire,
    args: ById,
    result: QuestionnaireSubmissionSchema,
  },
  /** What the app understood from a stored questionnaire (docs/DOMAIN.md, "Reading free-text answers"). */
  getQuestionnaireReading: {
    channel: IPC_METHOD_CHANNELS.getQuestionnaireReading,
    args: ById,
    result: SubmissionReadingSchema,
  },
  /** The coach's corrections of that reading, stored with the submission for the next job. */
  correctQuestionnaireReading: {
    channel: IPC_METHOD_CHANNELS.correctQuestionnaireReading,
    args: z.strictObject({ id: IdSchema, corrections: CorrectReadingBodySchema.shape.corrections }),
    result: SubmissionReadingSchema,
  },

  generatePlan: {
    channel: IPC_METHOD_CHANNELS.generatePlan,
    // The HTTP route's body, with the client's id the route takes from its path.
    args: GenerateAsyncBodySchema.extend({ user_id: IdSchema }),
    result: PublicJobSchema,
  },
  getJob: { channel: IPC_METHOD_CHANNELS.getJob, args: ById, result: PublicJobSchema },
  listJobs: {
    channel: IPC_METHOD_CHANNELS.listJobs,
    args: z
      .strictObject({
        status: z.enum(JOB_STATUSES).optional(),
        user_id: IdSchema.optional(),
        type: z.enum(JOB_TYPES).optional(),
        ...PageArgs,
      })
      .optional(),
    result: pageOf(PublicJobSchema),
  },
  cancelJob: {
    channel: IPC_METHOD_CHANNELS.cancelJob,
    args: ById,
    result: z.object({ outcome: z.enum(['cancelled', 'cancel_requested']), job: PublicJobSchema }),
  },
  retryJob: { channel: IPC_METHOD_CHANNELS.retryJob, args: ById, result: PublicJobSchema },
  /** What a job of this type would cost with the models and prices in force (typical token use). */
  estimatePlanCost: {
    channel: IPC_METHOD_CHANNELS.estimatePlanCost,
    args: EstimateQuerySchema,
    result: PlanEstimateSchema,
  },

  /** A client's plans, newest first, as summaries (open one with getTrainingPlan / getNutritionPlan). */
  listPlans: {
    channel: IPC_METHOD_CHANNELS.listPlans,
    args: z.strictObject({ user_id: IdSchema, ...PageArgs }),
    result: z.object({
      training: pageOf(PlanSummarySchema),
      nutrition: pageOf(PlanSummarySchema),
      /** The client's current plans: the newest deliverable of each kind (null when none). */
      current_training_plan_id: z.string().nullable(),
      current_nutrition_plan_id: z.string().nullable(),
    }),
  },
  getTrainingPlan: {
    channel: IPC_METHOD_CHANNELS.getTrainingPlan,
    args: ById,
    result: TrainingPlanDocumentSchema,
  },
  getNutritionPlan: {
    channel: IPC_METHOD_CHANNELS.getNutritionPlan,
    args: ById,
    result: NutritionPlanDocumentSchema,
  },

  /**
   * Prints the calling window (its print stylesheet) to a PDF with Chromium's engine and saves it where
   * the coach chooses in the system dialog; `file_name` is only the dialog's suggestion. The page
   * shows one job's plans: main reads that job's `result` itself and refuses (`plan_blocked`) while
   * any of its plans is blocked by its audit.
   */
  exportPlanPdf: {
    channel: IPC_METHOD_CHANNELS.exportPlanPdf,
    args: z.strictObject({
      file_name: z
        .string()
        .trim()
        .max(120, 'máximo 120 caracteres')
        .regex(/^[^\\/:*?"<>|]+\.pdf$/i, 'se esperaba un nombre de archivo acabado en .pdf, sin carpetas'),
      job_id: IdSchema,
    }),
    result: PdfExportResultSchema,
  },
  /**
   * The client's version of every plan a job produced (issue 15), drawn by main from the shared
   * template (no printing of the page) and saved where the coach chooses; refused (`plan_blocked`)
   * while any of them is blocked, before any dialog opens.
   */
  exportClientPdf: {
    channel: IPC_METHOD_CHANNELS.exportClientPdf,
    args: z.strictObject({ job_id: IdSchema, ...ClientPdfOptionsShape }),
    result: PdfExportResultSchema,
  },
  /**
   * One plan as its JSON document, for the renderer to save: refused (`plan_blocked`) while its
   * audit blocks it, like `GET /admin/{kind}-plans/{id}/export`.
   */
  exportPlanJson: {
    channel: IPC_METHOD_CHANNELS.exportPlanJson,
    args: z.strictObject({
      kind: z.enum(PLAN_KINDS, { error: 'kind debe ser "training" o "nutrition"' }),
      plan_id: IdSchema,
    }),
    result: z.union([TrainingPlanDocumentSchema, NutritionPlanDocumentSchema]),
  },
  /**
   * The coach delivers a plan its audit blocked, with a written reason (20–1000 characters) recorded
   * with the time; only a blocked plan can be approved (`plan_not_blocked` otherwise).
   */
  overridePlanBlock: {
    channel: IPC_METHOD_CHANNELS.overridePlanBlock,
    args: z.strictObject({
      kind: z.enum(PLAN_KINDS, { error: 'kind debe ser "training" o "nutrition"' }),
      plan_id: IdSchema,
      reason: OverrideReasonSchema,
      coach: OverrideCoachSchema.optional(),
    }),
    result: OverridePlanResultSchema,
  },
  ...PLAN_VERSION_IPC_METHODS,

  /** The worker, the jobs per status and where the clinic's jobs run (running per instance). */
  getWorkerStatus: {
    channel: IPC_METHOD_CHANNELS.getWorkerStatus,
    args: NoArgs,
    result: WorkerAndInstancesSchema,
  },
  restartWorker: {
    channel: IPC_METHOD_CHANNELS.restartWorker,
    args: NoArgs,
    result: WorkerAndInstancesSchema,
  },

  getSettings: { channel: IPC_METHOD_CHANNELS.getSettings, args: NoArgs, result: SettingsViewSchema },
  updateSettings: {
    channel: IPC_METHOD_CHANNELS.updateSettings,
    args: SettingsPatchSchema,
    result: SettingsViewSchema,
  },
  /** Stores the key encrypted with the OS keychain (safeStorage); `null` removes it. Restarts the worker. */
  setLlmApiKey: {
    channel: IPC_METHOD_CHANNELS.setLlmApiKey,
    args: z.strictObject({
      api_key: z.string().trim().min(8, 'la clave parece incompleta').max(512).nullable(),
    }),
    result: SettingsViewSchema,
  },
  /** Pings the given MongoDB (or the one in use when omitted) without changing anything. */
  testDatabaseConnection: {
    channel: IPC_METHOD_CHANNELS.testDatabaseConnection,
    args: z
      .strictObject({
        mongo_url: z
          .string()
          .regex(/^mongodb(\+srv)?:\/\//, 'se esperaba una URL mongodb:// o mongodb+srv://')
          .optional(),
      })
      .optional(),
    result: DatabaseTestResultSchema,
  },

  getApiAccess: { channel: IPC_METHOD_CHANNELS.getApiAccess, args: NoArgs, result: ApiAccessSchema },
  /** A new random token, stored and in force at once: clients using the old one get 401. */
  regenerateApiToken: {
    channel: IPC_METHOD_CHANNELS.regenerateApiToken,
    args: NoArgs,
    result: ApiAccessSchema,
  },

  /**
   * A backup of the whole database, saved where the coach chooses (save dialog, `.edn360bak`);
   * encrypted with `passphrase` when given. Null when the dialog was closed: nothing was written.
   */
  createBackup: {
    channel: IPC_METHOD_CHANNELS.createBackup,
    args: z.strictObject({ passphrase: BackupPassphraseSchema.optional() }).optional(),
    result: BackupSummarySchema.nullable(),
  },
  /** The last backups (any instance on this database) and the automatic schedule. */
  backupStatus: { channel: IPC_METHOD_CHANNELS.backupStatus, args: NoArgs, result: BackupStatusSchema },
  /** The open dialog for a backup file; null when closed. The path stays in main (see the token). */
  chooseBackupFile: {
    channel: IPC_METHOD_CHANNELS.chooseBackupFile,
    args: NoArgs,
    result: ChosenBackupFileSchema.nullable(),
  },
  /**
   * Reads and checks a backup against the database (nothing written): the file chosen before
   * (`file`), or one chosen now in the open dialog (null when it is closed). Progress: `transferProgress`.
   */
  previewRestore: {
    channel: IPC_METHOD_CHANNELS.previewRestore,
    args: z
      .strictObject({ file: BackupFileTokenSchema.optional(), passphrase: BackupPassphraseArg.optional() })
      .optional(),
    result: ChosenBackupFileSchema.extend({ preview: TransferPreviewSchema }).nullable(),
  },
  /** Restores a chosen backup under the conflict rule; refused while jobs are queued or running. */
  restoreBackup: {
    channel: IPC_METHOD_CHANNELS.restoreBackup,
    args: z.strictObject({
      file: BackupFileTokenSchema,
      passphrase: BackupPassphraseArg.optional(),
      rule: ConflictRuleSchema,
      apply_settings: z.boolean().default(false),
    }),
    result: RestoreBackupResultSchema,
  },
  /** Copies every document to another database and switches the setting (`dry_run`: preview only). */
  moveDatabase: {
    channel: IPC_METHOD_CHANNELS.moveDatabase,
    args: MoveArgsSchema,
    result: MoveOutcomeSchema,
  },

  tailLogs: {
    channel: IPC_METHOD_CHANNELS.tailLogs,
    args: z
      .strictObject({
        lines: z.number().int().min(1).max(2000).optional(),
        min_level: LogLevelSchema.optional(),
      })
      .optional(),
    result: LogTailSchema,
  },

  /** The exercise catalog, read-only: names (es/en), pattern, primary muscles and equipment by id. */
  listExercises: {
    channel: IPC_METHOD_CHANNELS.listExercises,
    args: NoArgs,
    result: z.array(CatalogExerciseSchema),
  },
} as const satisfies Record<IpcMethod, IpcMethodSpec>; // a channel without a schema, or the reverse, fails to compile

export const IPC_EVENT_CONTRACT = {
  /** Throttled per job (≥ 100 ms apart); the newest state and every completed/failed always arrive. */
  job: { channel: IPC_EVENT_CHANNELS.job, payload: JobEventSchema },
  'worker-status': { channel: IPC_EVENT_CHANNELS['worker-status'], payload: WorkerStatusSchema },
  startup: { channel: IPC_EVENT_CHANNELS.startup, payload: StartupStateSchema },
  /** Where a backup, restore or move is (each batch, at most every 100 ms, and the last one always). */
  transferProgress: { channel: IPC_EVENT_CHANNELS.transferProgress, payload: TransferProgressSchema },
} as const satisfies Record<IpcEventName, { channel: string; payload: z.ZodType }>;

export type IpcArgs<M extends IpcMethod> = z.input<(typeof IPC_CONTRACT)[M]['args']>;
export type IpcParsedArgs<M extends IpcMethod> = z.output<(typeof IPC_CONTRACT)[M]['args']>;
export type IpcResult<M extends IpcMethod> = z.output<(typeof IPC_CONTRACT)[M]['result']>;
export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof IPC_EVENT_CONTRACT)[E]['payload']>;

/** The object the preload exposes as `window.edn360`: one function per method, plus `on`. */
export type Edn360Api = {
  [M in IpcMethod]: undefined extends IpcArgs<M>
    ? (args?: IpcArgs<M>) => Promise<IpcResult<M>>
    : (args: IpcArgs<M>) => Promise<IpcResult<M>>;
} & {
  on<E extends IpcEventName>(event: E, callback: (payload: IpcEventPayload<E>) => void): () => void;
};
