import { z } from 'zod';
import { ErasureRecordSchema } from './client-erasure';
import { CatalogExerciseSchema } from './exercise';
import { ExecutionLogEntrySchema, JOB_STATUSES, JOB_TYPES, PublicJobSchema } from './job';
import { JOB_EVENT_TYPES } from './job-events';
import {
  DeliveryOverrideSchema,
  OverrideCoachSchema,
  OverrideReasonSchema,
  PlanDeliverySchema,
} from './plan-delivery';
import { NutritionPlanDocumentSchema, TrainingPlanDocumentSchema } from './plans';
import { PlanReviewSchema } from './plan-versions';
import { LooseAnswerSchema, QuestionnaireSubmissionSchema } from './questionnaire';
import { NewUserInputSchema, UserSchema, UserUpdateSchema } from './user';
import { JobCountsSchema, WorkerStatusSchema } from './worker-status';
import { RunningByInstanceSchema } from './running-jobs';
import { DOMAIN_ERROR_CODES } from './domain-errors';
import { FieldErrorSchema, type FieldError } from './field-error';
import { IdSchema } from './ids';
import { pageOf, pageQueryShape } from './paging';
import { PlanSummarySchema } from './plan-summary';
import { PublicJobStatusSchema } from './job-status-view';

/*
 * The local HTTP API's contract (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI"): request schemas the server validates every input with,
 * and response schemas describing what clients receive. Responses travel as JSON, so every Date of
 * the stored documents is an ISO 8601 string here.
 *
 * Seed-compatible routes keep the original E.D.N.360 shapes: `POST /submit-nutrition-questionnaire`,
 * `POST /admin/users/{user_id}/plans/generate_async`, `GET /jobs/{job_id}` (the bare job document).
 */

/**
 * A date on the wire: ISO 8601 text in the JSON, a Date once decoded. So a response schema both
 * describes the bytes (`z.toJSONSchema`, tests) and hands the browser the same Dates IPC does, and a
 * handler returns its documents as they are (JSON.stringify writes a Date as this very text).
 */
export const IsoDate = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

// ---------------------------------------------------------------------------------------------
// Errors: every error response has this shape, with a Spanish message a person can act on.
// ---------------------------------------------------------------------------------------------

