import type { GenerationJob } from '@shared/job';
import { nutritionPlanIdForJob, trainingPlanIdForJob } from '@shared/plans';
import type { Repositories } from './index';

/**
 * A job that ended without a finished plan (cancelled, timed out, lost, failed after its save)
 * must not leave one listed for the client: its run may have saved plans between the last check
 * (`assertStillOwned`) and the moment it lost the job. Kept: plans of `audit_blocked` jobs (saved
 * on purpose for the coach's review), plans of jobs that are not failed (a running retry will
 * save the same ids again), plans a coach already touched (edited or reviewed), and regenerations
 * (they never create a plan). Returns the ids removed. docs/ARCHITECTURE.md "Fenced saves".
 */
export async function withdrawPlansOfFailedJob(
  repositories: Repositories,
  job: GenerationJob,
): Promise<string[]> {
  if (job.status !== 'failed' || job.error_reason === 'audit_blocked' || job.regeneration) return [];
  const removed: string[] = [];
  const training = trainingPlanIdForJob(job._id);
  const nutrition = nutritionPlanIdForJob(job._id);
  if (await repositories.trainingPlans.removeUntouchedOfJob(training, job._id)) removed.push(training);
  if (await repositories.nutritionPlans.removeUntouchedOfJob(nutrition, job._id)) removed.push(nutrition);
  for (const id of removed) await repositories.submissions.clearPlanGenerated(job.submission_id, id);
  return removed;
}
