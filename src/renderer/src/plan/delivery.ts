import type { PublicJob } from '@shared/job';
import type { PlanSummary } from '@shared/ipc-contract';

/*
 * What the screens show of a plan's delivery state (docs/AUDITS.md §8): the server decides it
 * (`deliveryOf`); the UI only reads the state it hands out.
 */

/**
 * The client's current plan of one kind: the newest that may be delivered. Lists come newest
 * first; a plan its audit blocked (and no coach approved) is listed, but never current.
 */
export function currentPlanId(plans: readonly Pick<PlanSummary, '_id' | 'delivery_status'>[]): string | null {
  return plans.find((plan) => plan.delivery_status !== 'blocked')?._id ?? null;
}

/**
 * A job whose plan can be opened: completed, or failed because its audit blocked the plan (the
 * plan is kept for review and the job's result names it).
 */
export function jobHasPlan(job: Pick<PublicJob, 'status' | 'result'>): boolean {
  if (job.status !== 'completed' && job.status !== 'failed') return false;
  return job.result.training_plan_id !== null || job.result.nutrition_plan_id !== null;
}