export const API_ERROR_CODES = [
  ...DOMAIN_ERROR_CODES,
  'invalid_request',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'forbidden_host',
  'forbidden',
  'not_found',
  'rate_limited',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** Dotted path (`responses.peso`, `body.type`, `query.limit`), code and message. */
export const ApiFieldErrorSchema = FieldErrorSchema;
export type ApiFieldError = FieldError;

export const ApiErrorResponseSchema = z.object({
  success: z.literal(false),
  error: ApiErrorCodeSchema,
  message: z.string(),
  errors: z.array(ApiFieldErrorSchema).optional(),
});
export type ApiErrorResponse = z.infer<typeof ApiErrorResponseSchema>;

// ---------------------------------------------------------------------------------------------
// JSON forms of the stored documents.
// ---------------------------------------------------------------------------------------------

export const PublicJobJsonSchema = PublicJobSchema.extend({
  created_at: IsoDate,
  started_at: IsoDate.nullable(),
  completed_at: IsoDate.nullable(),
  run_after: IsoDate,
  attempt_started_at: IsoDate.nullable(),
  updated_at: IsoDate,
  execution_log: z.array(ExecutionLogEntrySchema.extend({ at: IsoDate })),
});
export type PublicJobJson = z.infer<typeof PublicJobJsonSchema>;

/** The public view of a job (no admin token: `PublicJobStatusSchema`), its dates on the wire. */
export const PublicJobStatusJsonSchema = PublicJobStatusSchema.extend({
  created_at: IsoDate,
  started_at: IsoDate.nullable(),
  completed_at: IsoDate.nullable(),
  updated_at: IsoDate,
});
export type PublicJobStatusJson = z.infer<typeof PublicJobStatusJsonSchema>;

/**
 * A job as the public routes answer it: the whole document (without queue internals) with the
 * admin token, the public view without it. The whole document is tried first: the strict public
 * view never matches it.
 */
export const JobViewJsonSchema = z.union([PublicJobJsonSchema, PublicJobStatusJsonSchema]);

export const UserJsonSchema = UserSchema.extend({ created_at: IsoDate, updated_at: IsoDate });
export type UserJson = z.infer<typeof UserJsonSchema>;

export const PlanDeliveryJsonSchema = PlanDeliverySchema.extend({
  override: DeliveryOverrideSchema.extend({ at: IsoDate }).nullable(),
});

export const PlanReviewJsonSchema = PlanReviewSchema.extend({
  approved: PlanReviewSchema.shape.approved.unwrap().extend({ at: IsoDate }).nullable(),
  delivered: PlanReviewSchema.shape.delivered.unwrap().extend({ at: IsoDate }).nullable(),
});

/**
 * Plans keep every field their agents wrote; only the envelope is described here. `delivery` is
 * always present (derived from the audit for plans stored before it existed).
 */
export const PlanJsonSchema = z.looseObject({
  _id: z.string(),
  user_id: z.string(),
  job_id: z.string(),
  submission_id: z.string(),
  created_at: IsoDate,
  delivery: PlanDeliveryJsonSchema,
  review: PlanReviewJsonSchema.optional(),
});
export type PlanJson = z.infer<typeof PlanJsonSchema>;

/** A whole plan of each kind: the envelope's dates decoded, then checked as the document it is. */
function planDocumentJson<T extends z.ZodType>(document: T) {
  return z.preprocess((json) => {
    const envelope = PlanJsonSchema.safeParse(json);
    // A bad envelope is left as it came, for the document's schema to name what is wrong.
    return envelope.success ? envelope.data : json;
  }, document);
}
export const TrainingPlanJsonSchema = planDocumentJson(TrainingPlanDocumentSchema);
export const NutritionPlanJsonSchema = planDocumentJson(NutritionPlanDocumentSchema);

export const WorkerStatusJsonSchema = WorkerStatusSchema.extend({
  last_exit: WorkerStatusSchema.shape.last_exit.unwrap().extend({ at: IsoDate }).nullable(),
  next_restart_at: IsoDate.nullable(),
});
export type WorkerStatusJson = z.infer<typeof WorkerStatusJsonSchema>;

/** A list answer: `success` and one page (the page shape both doors share). */
function successPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ success: z.literal(true) });
}

// ---------------------------------------------------------------------------------------------
// Path parameters.
// ---------------------------------------------------------------------------------------------

export const JobParamsSchema = z.strictObject({ job_id: IdSchema });
export const UserParamsSchema = z.strictObject({ user_id: IdSchema });
export const PlanParamsSchema = z.strictObject({ plan_id: IdSchema });

// ---------------------------------------------------------------------------------------------
// POST /submit-nutrition-questionnaire
// ---------------------------------------------------------------------------------------------

/**
 * Limits of a questionnaire sent to the public route (issue #17 point 6), far above any real one
 * (the original's form has about a hundred answers, the longest a few paragraphs): how many answers,
 * how long a field name or a text, how many items in a list, how deep the nesting.
 */
export const SUBMISSION_LIMITS = {
  fields: 300,
  fieldNameLength: 100,
  textLength: 5_000,
  listItems: 100,
  depth: 4,
} as const;

