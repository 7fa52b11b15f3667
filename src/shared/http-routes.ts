import { z } from 'zod';
import {
  ApiErrorResponseSchema,
  CancelJobResponseSchema,
  CatalogQuerySchema,
  CatalogResponseSchema,
  CreateUserBodySchema,
  EmptyBodySchema,
  EstimateQuerySchema,
  GenerateAsyncBodySchema,
  GenerateAsyncResponseSchema,
  GetJobResponseSchema,
  HealthAnswerSchema,
  JobListQuerySchema,
  JobListResponseSchema,
  JobParamsSchema,
  JobStreamEventSchema,
  NutritionPlanJsonSchema,
  OverridePlanBodySchema,
  PageQuerySchema,
  PlanParamsSchema,
  RetryJobResponseSchema,
  SubmitQuestionnaireBodySchema,
  SubmitQuestionnaireResponseSchema,
  TrainingPlanJsonSchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserListResponseSchema,
  UserParamsSchema,
  UserPlansResponseSchema,
  UserResponseSchema,
  EraseUserResponseSchema,
  UserSubmissionsResponseSchema,
  WorkerResponseSchema,
  IsoDate,
  type ApiErrorCode,
} from './api';
import {
  BackupPassphraseSchema,
  BackupRunSchema,
  ConflictRuleSchema,
  MoveArgsSchema,
  MoveOutcomeSchema,
  RestoreOutcomeSchema,
  TransferPreviewSchema,
  TransferProgressSchema,
} from './backup';
import { ClientPdfQuerySchema, PdfBytesSchema, ZipBytesSchema } from './client-plan-request';
import { EraseClientConfirmSchema } from './client-erasure';
import { RegenerateBodySchema } from './plan-regeneration';
import {
  ApproveBodySchema,
  DiffQuerySchema,
  NutritionPreviewBodySchema,
  NutritionPreviewSchema,
  NutritionSaveBodySchema,
  NutritionSavedSchema,
  PlanDiffSchema,
  PlanVersionAnswerSchema,
  PlanVersionListSchema,
  RestoreBodySchema,
  TrainingPreviewBodySchema,
  TrainingPreviewSchema,
  TrainingSaveBodySchema,
  TrainingSavedSchema,
  VersionParamsSchema,
} from './plan-versions-api';
import { PlanEstimateSchema } from './pricing';
import {
  CorrectReadingBodySchema,
  SubmissionReadingParamsSchema,
  SubmissionReadingSchema,
} from './reading-api';

/*
 * The HTTP door's one contract (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI"): every route with its
 * method, path, who may call it, the zod schemas of its path parameters, query and body, the schema
 * of its success answer, its success statuses and the error codes it answers with on purpose. The
 * Fastify server registers exactly these routes (a handler per name, checked by the compiler), the
 * browser client calls them by name with typed inputs and decodes the answers with the same
 * schemas, and the API tests check every answer against the table (`checkResponses`).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/**
 * `public` routes are the original system's (no token, rate-limited per address): without a token
 * they answer a minimal view (state and progress, no client data), with the admin token the full
 * one, and a wrong token is refused (401). `admin` routes need the bearer token.
 */
export type RouteAccess = 'public' | 'admin';

export interface HttpRouteSpec {
  method: HttpMethod;
  /** Fastify's syntax (`/admin/users/:user_id`); the full path, `/admin` included. */
  path: string;
  access: RouteAccess;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer; for an event stream, the `data` of each event. */
  response: z.ZodType;
  /** `sse`: a `text/event-stream` whose events carry `response`; otherwise one JSON answer. */
  stream?: 'sse';
  /** A file, not JSON: the success body is these bytes (`response` checks them). */
  binary?: 'application/pdf' | 'application/zip' | 'application/octet-stream';
  /**
   * The request body is a file, not JSON: its raw bytes with this Content-Type (streamed to a
   * temporary file on the server, never held in memory); `body` is then absent.
   */
  upload?: 'application/octet-stream';
  /**
   * A long operation that reports progress: with `Accept: application/x-ndjson` the answer is a
   * 200 stream of JSON lines, `{"progress": …}` (`progressEvent`) then one `{"result": <response>}`
   * or `{"error": <error body>}`; without it, the plain JSON answer.
   */
  progress?: 'ndjson';
  /** Statuses whose body is `response` (the first is the usual one); any other is an error body. */
  success: readonly number[];
  /** Error codes this route answers with on purpose, besides those every route may answer. */
  errors: readonly ApiErrorCode[];
}

