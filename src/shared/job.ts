import { z } from 'zod';
import { SchemaVersionFieldSchema } from './schema-version';
import { FieldErrorSchema, type FieldError } from './field-error';
import { JobRegenerationSchema } from './plan-regeneration';

/**
 * The generation job (collection `generation_jobs`). Field names and value shapes are the original
 * E.D.N.360 system's, because `GET /jobs/{id}` clients depend on them (docs/ARCHITECTURE.md "The job
 * document"). Additions are
 * allowed; removals and renames are not.
 */

export const JOB_TYPES = ['training', 'nutrition', 'full'] as const;
export const JobTypeSchema = z.enum(JOB_TYPES);
export type JobType = z.infer<typeof JobTypeSchema>;

export const JOB_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** Why a job failed or is waiting. Errors are values with a reason that reaches the UI intact. */
export const ERROR_REASONS = [
  'validation_error',
  'screening_required',
  'timeout',
  'cancelled',
  'llm_unavailable',
  'llm_error',
  'invalid_output',
  'audit_blocked',
  'worker_lost',
  'internal_error',
] as const;
export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

/**
 * Failures the server refuses to retry: the plans' ids derive from the job id, so a retry would
 * only find the same blocked plans again. The coach generates a new job (or approves the plan).
 */
export const UNRETRYABLE_REASONS = ['audit_blocked'] as const satisfies readonly ErrorReason[];

export const WAITING_REASONS = ['offline', 'backoff'] as const;
export const WaitingReasonSchema = z.enum(WAITING_REASONS);