function checkSubmissionValue(
  value: unknown,
  path: (string | number)[],
  depth: number,
  issues: { path: (string | number)[]; message: string }[],
): void {
  if (issues.length >= 10) return;
  const L = SUBMISSION_LIMITS;
  if (typeof value === 'string') {
    if (value.length > L.textLength)
      issues.push({
        path,
        message: `texto demasiado largo: máximo ${L.textLength} caracteres (recibidos ${value.length})`,
      });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > L.depth) {
    issues.push({ path, message: `demasiados niveles anidados: máximo ${L.depth}` });
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > L.listItems) {
      issues.push({
        path,
        message: `lista demasiado larga: máximo ${L.listItems} elementos (recibidos ${value.length})`,
      });
      return;
    }
    value.forEach((item, index) => checkSubmissionValue(item, [...path, index], depth + 1, issues));
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > L.fields) {
    issues.push({ path, message: `demasiados campos: máximo ${L.fields} (recibidos ${keys.length})` });
    return;
  }
  for (const key of keys) {
    if (key.length > L.fieldNameLength) {
      issues.push({
        path: [...path, key.slice(0, 40)],
        message: `nombre de campo demasiado largo: máximo ${L.fieldNameLength} caracteres (recibidos ${key.length})`,
      });
      continue;
    }
    checkSubmissionValue((value as Record<string, unknown>)[key], [...path, key], depth + 1, issues);
  }
}

/**
 * Only the envelope and the size limits (`SUBMISSION_LIMITS`) are checked here (no unknown
 * top-level keys): the values go to the shared questionnaire validator, which names every bad field
 * with the original system's messages.
 */
export const SubmitQuestionnaireBodySchema = z.strictObject({
  user_id: z.unknown(),
  responses: z.unknown().superRefine((responses, ctx) => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    checkSubmissionValue(responses, [], 1, issues);
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }),
});

export const SubmitQuestionnaireResponseSchema = z.object({
  success: z.literal(true),
  submission_id: z.string(),
  user_id: z.string(),
  /** True when this questionnaire introduced a client the system did not know. */
  user_created: z.boolean(),
  /**
   * Optional answers stored as sent but not in the typed form this app reads (kept as text, only
   * partly understood, or implausible — e.g. 30 h of sleep): for the coach to review. An addition
   * to the original's answer; its clients ignore it.
   */
  loose_answers: z.array(LooseAnswerSchema).default([]),
  /** The submission as stored (an addition, so a client needs no second request; others ignore it). */
  submission: z.lazy(() => SubmissionJsonSchema),
});
export type SubmitQuestionnaireResponse = z.infer<typeof SubmitQuestionnaireResponseSchema>;

// ---------------------------------------------------------------------------------------------
// POST /admin/users/{user_id}/plans/generate_async
// ---------------------------------------------------------------------------------------------

export const GenerateAsyncBodySchema = z.strictObject({
  type: z.enum(JOB_TYPES, { error: 'type debe ser "training", "nutrition" o "full"' }),
  submission_id: IdSchema,
  previous_training_plan_id: IdSchema.nullable().optional(),
});
export type GenerateAsyncBody = z.infer<typeof GenerateAsyncBodySchema>;

export const GenerateAsyncResponseSchema = z.object({
  success: z.literal(true),
  job_id: z.string(),
  message: z.string(),
});
export type GenerateAsyncResponse = z.infer<typeof GenerateAsyncResponseSchema>;

export function generateAsyncMessage(jobId: string): string {
  return `Job de generación creado. Consulta el estado en /jobs/${jobId}`;
}

// ---------------------------------------------------------------------------------------------
// Jobs: GET /jobs/{id} (bare document), SSE, admin list / cancel / retry.
// ---------------------------------------------------------------------------------------------

/**
 * `GET /jobs/{job_id}`: with the admin token, the job document itself, as the original answered it;
 * without it, the public view (state and progress only).
 */
export const GetJobResponseSchema = JobViewJsonSchema;

/**
 * `data:` of every `GET /jobs/{id}/events` message; `snapshot` is the state when the stream opened.
 * `job` is the whole document with the admin token, the public view without it (as `GET /jobs/{id}`).
 */
