import type { Collection, Filter, Sort } from 'mongodb';
import { toPublicJob, type GenerationJob, type JobStatus, type JobType, type PublicJob } from '@shared/job';
import { stamped } from '../schema/schema-version';
import { pageOf, type Page, type PageRequest } from './paging';

export interface JobListFilter extends PageRequest {
  status?: JobStatus;
  user_id?: string;
  type?: JobType;
  /** Changed at or after this instant; then the oldest change comes first (for followers). */
  updated_since?: Date;
}

/**
 * Reads and inserts of job documents. A new job's document (`buildPendingJob`) and every state
 * transition (claim, lease, complete, fail…) live in `src/main/queue/`, where each is a single
 * conditional update.
 */
export class JobsRepository {
  constructor(readonly collection: Collection<GenerationJob>) {}

  async insert(job: GenerationJob): Promise<void> {
    await this.collection.insertOne(stamped(job));
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

  /** Running jobs per lease owner (one group per worker process; null: a running job without a lease). */
  async runningPerOwner(): Promise<Array<{ owner: string | null; running: number }>> {
    const rows = await this.collection
      .aggregate<{ _id: string | null; n: number }>([
        { $match: { status: 'running' } },
        // One field: the test server groups on a single key only.
        { $group: { _id: '$lease.owner', n: { $sum: 1 } } },
      ])
      .toArray();
    return rows.map((row) => ({ owner: row._id ?? null, running: row.n }));
  }

  async countWithStatus(status: JobStatus): Promise<number> {
    return this.collection.countDocuments({ status });
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
