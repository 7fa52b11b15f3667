import type { Collection, Filter, Sort } from 'mongodb';
import {
  emptyTokenUsage,
  GenerationJobSchema,
  TOTAL_STEPS_BY_TYPE,
  toPublicJob,
  type GenerationJob,
  type JobStatus,
  type JobType,
  type PublicJob,
} from '@shared/job';
import { newId } from '../ids';
import { pageOf, type Page, type PageRequest } from './paging';

export interface NewJobInput {
  user_id: string;
  submission_id: string;
  type: JobType;
  previous_training_plan_id?: string | null;
  max_attempts?: number;
}

export interface JobListFilter extends PageRequest {
  status?: JobStatus;
  user_id?: string;
  type?: JobType;
  /** Changed at or after this instant; then the oldest change comes first (for followers). */
  updated_since?: Date;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/** A brand-new `pending` job in the original's document shape, ready to insert. */
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
      completed_steps: 0,
      total_steps: TOTAL_STEPS_BY_TYPE[input.type],
      percentage: 0,
      message: 'En cola',
    },
    result: { training_plan_id: null, nutrition_plan_id: null },
    error_message: null,
    error_reason: null,
    token_usage: emptyTokenUsage(),
    cost_usd: 0,
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

/**
 * Reads and inserts of job documents. State transitions (claim, lease, complete, fail…) live in
 * `src/main/queue/`, where each is a single conditional update.
 */
export class JobsRepository {
  constructor(readonly collection: Collection<GenerationJob>) {}

  async insert(job: GenerationJob): Promise<void> {
    await this.collection.insertOne(job);
  }

  async get(id: string): Promise<GenerationJob | null> {
    return this.collection.findOne({ _id: id });
  }

  async getPublic(id: string): Promise<PublicJob | null> {
    const job = await this.get(id);
    return job ? toPublicJob(job) : null;
  }

  async list(filter: JobListFilter = {}): Promise<Page<PublicJob>> {
    const query: Filter<GenerationJob> = {};
    if (filter.status) query.status = filter.status;
    if (filter.user_id) query.user_id = filter.user_id;
    if (filter.type) query.type = filter.type;
    if (filter.updated_since) query.updated_at = { $gte: filter.updated_since };
    const order: Sort = filter.updated_since ? { updated_at: 1, _id: 1 } : { created_at: -1 };
    const page = await pageOf(this.collection, query, order, filter);
    return { ...page, items: page.items.map(toPublicJob) };
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const counts: Record<JobStatus, number> = { pending: 0, running: 0, completed: 0, failed: 0 };
    const rows = await this.collection
      .aggregate<{ _id: JobStatus; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    for (const row of rows) counts[row._id] = row.n;
    return counts;
  }
}