export const SSE_EVENT_TYPES = ['snapshot', ...JOB_EVENT_TYPES] as const;
export const JobStreamEventSchema = z.object({
  type: z.enum(SSE_EVENT_TYPES),
  job_id: z.string(),
  at: IsoDate,
  job: JobViewJsonSchema,
});
export type JobStreamEvent = z.infer<typeof JobStreamEventSchema>;

export const EstimateQuerySchema = z.strictObject({
  type: z.enum(JOB_TYPES, { error: 'type debe ser "training", "nutrition" o "full"' }),
});

export const JobListQuerySchema = z.strictObject({
  status: z.enum(JOB_STATUSES).optional(),
  user_id: IdSchema.optional(),
  type: z.enum(JOB_TYPES).optional(),
  /**
   * Jobs changed at or after this instant (ISO 8601), oldest change first: how a browser follows
   * every job's state — with the server's own clock, whatever the page holds.
   */
  updated_since: z.iso
    .datetime({
      offset: true,
      error: 'updated_since debe ser una fecha ISO 8601 (p. ej. 2026-11-28T10:00:00Z)',
    })
    .transform((value) => new Date(value))
    .optional(),
  ...pageQueryShape,
});
export type JobListQuery = z.infer<typeof JobListQuerySchema>;
export const JobListResponseSchema = successPageOf(PublicJobJsonSchema);

/** Cancel and retry take no parameters; an empty JSON object is accepted for clients that always send one. */
export const EmptyBodySchema = z.strictObject({}).optional();

export const CancelJobResponseSchema = z.object({
  success: z.literal(true),
  /** `cancelled`: it was pending and is now failed/cancelled; `cancel_requested`: its worker stops it. */
  outcome: z.enum(['cancelled', 'cancel_requested']),
  job: PublicJobJsonSchema,
});
export const RetryJobResponseSchema = z.object({ success: z.literal(true), job: PublicJobJsonSchema });

// ---------------------------------------------------------------------------------------------
// Users and plans.
// ---------------------------------------------------------------------------------------------

export const UserListQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  include_archived: z
    .enum(['true', 'false'], { error: 'include_archived debe ser "true" o "false"' })
    .transform((value) => value === 'true')
    .optional(),
  ...pageQueryShape,
});
export const UserListResponseSchema = successPageOf(UserJsonSchema);
export const CreateUserBodySchema = NewUserInputSchema;
/** The changes; "at least one" is the use case's rule (application/clients.ts), for both doors. */
export const UpdateUserBodySchema = UserUpdateSchema;
export const UserResponseSchema = z.object({ success: z.literal(true), user: UserJsonSchema });

/** `POST /admin/users/{id}/erase`: the anonymous record the erasure left (src/shared/client-erasure.ts). */
export const EraseUserResponseSchema = z.object({
  success: z.literal(true),
  erasure: ErasureRecordSchema.extend({ erased_at: IsoDate }),
});

export const PageQuerySchema = z.strictObject(pageQueryShape);

/** A stored questionnaire: the answers as entered (the original's loose format), its date on the wire. */
export const SubmissionJsonSchema = QuestionnaireSubmissionSchema.extend({ submitted_at: IsoDate });
export type SubmissionJson = z.infer<typeof SubmissionJsonSchema>;
export const UserSubmissionsResponseSchema = successPageOf(SubmissionJsonSchema);
const PlanPageSchema = pageOf(PlanJsonSchema);
/** A plan in a list, as both doors summarise it (`PlanSummarySchema`), its date on the wire. */
export const PlanSummaryJsonSchema = PlanSummarySchema.extend({
  created_at: IsoDate,
  delivered_at: IsoDate.nullable().default(null),
});
const PlanSummaryPageSchema = pageOf(PlanSummaryJsonSchema);
export const UserPlansResponseSchema = z.object({
  success: z.literal(true),
  training_plans: PlanPageSchema,
  nutrition_plans: PlanPageSchema,
  /** The client's current plans: the newest deliverable of each kind (the pages list blocked ones too). */
  current_training_plan_id: z.string().nullable(),
  current_nutrition_plan_id: z.string().nullable(),
  /**
   * The same list as summaries, exactly what IPC `listPlans` answers (dates as ISO strings): what a
   * table needs, built once on the server. An addition; the original's clients ignore it.
   */
  summaries: z.object({
    training: PlanSummaryPageSchema,
    nutrition: PlanSummaryPageSchema,
    current_training_plan_id: z.string().nullable(),
    current_nutrition_plan_id: z.string().nullable(),
  }),
});
export const PlanResponseSchema = z.object({ success: z.literal(true), plan: PlanJsonSchema });

