import type { Collection } from 'mongodb';
import type { PlanDelivery } from '@shared/plan-delivery';
import {
  PlanVersionDocumentSchema,
  planVersionId,
  type PlanVersionDocument,
  type PlanVersionSummary,
} from '@shared/plan-versions';
import { stamped, unstamped } from '../schema/schema-version';
import { isDuplicateKeyError } from './duplicate-key';

/**
 * Immutable copies of every saved version of a plan (docs/ARCHITECTURE.md "Plan versions and
 * review"). The `_id` is `<plan id>#v<n>`, so inserting version n+1 is the claim on "the next
 * version after n": of two saves on top of one version, the second gets a duplicate key.
 */
export class PlanVersionsRepository {
  constructor(private readonly versions: Collection<PlanVersionDocument>) {}

  /** Inserts a version; false when that number is already taken (another save got there first). */
  async insert(version: PlanVersionDocument): Promise<boolean> {
    const valid = PlanVersionDocumentSchema.parse({
      ...version,
      _id: planVersionId(version.plan_id, version.version),
    });
    try {
      await this.versions.insertOne(stamped(valid));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async get(planId: string, version: number): Promise<PlanVersionDocument | null> {
    return unstamped(await this.versions.findOne({ _id: planVersionId(planId, version) }));
  }

  /** Every version of a plan without its content, oldest first. */
  async list(planId: string): Promise<PlanVersionSummary[]> {
    const rows = await this.versions
      .find({ plan_id: planId }, { projection: { content: 0, _id: 0, user_id: 0 } })
      .sort({ version: 1 })
      .toArray();
    return rows.map((row) => unstamped(row)) as PlanVersionSummary[];
  }

  /** An approval despite a block, recorded on the version it was about too. */
  async setDelivery(planId: string, version: number, delivery: PlanDelivery): Promise<void> {
    await this.versions.updateOne({ _id: planVersionId(planId, version) }, { $set: { delivery } });
  }
}
