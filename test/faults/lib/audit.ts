import type { Db } from 'mongodb';
import { getCollections } from '../../../src/main/db/collections';

export interface Audit {
  losses: number;
  duplicates: number;
  mismatches: number;
  problems: string[];
}

/**
 * The exactly-once ledger for a set of jobs that should all have completed: each job completed (not
 * failed, not left pending/running), completed once (one `completed` log entry, one `completed`
 * event), exactly one plan per expected kind under the job's id, one checkpoint per agent.
 */
export async function auditCompletedOnce(
  db: Db,
  jobIds: readonly string[],
  completedEvents: ReadonlyMap<string, number>,
): Promise<Audit> {
  const { jobs, trainingPlans, nutritionPlans, steps } = getCollections(db);
  const audit: Audit = { losses: 0, duplicates: 0, mismatches: 0, problems: [] };
  const all = await jobs.find({ _id: { $in: [...jobIds] } }).toArray();
  const byId = new Map(all.map((j) => [j._id, j]));
  const countBy = async (
    collection: typeof trainingPlans | typeof nutritionPlans,
  ): Promise<Map<string, number>> => {
    const docs = await collection
      .find({ job_id: { $in: [...jobIds] } }, { projection: { job_id: 1 } })
      .toArray();
    const counts = new Map<string, number>();
    for (const d of docs) counts.set(d.job_id, (counts.get(d.job_id) ?? 0) + 1);
    return counts;
  };
  const training = await countBy(trainingPlans);
  const nutrition = await countBy(nutritionPlans);
  const stepDocs = await steps
    .find({ job_id: { $in: [...jobIds] } }, { projection: { job_id: 1 } })
    .toArray();
  const stepCounts = new Map<string, number>();
  for (const s of stepDocs) stepCounts.set(s.job_id, (stepCounts.get(s.job_id) ?? 0) + 1);

  for (const id of jobIds) {
    const job = byId.get(id);
    if (!job) {
      audit.losses += 1;
      audit.problems.push(`${id}: job document missing`);
      continue;
    }
    if (job.status !== 'completed') {
      audit.losses += 1;
      audit.problems.push(
        `${id}: ended ${job.status}${job.error_reason ? ` (${job.error_reason}: ${job.error_message})` : ''} after ${job.attempts} attempts`,
      );
      continue;
    }
    const logged = job.execution_log.filter((e) => e.event === 'completed').length;
    const events = completedEvents.get(id) ?? 0;
    const expectTraining = job.type !== 'nutrition' ? 1 : 0;
    const expectNutrition = job.type !== 'training' ? 1 : 0;
    const plans = [training.get(id) ?? 0, nutrition.get(id) ?? 0];
    if (logged > 1 || events > 1 || plans[0]! > expectTraining || plans[1]! > expectNutrition) {
      audit.duplicates += 1;
      audit.problems.push(
        `${id}: completed ${logged}× in the log, ${events} completed events, plans ${plans.join('/')}`,
      );
      continue;
    }
    if (plans[0] !== expectTraining || plans[1] !== expectNutrition) {
      audit.losses += 1;
      audit.problems.push(`${id}: completed without its plan (training ${plans[0]}, nutrition ${plans[1]})`);
      continue;
    }
    const problems: string[] = [];
    if (events !== 1) problems.push(`${events} completed events (expected 1)`);
    if ((stepCounts.get(id) ?? 0) !== job.progress.total_steps)
      problems.push(`${stepCounts.get(id) ?? 0} checkpoints for ${job.progress.total_steps} agents`);
    if (Object.keys(job.token_usage.by_agent).length !== job.progress.total_steps)
      problems.push(`token usage for ${Object.keys(job.token_usage.by_agent).length} agents`);
    if (problems.length > 0) {
      audit.mismatches += 1;
      audit.problems.push(`${id}: ${problems.join('; ')}`);
    }
  }
  return audit;
}