/**
 * `POST /admin/{training,nutrition}-plans/{id}/override`: the coach delivers a blocked plan anyway,
 * with a written reason (recorded with the time, shown on the plan and its PDF). Answers the plan.
 */
export const OverridePlanBodySchema = z.strictObject({
  reason: OverrideReasonSchema,
  /** Who approves; the record says "API local" when omitted. */
  coach: OverrideCoachSchema.optional(),
});
export type OverridePlanBody = z.infer<typeof OverridePlanBodySchema>;

// ---------------------------------------------------------------------------------------------
// Exercise catalog (read-only).
// ---------------------------------------------------------------------------------------------

export const CatalogQuerySchema = z.strictObject({});
export const CatalogResponseSchema = z.object({
  success: z.literal(true),
  total: z.number().int().min(0),
  items: z.array(CatalogExerciseSchema),
});

// ---------------------------------------------------------------------------------------------
// Worker and health.
// ---------------------------------------------------------------------------------------------

export const WorkerResponseSchema = z.object({
  success: z.literal(true),
  /** null: this instance runs no worker (a UI-only instance on a clinic database). */
  worker: WorkerStatusJsonSchema.nullable(),
  /** Jobs per status (the same counts IPC `getWorkerStatus` answers). */
  jobs: JobCountsSchema,
  /** Running jobs per app instance and overall, pending overall, and this instance's name. */
  running: RunningByInstanceSchema,
});

export const LlmHealthSchema = z.object({
  /** `not_configured`: no endpoint and no key, so nothing a job could call. */
  status: z.enum(['reachable', 'unreachable', 'not_configured']),
  endpoint: z.enum(['default', 'custom']),
  api_key_configured: z.boolean(),
  latency_ms: z.number().nullable(),
  error: z.string().nullable(),
});
export type LlmHealth = z.infer<typeof LlmHealthSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    ok: z.boolean(),
    mode: z.enum(['configured', 'embedded']),
    latency_ms: z.number().nullable(),
    error: z.string().nullable(),
  }),
  worker: WorkerStatusJsonSchema.nullable(),
  llm: LlmHealthSchema,
  /** This instance's name, as the jobs it runs show it (`running_on`). */
  instance: z.string(),
  /**
   * Where queue times come from (docs/ARCHITECTURE.md "Time and leases"): the server's clock
   * (`offset_ms` = server minus this machine) or, on a server that gives none, this machine's.
   */
  clock: z.object({
    source: z.enum(['server', 'local']),
    offset_ms: z.number(),
    uncertainty_ms: z.number(),
    synced_at: IsoDate.nullable(),
  }),
  /** How jobs run by other instances reach this one (docs/ARCHITECTURE.md "One job watcher"). */
  job_watch: z.enum(['change_stream', 'poll']),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** `GET /health` without the admin token: up or down only (503 while the database is unreachable). */
export const PublicHealthResponseSchema = z.strictObject({ status: z.enum(['ok', 'degraded']) });
export type PublicHealthResponse = z.infer<typeof PublicHealthResponseSchema>;

/** `GET /health`: the details with the admin token, only the state without it. */
export const HealthAnswerSchema = z.union([HealthResponseSchema, PublicHealthResponseSchema]);