/**
 * Errors any route may answer: an input its schemas refuse (`validation_error`, fields named),
 * a request the framework cannot read (`invalid_request`: a bad `%` escape), the Host check, an
 * unexpected failure.
 */
export const COMMON_ERRORS: readonly ApiErrorCode[] = [
  'validation_error',
  'forbidden_host',
  'not_found',
  'internal_error',
  'invalid_request',
];
/** Errors a route with a body may answer besides its own. */
export const BODY_ERRORS: readonly ApiErrorCode[] = [
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
];
/** What the access layer answers: the public limit, or a missing/wrong token. */
export const ACCESS_ERRORS: Record<RouteAccess, readonly ApiErrorCode[]> = {
  public: ['rate_limited', 'unauthorized'],
  admin: ['unauthorized'],
};

/** The three routes of each plan kind: read (for review), export (when deliverable), override. */
function planRoutes<S extends z.ZodType, P extends string>(
  kind: 'training' | 'nutrition',
  plan: S,
  prefix: P,
) {
  const answer = z.object({ success: z.literal(true), plan });
  return {
    get: {
      method: 'GET',
      path: `/admin/${prefix}/:plan_id`,
      access: 'admin',
      summary: `The ${kind} plan for review, blocked ones included, with its delivery state.`,
      params: PlanParamsSchema,
      response: answer,
      success: [200],
      errors: ['plan_not_found'],
    },
    export: {
      method: 'GET',
      path: `/admin/${prefix}/:plan_id/export`,
      access: 'admin',
      summary: `The ${kind} plan's JSON document as a download: only an approved current version its audit does not block; recorded as delivered.`,
      params: PlanParamsSchema,
      response: plan,
      success: [200],
      errors: ['plan_not_found', 'plan_blocked', 'plan_not_approved'],
    },
    override: {
      method: 'POST',
      path: `/admin/${prefix}/:plan_id/override`,
      access: 'admin',
      summary: `The coach delivers a blocked ${kind} plan anyway, with a written reason.`,
      params: PlanParamsSchema,
      body: OverridePlanBodySchema,
      response: answer,
      success: [200],
      errors: ['plan_not_found', 'plan_not_blocked', 'validation_error'],
    },
    clientPdf: {
      method: 'GET',
      path: `/admin/${prefix}/:plan_id/client.pdf`,
      access: 'admin',
      summary: `The client's version of the ${kind} plan as a PDF: only an approved current version its audit does not block; recorded as delivered.`,
      params: PlanParamsSchema,
      query: ClientPdfQuerySchema,
      response: PdfBytesSchema,
      binary: 'application/pdf',
      success: [200],
      errors: ['plan_not_found', 'plan_blocked', 'plan_not_approved'],
    },
  } as const satisfies Record<string, HttpRouteSpec>;
}

/**
 * The editor, versions and approval of each plan kind (issue #16; docs/ARCHITECTURE.md "Plan
 * versions and review"): the same use cases as the IPC methods of plan-versions-ipc.ts.
 */
function versionRoutes<
  P extends string,
  PreviewBody extends z.ZodType,
  SaveBody extends z.ZodType,
  PreviewAnswer extends z.ZodType,
  Saved extends z.ZodType,
