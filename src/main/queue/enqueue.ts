import {
  emptyTokenUsage,
  GenerationJobSchema,
  TOTAL_STEPS_BY_TYPE,
  type GenerationJob,
  type JobType,
} from '@shared/job';
import type { JobRegeneration } from '@shared/plan-regeneration';
import { newId } from '../db/ids';
import { stamped } from '../db/schema/schema-version';
import type { JobCollection } from './job-update';

export interface NewJobInput {
  user_id: string;
  submission_id: string;
  type: JobType;
  previous_training_plan_id?: string | null;
  max_attempts?: number;
  /** A regeneration of part of an existing plan (src/shared/plan-regeneration.ts). */
  regeneration?: JobRegeneration;
  /** Agents the job will run, when not the whole chain of its type (a regeneration). */
  total_steps?: number;
  /** The job's time limit per attempt, fixed now so every instance applies the same one. */
  timeout_ms?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * A brand-new `pending` job in the original's document shape, ready to insert. The queue owns it:
 * it is the first state of the job's life cycle, whose every later state the queue also writes.
 */
export function buildPendingJob(input: NewJobInput, now = new Date()): GenerationJob {
  return GenerationJobSchema.parse({
    _id: newId(),
    user_id: input.user_id,
    submission_id: input.submission_id,
    previous_training_plan_id: input.previous_training_plan_id ?? null,
    type: input.type,
    status: 'pending',
    progress: {
      phase: 'queued',
      current_agent: null,
      running_agents: [],
      completed_steps: 0,
      total_steps: input.total_steps ?? TOTAL_STEPS_BY_TYPE[input.type],
      percentage: 0,
      message: 'En cola',
    },
    result: { training_plan_id: null, nutrition_plan_id: null },
    error_message: null,
    error_reason: null,
    token_usage: emptyTokenUsage(),
    cost_usd: 0,
    ...(input.regeneration ? { regeneration: input.regeneration } : {}),
    ...(input.timeout_ms ? { timeout_ms: input.timeout_ms } : {}),
    created_at: now,
    started_at: null,
    completed_at: null,
    execution_log: [{ at: now, event: 'created', message: 'Job creado' }],
    attempts: 0,
    max_attempts: input.max_attempts ?? DEFAULT_MAX_ATTEMPTS,
    run_after: now,
    lease: null,
    attempt_started_at: null,
    waiting_reason: null,
    offline_waits: 0,
    cancel_requested: false,
    updated_at: now,
    rev: 0,
  });
}

/** One insert, nothing else: callers nudge the worker and publish the event themselves. */
export async function enqueue(
  jobs: JobCollection,
  input: NewJobInput,
  now = new Date(),
): Promise<GenerationJob> {
  const job = buildPendingJob(input, now);
  await jobs.insertOne(stamped(job));
  return job;
}
