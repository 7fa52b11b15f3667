import type { Collection } from 'mongodb';
import type { ZodType } from 'zod';
import { isDuplicateKeyError } from './duplicate-key';
import { pageOf, type Page, type PageRequest } from './paging';

interface PlanShape {
  _id: string;
  user_id: string;
  job_id: string;
  created_at: Date;
}

/**
 * Finished plans. The id is derived from the job id, so a retried or resumed job that saves again
 * gets the plan that already exists instead of a second one.
 */
export class PlansRepository<T extends PlanShape> {
  // The driver's Filter<T> cannot be resolved for a generic T; queries only touch PlanShape's fields,
  // and every document in the collection was validated against `schema` when it was written.
  private readonly plans: Collection<PlanShape>;

  constructor(
    plans: Collection<T>,
    private readonly schema: ZodType<T>,
  ) {
    this.plans = plans as unknown as Collection<PlanShape>;
  }

  async saveOnce(plan: T): Promise<{ plan: T; created: boolean }> {
    const valid = this.schema.parse(plan);
    try {
      await this.plans.insertOne(valid);
      return { plan: valid, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.get(valid._id);
      if (!existing) throw error;
      return { plan: existing, created: false };
    }
  }

  async get(id: string): Promise<T | null> {
    return (await this.plans.findOne({ _id: id })) as T | null;
  }

  async listForUser(userId: string, page: PageRequest = {}): Promise<Page<T>> {
    return (await pageOf(this.plans, { user_id: userId }, { created_at: -1 }, page)) as Page<T>;
  }

  async latestForUser(userId: string): Promise<T | null> {
    const [latest] = await this.plans.find({ user_id: userId }).sort({ created_at: -1 }).limit(1).toArray();
    return (latest as T | undefined) ?? null;
  }
}