export const JobProgressSchema = z.object({
  phase: z.string(),
  /** The agents running now, joined ("E7, N3"): the original API's field, several at once in the DAG. */
  current_agent: z.string().nullable(),
  /** The same agents as a list (jobs written before it existed have none). */
  running_agents: z.array(z.string()).default([]),
  completed_steps: z.number().int().min(0),
  total_steps: z.number().int().min(0),
  /** 0–100, one decimal: 5 of 9 steps → 55.6. */
  percentage: z.number().min(0).max(100),
  message: z.string(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const AgentTokenUsageSchema = z.object({
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  total_tokens: z.number().int().min(0),
  /** Of the prompt tokens, those the provider served from its prompt cache (cheaper); absent = 0. */
  cached_tokens: z.number().int().min(0).optional(),
  /**
   * Of the completion tokens, those a reasoning model spent thinking: paid, never streamed as the
   * answer (so not part of an answer's expected length, pipeline/expected-lengths.ts); absent = 0.
   */
  reasoning_tokens: z.number().int().min(0).optional(),
});
export type AgentTokenUsage = z.infer<typeof AgentTokenUsageSchema>;

export const TokenUsageSchema = z.object({
  total_tokens: z.number().int().min(0),
  total_prompt_tokens: z.number().int().min(0),
  total_completion_tokens: z.number().int().min(0),
  /** Prompt tokens served from the provider's cache (docs/ARCHITECTURE.md "Prompt caching"); absent = 0. */
  total_cached_tokens: z.number().int().min(0).optional(),
  by_agent: z.record(z.string(), AgentTokenUsageSchema),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

export const ExecutionLogEntrySchema = z.object({
  at: z.date(),
  event: z.string(),
  agent_id: z.string().optional(),
  message: z.string(),
});
export type ExecutionLogEntry = z.infer<typeof ExecutionLogEntrySchema>;

/** Oldest entries are dropped past this many, so a job retried for hours cannot grow without bound. */
export const EXECUTION_LOG_LIMIT = 200;

/**
 * The plans the job produced. Set when it completes, and also when it fails with `audit_blocked`:
 * those plans are saved for the coach's review (not delivered), and these ids open them.
 */
export const JobResultSchema = z.object({
  training_plan_id: z.string().nullable(),
  nutrition_plan_id: z.string().nullable(),
});

/**
 * Who runs the job and until when. `token` is new on every claim: it fences every later write, so a
 * worker that lost the lease (paused laptop, killed process) cannot overwrite the new owner's work.
 */
export const JobLeaseSchema = z.object({
  owner: z.string(),
  token: z.string(),
  /**
   * In the database server's time when the server tells it (docs/ARCHITECTURE.md "Time and
   * leases"); every heartbeat moves it strictly forward, so "unchanged" means "no heartbeat".
   */
  expires_at: z.date(),
  /**
   * How long the owner has been running this attempt, by its own monotonic clock, as of its last
   * heartbeat: the watchdog reads it without comparing two machines' clocks. Absent on leases
   * written before it existed.
   */
  run_ms: z.number().min(0).optional(),
  /**
   * True when the claimer stamped `attempt_started_at` and `expires_at` with the database server's
   * clock: only then may another instance compare them with its own server-clock time.
   */
  server_time: z.boolean().optional(),
});
export type JobLease = z.infer<typeof JobLeaseSchema>;

export const GenerationJobSchema = z.object({
  _id: z.string().min(1),
  user_id: z.string().min(1),
  submission_id: z.string().min(1),
  previous_training_plan_id: z.string().nullable(),
  type: JobTypeSchema,
  status: JobStatusSchema,
  progress: JobProgressSchema,
  result: JobResultSchema,
  error_message: z.string().nullable(),
  error_reason: ErrorReasonSchema.nullable(),
  /**
   * The failure's detail per field, for `validation_error` (one entry per questionnaire problem,
   * `field` = `responses.peso`…), `screening_required` and `audit_blocked` (one per blocking check,
   * `field` = its id; for `audit_blocked`, `code` = the plan kind, `training` or `nutrition`). `error_message` keeps the original system's text with the same detail for its clients.
   * Empty for other failures and while the job is not failed. Documents written before this field
   * parse as [].
   */
  error_fields: z.array(FieldErrorSchema).default([]),
  token_usage: TokenUsageSchema,
  /**
   * USD of the agents whose model has a price. A number, as the original system's clients expect;
   * when `unpriced_models` is not empty it leaves those agents out, so read the cost through
   * `knownJobCost` (null = unknown), never as the plan's cost.
   */
  cost_usd: z.number().min(0),
  /**
   * Models that ran for this job but are missing from the price table (Ajustes → precios): their
   * agents' cost is unknown. Documents written before this field parse as [].
   */
  unpriced_models: z.array(z.string()).default([]),
  /**
   * Set on a job that regenerates part of an existing plan (issue #16 point 5,
   * src/shared/plan-regeneration.ts): which plan, on top of which version, what to redo and the
   * coach's note. Its `result` names that same plan, which gets a new version. Absent on ordinary
   * generation jobs (and on every document written before it existed).
   */
  regeneration: JobRegenerationSchema.optional(),
  created_at: z.date(),
  started_at: z.date().nullable(),
  completed_at: z.date().nullable(),
  execution_log: z.array(ExecutionLogEntrySchema).max(EXECUTION_LOG_LIMIT),
  // Queue fields (docs/ARCHITECTURE.md "Data in MongoDB"). `lease` is internal and never leaves the host.
  attempts: z.number().int().min(0),
  max_attempts: z.number().int().min(1),
  run_after: z.date(),
  lease: JobLeaseSchema.nullable(),
  /** When the current attempt was claimed (database time when the server gives it). */
  attempt_started_at: z.date().nullable(),
  /**
   * The job's time limit per attempt, fixed when it was created, so every instance of a clinic
   * applies the same limit whatever its own setting. Absent on jobs created before it existed
   * (the instance's setting applies).
   */
  timeout_ms: z.number().int().positive().optional(),
  waiting_reason: WaitingReasonSchema.nullable(),
  /** Consecutive offline waits; grows the wait, reset when the endpoint answers. */
  offline_waits: z.number().int().min(0),
  cancel_requested: z.boolean(),
  updated_at: z.date(),
  /** Revision for compare-and-set updates (docs/ARCHITECTURE.md "Processes": the test server lacks atomic findOneAndUpdate). */
  rev: z.number().int().min(0),
  schema_version: SchemaVersionFieldSchema,
});
export type GenerationJob = z.infer<typeof GenerationJobSchema>;

/** What `GET /jobs/{id}` and the UI see: the job without queue internals. */
export const PublicJobSchema = GenerationJobSchema.omit({
  lease: true,
  rev: true,
  schema_version: true,
}).extend({
  /**
   * The app instance whose worker runs the job now (its machine's name, `instanceOfOwner`), for a
   * clinic's screens; null when nobody does. The lease itself (token, deadline) stays on the host.
   */
  running_on: z.string().nullable().default(null),
});
export type PublicJob = z.infer<typeof PublicJobSchema>;

/**
 * A lease owner is `<instance>:<pid>:<random>` (worker-entry.ts); the instance is the machine's name
 * or the `EDN_INSTANCE_NAME` its admin gave it.
 */
export function instanceOfOwner(owner: string): string {
  const cut = owner.indexOf(':');
  return cut > 0 ? owner.slice(0, cut) : owner;
}

export function toPublicJob(job: GenerationJob): PublicJob {
  // Destructure rather than delete so the type system proves `lease` is gone.
  const { lease, rev: _rev, schema_version: _version, ...rest } = job;
  return {
    ...rest,
    running_on: job.status === 'running' && lease ? instanceOfOwner(lease.owner) : null,
    unpriced_models: unpricedModelsOf(job),
    error_fields: errorFieldsOf(job),
  };
}

/**
 * The failure's per-field detail; a document stored before the field existed has none. Migration
 * 1→2 backfills it; the default stays for documents an older app still writes (docs/ARCHITECTURE.md "Schema versions and migrations").
 */
export function errorFieldsOf(job: { error_fields?: readonly FieldError[] | undefined }): FieldError[] {
  return (job.error_fields ?? []).map((error) => ({ ...error }));
}

/** The job's unpriced models; none when absent (backfilled by migration 1→2, as `errorFieldsOf`). */
export function unpricedModelsOf(job: { unpriced_models?: readonly string[] | undefined }): string[] {
  return [...(job.unpriced_models ?? [])];
}

/** The job's cost in USD, or null when some agent ran on a model with no price (unknown, not 0). */
export function knownJobCost(job: {
  cost_usd: number;
  unpriced_models?: readonly string[] | undefined;
}): number | null {
  return unpricedModelsOf(job).length > 0 ? null : job.cost_usd;
}

export const TOTAL_STEPS_BY_TYPE: Record<JobType, number> = { training: 9, nutrition: 9, full: 18 };

/** Percentage to one decimal, as the original reports it (5/9 → 55.6). */
export function progressPercentage(completed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((completed / total) * 1000) / 10;
}

export function emptyTokenUsage(): TokenUsage {
  return { total_tokens: 0, total_prompt_tokens: 0, total_completion_tokens: 0, by_agent: {} };
}