>(
  kind: 'training' | 'nutrition',
  prefix: P,
  bodies: { preview: PreviewBody; save: SaveBody; previewAnswer: PreviewAnswer; saved: Saved },
) {
  const base = `/admin/${prefix}/:plan_id` as const;
  return {
    versions: {
      method: 'GET',
      path: `${base}/versions`,
      access: 'admin',
      summary: `The ${kind} plan's versions (who, when, note, origin, audit state) and its review state.`,
      params: PlanParamsSchema,
      response: PlanVersionListSchema,
      success: [200],
      errors: ['plan_not_found'],
    },
    version: {
      method: 'GET',
      path: `${base}/versions/:version`,
      access: 'admin',
      summary: `One version of the ${kind} plan, whole.`,
      params: VersionParamsSchema,
      response: PlanVersionAnswerSchema,
      success: [200],
      errors: ['plan_not_found', 'validation_error'],
    },
    diff: {
      method: 'GET',
      path: `${base}/diff`,
      access: 'admin',
      summary: `The readable changes between two versions of the ${kind} plan (?from=1&to=3).`,
      params: PlanParamsSchema,
      query: DiffQuerySchema,
      response: PlanDiffSchema,
      success: [200],
      errors: ['plan_not_found', 'validation_error'],
    },
    preview: {
      method: 'POST',
      path: `${base}/preview`,
      access: 'admin',
      summary: `Edits applied to the ${kind} plan and re-audited, nothing saved.`,
      params: PlanParamsSchema,
      body: bodies.preview,
      response: bodies.previewAnswer,
      success: [200],
      errors: ['plan_not_found', 'plan_version_conflict', 'validation_error'],
    },
    save: {
      method: 'POST',
      path: `${base}/versions`,
      access: 'admin',
      summary: `Edits saved as a new version of the ${kind} plan (a draft until approved).`,
      params: PlanParamsSchema,
      body: bodies.save,
      response: bodies.saved,
      success: [201],
      errors: ['plan_not_found', 'plan_version_conflict', 'validation_error'],
    },
    restore: {
      method: 'POST',
      path: `${base}/versions/:version/restore`,
      access: 'admin',
      summary: `An older version's content back as a new version of the ${kind} plan.`,
      params: VersionParamsSchema,
      body: RestoreBodySchema,
      response: bodies.saved,
      success: [201],
      errors: ['plan_not_found', 'plan_version_conflict', 'validation_error'],
    },
    regenerate: {
      method: 'POST',
      path: `${base}/regenerate`,
      access: 'admin',
      summary: `Redo part of the ${kind} plan's current version with the coach's note: a job that saves a new version.`,
      params: PlanParamsSchema,
      body: RegenerateBodySchema,
      response: GenerateAsyncResponseSchema,
      success: [200],
      errors: ['plan_not_found', 'plan_version_conflict', 'submission_not_found', 'validation_error'],
    },
    approve: {
      method: 'POST',
      path: `${base}/approve`,
      access: 'admin',
      summary: `Approves the current version of the ${kind} plan (a blocked one needs override_reason).`,
      params: PlanParamsSchema,
      body: ApproveBodySchema,
      response: bodies.saved,
      success: [200],
      errors: ['plan_not_found', 'plan_version_conflict', 'plan_blocked', 'validation_error'],
    },
  } as const satisfies Record<string, HttpRouteSpec>;
}

const trainingPlan = planRoutes('training', TrainingPlanJsonSchema, 'training-plans');
const nutritionPlan = planRoutes('nutrition', NutritionPlanJsonSchema, 'nutrition-plans');
const trainingVersions = versionRoutes('training', 'training-plans', {
  preview: TrainingPreviewBodySchema,
  save: TrainingSaveBodySchema,
  previewAnswer: TrainingPreviewSchema,
  saved: TrainingSavedSchema,
});
const nutritionVersions = versionRoutes('nutrition', 'nutrition-plans', {
  preview: NutritionPreviewBodySchema,
  save: NutritionSaveBodySchema,
  previewAnswer: NutritionPreviewSchema,
  saved: NutritionSavedSchema,
});

/** A backup file's bytes (`POST /admin/backup`): it starts with the line `EDN360-BACKUP`. */
export const BackupBytesSchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array && value.byteLength > 0,
  'se esperaban los bytes de una copia de seguridad',
);

/** `POST /admin/backup`'s body: an optional passphrase that encrypts the file. */
export const BackupRequestBodySchema = z
  .strictObject({ passphrase: BackupPassphraseSchema.optional() })
  .optional();

