import type { Collection } from 'mongodb';
import type { ZodType } from 'zod';
import { isDeliverable, type PlanDelivery } from '@shared/plan-delivery';
import type { PlanReview } from '@shared/plan-versions';
import { stamped, unstamped } from '../schema/schema-version';
import { isDuplicateKeyError } from './duplicate-key';
import { pageOf, type Page, type PageRequest } from './paging';

interface PlanShape {
  _id: string;
  user_id: string;
  job_id: string;
  created_at: Date;
  delivery?: PlanDelivery | undefined;
  version?: number | undefined;
  review?: PlanReview | undefined;
}

/**
 * Matches the plan while it is at `version` (documents stored before versions are at 1: migration
 * 1→2 writes it, and this still matches an older app's plans;
 * docs/ARCHITECTURE.md "Schema versions and migrations").
 */
function atVersion(version: number): Record<string, unknown> {
  return version === 1 ? { $or: [{ version: 1 }, { version: { $exists: false } }] } : { version };
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
    /** `deliveryOf` for this kind: the stored state, or the one its audit implies for old documents. */
    private readonly deliveryOf: (plan: T) => PlanDelivery,
  ) {
    this.plans = plans as unknown as Collection<PlanShape>;
  }

  async saveOnce(plan: T): Promise<{ plan: T; created: boolean }> {
    const valid = this.schema.parse(plan);
    try {
      await this.plans.insertOne(stamped(valid));
      return { plan: valid, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.get(valid._id);
      if (!existing) throw error;
      return { plan: existing, created: false };
    }
  }

  /**
   * Removes the plan a job created (`id` is derived from that job) while nobody has touched it:
   * still its first version and never reviewed. True when it was removed.
   */
  async removeUntouchedOfJob(id: string, jobId: string): Promise<boolean> {
    const result = await this.plans.deleteOne({
      _id: id,
      job_id: jobId,
      ...atVersion(1),
      review: { $exists: false },
    });
    return result.deletedCount === 1;
  }

  async get(id: string): Promise<T | null> {
    return unstamped(await this.plans.findOne({ _id: id })) as T | null;
  }

  async listForUser(userId: string, page: PageRequest = {}): Promise<Page<T>> {
    return (await pageOf(this.plans, { user_id: userId }, { created_at: -1 }, page)) as Page<T>;
  }

  /**
   * The client's newest plan that may be delivered (not blocked by its audit, or approved by the
   * coach). Judged in code with `deliveryOf`, so documents stored before `delivery` existed follow
   * the same rule; a client has few plans, and blocked ones are rare, so the scan stops early.
   */
  async latestDeliverableForUser(userId: string): Promise<T | null> {
    const cursor = this.plans.find({ user_id: userId }).sort({ created_at: -1 });
    try {
      for await (const plan of cursor) {
        if (isDeliverable(this.deliveryOf(plan as T))) return unstamped(plan) as T;
      }
      return null;
    } finally {
      await cursor.close();
    }
  }

  /**
   * Writes the coach's approval despite the block. Conditional, so two approvals at once cannot
   * both be recorded: false when the plan is missing or was approved meanwhile.
   */
  async recordOverride(id: string, delivery: PlanDelivery): Promise<boolean> {
    const result = await this.plans.updateOne(
      { _id: id, 'delivery.status': { $ne: 'overridden' } },
      { $set: { delivery } },
    );
    return result.modifiedCount === 1;
  }

  /**
   * Gives a plan stored before review its empty review record, so later writes can set one part
   * of it (`review.state`, `review.approved`, `review.delivered`) without rewriting — and so
   * wiping — the parts another instance wrote since this one read the plan.
   */
  private async initReview(id: string): Promise<void> {
    const empty: PlanReview = { state: 'draft', approved: null, delivered: null };
    await this.plans.updateOne({ _id: id, review: { $exists: false } }, { $set: { review: empty } });
  }

  /**
   * Moves the plan from version `base` to `base + 1` with the given fields (the new content and its
   * delivery); the new version is a draft. Conditional on the plan still being at `base`: false
   * when another save moved it first (docs/ARCHITECTURE.md "Plan versions and review").
   */
  async advanceVersion(id: string, base: number, fields: Record<string, unknown>): Promise<boolean> {
    await this.initReview(id);
    const result = await this.plans.updateOne(
      { _id: id, ...atVersion(base) },
      { $set: { ...fields, version: base + 1, 'review.state': 'draft' } },
    );
    return result.modifiedCount === 1;
  }

  /** The coach's approval of `version` (and the delivery an override gives), while it is current. */
  async recordApproval(
    id: string,
    version: number,
    approved: NonNullable<PlanReview['approved']>,
    delivery?: PlanDelivery,
  ): Promise<boolean> {
    await this.initReview(id);
    const result = await this.plans.updateOne(
      { _id: id, ...atVersion(version) },
      {
        $set: {
          'review.state': 'approved',
          'review.approved': approved,
          ...(delivery ? { delivery } : {}),
        },
      },
    );
    return result.matchedCount === 1;
  }

  /**
   * The client received `delivered.version`: recorded whatever the plan's version is now (a save
   * may have landed while the copy was being made; it still names the version that left), and the
   * plan reads `delivered` only while that version is still the current one.
   */
  async recordDelivered(id: string, delivered: NonNullable<PlanReview['delivered']>): Promise<void> {
    await this.initReview(id);
    await this.plans.updateOne({ _id: id }, { $set: { 'review.delivered': delivered } });
    await this.plans.updateOne(
      { _id: id, ...atVersion(delivered.version) },
      { $set: { 'review.state': 'delivered' } },
    );
  }
}
