import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from './collections';

/**
 * Every index has an explicit name so start-up can create them idempotently on every launch and on a
 * database shared by several app instances (creating an identical index again is a no-op).
 */
export const INDEXES: Record<string, IndexDescription[]> = {
  [COLLECTIONS.users]: [
    { key: { email: 1 }, name: 'users_email' },
    { key: { archived: 1, updated_at: -1 }, name: 'users_archived_updated' },
  ],
  [COLLECTIONS.submissions]: [{ key: { user_id: 1, submitted_at: -1 }, name: 'submissions_user_submitted' }],
  [COLLECTIONS.jobs]: [
    // The claim query: oldest due pending job first.
    { key: { status: 1, run_after: 1, created_at: 1 }, name: 'jobs_claim' },
    { key: { status: 1, 'lease.expires_at': 1 }, name: 'jobs_lease_expiry' },
    { key: { user_id: 1, created_at: -1 }, name: 'jobs_user_created' },
    { key: { created_at: -1 }, name: 'jobs_created' },
    // Followers of every job's state (the browser's Trabajos): changed since an instant.
    { key: { updated_at: 1, _id: 1 }, name: 'jobs_updated' },
  ],
  [COLLECTIONS.steps]: [
    { key: { job_id: 1, finished_at: 1 }, name: 'steps_job' },
    // An agent's recent answers (StepsRepository.recentAnswers), read at the start of every run.
    { key: { agent_id: 1, finished_at: -1 }, name: 'steps_agent_recent' },
  ],
  [COLLECTIONS.trainingPlans]: [
    { key: { user_id: 1, created_at: -1 }, name: 'training_plans_user_created' },
    { key: { job_id: 1 }, name: 'training_plans_job', unique: true },
  ],
  [COLLECTIONS.nutritionPlans]: [
    { key: { user_id: 1, created_at: -1 }, name: 'nutrition_plans_user_created' },
    { key: { job_id: 1 }, name: 'nutrition_plans_job', unique: true },
  ],
  // `_id` (`<plan>#v<n>`) is the version check; this lists one plan's versions in order.
  [COLLECTIONS.planVersions]: [{ key: { plan_id: 1, version: 1 }, name: 'plan_versions_plan' }],
};

export async function ensureIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    await db.collection(collection).createIndexes(indexes);
  }
}