/** `POST /admin/restore`'s query: the conflict rule, and whether the backup's settings are taken too. */
export const RestoreQuerySchema = z.object({
  rule: ConflictRuleSchema.default('keep'),
  settings: z.enum(['0', '1']).default('0'),
});

/** The header that carries an encrypted backup's passphrase on the restore routes (never a query). */
export const BACKUP_PASSPHRASE_HEADER = 'x-backup-passphrase';
/** The header of `POST /admin/backup` with the number of documents in the file. */
export const BACKUP_DOCUMENTS_HEADER = 'x-backup-documents';
/** What a client sends as `Accept` to get the NDJSON progress stream of a `progress` route. */
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

const BackupRunWireSchema = BackupRunSchema.extend({ at: IsoDate });
export const BackupStatusResponseSchema = z.object({
  success: z.literal(true),
  status: z.strictObject({
    last: BackupRunWireSchema.nullable(),
    last_automatic: BackupRunWireSchema.nullable(),
    automatic: z.strictObject({
      folder: z.string(),
      keep: z.number().int().min(0),
      next_due_at: IsoDate.nullable(),
    }),
  }),
});
export const RestorePreviewResponseSchema = z.object({
  success: z.literal(true),
  preview: TransferPreviewSchema,
});
export const RestoreResponseSchema = z.object({
  success: z.literal(true),
  restore: RestoreOutcomeSchema,
});
export const MoveResponseSchema = z.object({ success: z.literal(true), move: MoveOutcomeSchema });

/** One line of a `progress` route's NDJSON stream (`Accept: application/x-ndjson`). */
export const ProgressLineSchema = z.union([
  z.strictObject({ progress: TransferProgressSchema }),
  z.strictObject({ result: z.unknown() }),
  z.strictObject({ error: ApiErrorResponseSchema }),
]);
export type ProgressLine = z.infer<typeof ProgressLineSchema>;

/** Errors a restore upload may answer (its body is a file, not JSON). */
const UPLOAD_ERRORS = [
  'unsupported_media_type',
  'payload_too_large',
  'backup_unreadable',
  'backup_passphrase_required',
  'backup_wrong_passphrase',
  'backup_from_newer_version',
] as const satisfies readonly ApiErrorCode[];

export const HTTP_ROUTES = {
  // --- Public: the original system's routes, and health -------------------------------------
  health: {
    method: 'GET',
    path: '/health',
    access: 'public',
    summary:
      'Up or down (503 while the database is unreachable); database, worker and LLM endpoint details with the admin token.',
    response: HealthAnswerSchema,
    success: [200, 503],
    errors: [],
  },
  submitQuestionnaire: {
    method: 'POST',
    path: '/submit-nutrition-questionnaire',
    access: 'public',
    summary:
      'Stores a questionnaire (seed-compatible); a client the system does not know is created. Without the admin token it may only create a new client, and off loopback it needs EDN_PUBLIC_SUBMIT=1.',
    body: SubmitQuestionnaireBodySchema,
    response: SubmitQuestionnaireResponseSchema,
    success: [201],
    errors: ['validation_error', 'user_exists', 'forbidden'],
  },
  getJob: {
    method: 'GET',
    path: '/jobs/:job_id',
    access: 'public',
    summary:
      'The job document itself, as the original answered it, with the admin token; its state and progress only without it.',
    params: JobParamsSchema,
    response: GetJobResponseSchema,
    success: [200],
    errors: ['job_not_found'],
  },
  jobEvents: {
    method: 'GET',
    path: '/jobs/:job_id/events',
    access: 'public',
    summary:
      'Server-sent events: a snapshot, then every change of the job until it ends (the same view as GET /jobs/{id}); streams are capped per address and in lifetime.',
    params: JobParamsSchema,
    response: JobStreamEventSchema,
    stream: 'sse',
    success: [200],
    errors: ['job_not_found'],
  },

  // --- Admin: generation and jobs -----------------------------------------------------------
  generatePlan: {
    method: 'POST',
    path: '/admin/users/:user_id/plans/generate_async',
    access: 'admin',
    summary: 'Enqueues a plan job for a stored questionnaire of this client (seed-compatible).',
    params: UserParamsSchema,
    body: GenerateAsyncBodySchema,
    response: GenerateAsyncResponseSchema,
    success: [200],
    errors: ['user_not_found', 'submission_not_found', 'plan_not_found', 'plan_blocked', 'validation_error'],
  },
  listJobs: {
    method: 'GET',
    path: '/admin/jobs',
    access: 'admin',
    summary: 'Jobs, newest first, filtered; `updated_since` follows every change in order.',
    query: JobListQuerySchema,
    response: JobListResponseSchema,
    success: [200],
    errors: [],
  },
  estimatePlanCost: {
    method: 'GET',
    path: '/admin/estimate',
    access: 'admin',
    summary: "What a job of this type would cost with this server's models and prices.",
    query: EstimateQuerySchema,
    response: PlanEstimateSchema.extend({ success: z.literal(true) }),
    success: [200],
    errors: [],
  },
  cancelJob: {
    method: 'POST',
    path: '/admin/jobs/:job_id/cancel',
    access: 'admin',
    summary: 'Cancels a pending job at once (200) or asks its worker to stop a running one (202).',
    params: JobParamsSchema,
    body: EmptyBodySchema,
    response: CancelJobResponseSchema,
    success: [200, 202],
    errors: ['job_not_found', 'job_not_cancellable'],
  },
  jobClientPdf: {
    method: 'GET',
    path: '/admin/jobs/:job_id/client.pdf',
    access: 'admin',
    summary: "The client's version of every plan a job produced, as one PDF; refused while any is blocked.",
    params: JobParamsSchema,
    query: ClientPdfQuerySchema,
    response: PdfBytesSchema,
    binary: 'application/pdf',
    success: [200],
    errors: ['job_not_found', 'plan_not_found', 'plan_blocked', 'plan_not_approved'],
  },
  retryJob: {
    method: 'POST',
    path: '/admin/jobs/:job_id/retry',
    access: 'admin',
    summary: 'Runs a failed job again from its checkpoints.',
    params: JobParamsSchema,
    body: EmptyBodySchema,
    response: RetryJobResponseSchema,
    success: [200],
    errors: ['job_not_found', 'job_not_retryable'],
  },

  // --- Admin: clients, questionnaires, plans --------------------------------------------------
  listUsers: {
    method: 'GET',
    path: '/admin/users',
    access: 'admin',
    summary: 'Clients, with search and archived ones on request.',
    query: UserListQuerySchema,
    response: UserListResponseSchema,
    success: [200],
    errors: [],
  },
  createUser: {
    method: 'POST',
    path: '/admin/users',
    access: 'admin',
    summary: 'Creates a client.',
    body: CreateUserBodySchema,
    response: UserResponseSchema,
    success: [201],
    errors: ['user_exists', 'validation_error'],
  },
  getUser: {
    method: 'GET',
    path: '/admin/users/:user_id',
    access: 'admin',
    summary: 'One client.',
    params: UserParamsSchema,
    response: UserResponseSchema,
    success: [200],
    errors: ['user_not_found'],
  },
  updateUser: {
    method: 'PATCH',
    path: '/admin/users/:user_id',
    access: 'admin',
    summary: 'Changes a client (`{"archived": true}` archives it).',
    params: UserParamsSchema,
    body: UpdateUserBodySchema,
    response: UserResponseSchema,
    success: [200],
    errors: ['user_not_found', 'user_exists', 'validation_error'],
  },
  eraseUser: {
    method: 'POST',
    path: '/admin/users/:user_id/erase',
    access: 'admin',
    summary:
      "Erases a client and everything derived from them (questionnaires, plans and versions, jobs, checkpoints); body `{confirm}` = the client's name. Leaves an anonymous record.",
    params: UserParamsSchema,
    body: EraseClientConfirmSchema,
    response: EraseUserResponseSchema,
    success: [200],
    errors: ['user_not_found', 'validation_error', 'client_has_active_jobs'],
  },
  exportUserData: {
    method: 'GET',
    path: '/admin/users/:user_id/export',
    access: 'admin',
    summary:
      "One client's complete data as a zip: the client, every questionnaire, every plan with its versions, the jobs' history and the PDF of the current approved plans.",
    params: UserParamsSchema,
    response: ZipBytesSchema,
    binary: 'application/zip',
    success: [200],
    errors: ['user_not_found'],
  },
  listUserSubmissions: {
    method: 'GET',
    path: '/admin/users/:user_id/submissions',
    access: 'admin',
    summary: "A client's questionnaires, newest first.",
    params: UserParamsSchema,
    query: PageQuerySchema,
    response: UserSubmissionsResponseSchema,
    success: [200],
    errors: ['user_not_found'],
  },
  listUserPlans: {
    method: 'GET',
    path: '/admin/users/:user_id/plans',
    access: 'admin',
    summary: "A client's plans of both kinds (blocked ones too), the current ones and their summaries.",
    params: UserParamsSchema,
    query: PageQuerySchema,
    response: UserPlansResponseSchema,
    success: [200],
    errors: ['user_not_found'],
  },
  getSubmissionReading: {
    method: 'GET',
    path: '/admin/submissions/:submission_id/reading',
    access: 'admin',
    summary: 'What the app understood from a questionnaire, with the corrections made so far.',
    params: SubmissionReadingParamsSchema,
    response: SubmissionReadingSchema.extend({ success: z.literal(true) }),
    success: [200],
    errors: ['submission_not_found'],
  },
  correctSubmissionReading: {
    method: 'PUT',
    path: '/admin/submissions/:submission_id/reading',
    access: 'admin',
    summary: "The coach's corrections of that reading, used by the next job.",
    params: SubmissionReadingParamsSchema,
    body: CorrectReadingBodySchema,
    response: SubmissionReadingSchema.extend({ success: z.literal(true) }),
    success: [200],
    errors: ['submission_not_found', 'validation_error'],
  },
  getTrainingPlan: trainingPlan.get,
  exportTrainingPlan: trainingPlan.export,
  overrideTrainingPlan: trainingPlan.override,
  trainingPlanClientPdf: trainingPlan.clientPdf,
  getNutritionPlan: nutritionPlan.get,
  exportNutritionPlan: nutritionPlan.export,
  overrideNutritionPlan: nutritionPlan.override,
  nutritionPlanClientPdf: nutritionPlan.clientPdf,
  listTrainingPlanVersions: trainingVersions.versions,
  getTrainingPlanVersion: trainingVersions.version,
  compareTrainingPlanVersions: trainingVersions.diff,
  previewTrainingPlanEdits: trainingVersions.preview,
  saveTrainingPlanEdits: trainingVersions.save,
  restoreTrainingPlanVersion: trainingVersions.restore,
  approveTrainingPlan: trainingVersions.approve,
  regenerateTrainingPlan: trainingVersions.regenerate,
  listNutritionPlanVersions: nutritionVersions.versions,
  getNutritionPlanVersion: nutritionVersions.version,
  compareNutritionPlanVersions: nutritionVersions.diff,
  previewNutritionPlanEdits: nutritionVersions.preview,
  saveNutritionPlanEdits: nutritionVersions.save,
  restoreNutritionPlanVersion: nutritionVersions.restore,
  approveNutritionPlan: nutritionVersions.approve,
  regenerateNutritionPlan: nutritionVersions.regenerate,

  // --- Admin: catalog and worker --------------------------------------------------------------
  listExercises: {
    method: 'GET',
    path: '/admin/catalog/exercises',
    access: 'admin',
    summary: 'The exercise catalog, to name exercises by their ids.',
    query: CatalogQuerySchema,
    response: CatalogResponseSchema,
    success: [200],
    errors: [],
  },
  getWorker: {
    method: 'GET',
    path: '/admin/worker',
    access: 'admin',
    summary: "The worker process's state, the queue's counts and the running jobs per app instance.",
    response: WorkerResponseSchema,
    success: [200],
    errors: [],
  },
  restartWorker: {
    method: 'POST',
    path: '/admin/worker/restart',
    access: 'admin',
    summary: 'Restarts the worker process (its running jobs resume from their checkpoints).',
    body: EmptyBodySchema,
    response: WorkerResponseSchema,
    success: [200],
    errors: ['no_worker'],
  },
  // --- Admin: the database's care (backups, restore, moving to another database) -------------
  backupDatabase: {
    method: 'POST',
    path: '/admin/backup',
    access: 'admin',
    summary:
      'A backup of the whole database as a download (`X-Backup-Documents`: its documents); encrypted with `passphrase` when given.',
    body: BackupRequestBodySchema,
    response: BackupBytesSchema,
    binary: 'application/octet-stream',
    success: [200],
    errors: ['validation_error'],
  },
  backupStatus: {
    method: 'GET',
    path: '/admin/backups',
    access: 'admin',
    summary: 'The last backups (any instance on this database) and the automatic schedule.',
    response: BackupStatusResponseSchema,
    success: [200],
    errors: [],
  },
  previewRestore: {
    method: 'POST',
    path: '/admin/restore/preview',
    access: 'admin',
    summary:
      'Reads and checks a backup (body: the file, `application/octet-stream`; `X-Backup-Passphrase` if encrypted) against the database: what a restore would add, replace, keep or remove. Nothing is written.',
    upload: 'application/octet-stream',
    progress: 'ndjson',
    response: RestorePreviewResponseSchema,
    success: [200],
    errors: [...UPLOAD_ERRORS],
  },
  restoreBackup: {
    method: 'POST',
    path: '/admin/restore',
    access: 'admin',
    summary:
      'Restores a backup (body: the file) under `rule` (keep|replace|exact), with its settings when `settings=1`; refused while jobs are queued or running.',
    query: RestoreQuerySchema,
    upload: 'application/octet-stream',
    progress: 'ndjson',
    response: RestoreResponseSchema,
    success: [200],
    errors: [...UPLOAD_ERRORS, 'validation_error', 'database_has_active_jobs', 'restore_incomplete'],
  },
  moveDatabase: {
    method: 'POST',
    path: '/admin/database/move',
    access: 'admin',
    summary:
      "Copies every document to another database (a clinic's server, or back to the embedded one) and switches the setting; `dry_run` (the default) only previews. The desktop app reopens on the new database by itself; `restart_required` says when this host (`edn360 serve`) must be restarted, `env_overrides` when an environment variable keeps it on the old one.",
    body: MoveArgsSchema,
    progress: 'ndjson',
    response: MoveResponseSchema,
    success: [200],
    errors: [
      'validation_error',
      'move_target_invalid',
      'database_has_active_jobs',
      'backup_from_newer_version',
    ],
  },
} as const satisfies Record<string, HttpRouteSpec>;

export type HttpRoutes = typeof HTTP_ROUTES;
export type HttpRouteName = keyof HttpRoutes;

type SchemaOutput<S> = S extends z.ZodType ? z.output<S> : undefined;
type SchemaInput<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a handler receives: the parsed path parameters, query and body of its route. */
export interface RouteInput<K extends HttpRouteName> {
  params: SchemaOutput<HttpRoutes[K] extends { params: infer P } ? P : undefined>;
  query: SchemaOutput<HttpRoutes[K] extends { query: infer Q } ? Q : undefined>;
  body: SchemaOutput<HttpRoutes[K] extends { body: infer B } ? B : undefined>;
}

/** What a caller sends: each part as its schema accepts it (the client encodes the query). */
export type RouteRequest<K extends HttpRouteName> = {
  [
    Part in 'params' | 'query' | 'body' as HttpRoutes[K] extends Record<Part, z.ZodType> ? Part : never
  ]: SchemaInput<HttpRoutes[K][Part & keyof HttpRoutes[K]]>;
};

/** A route's success answer as handlers return it and the client decodes it (Dates, not strings). */
export type RouteResponse<K extends HttpRouteName> = z.output<HttpRoutes[K]['response']>;

/** The concrete path of a route: each `:name` replaced by its encoded parameter. */
export function routePath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`falta el parámetro de ruta ${name}`);
    return encodeURIComponent(String(value));
  });
}
