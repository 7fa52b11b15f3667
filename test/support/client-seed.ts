import type { Repositories } from '../../src/main/db/repositories';
import { ensureFirstVersion } from '../../src/main/db/repositories/commit-plan-version';
import { buildPendingJob } from '../../src/main/queue/enqueue';
import { validResponses } from './api-harness';
import { approveCurrentVersion, seedAuditBlockedJob, trainingPlanDoc } from './plan-fixtures';

/*
 * A client with everything the app keeps about them — questionnaire, jobs (one finished and
 * approved, one audit-blocked), checkpoints, plans and their versions — for tests of the client's
 * data as a whole (erasure, export, backup and restore).
 */

export interface SeededClient {
  id: string;
  name: string;
  email: string;
  /** Every id that names this client's data (submissions, jobs, plans). */
  traces: string[];
}

/** A client with everything the app keeps: questionnaires, jobs (finished, audit-blocked), checkpoints, plans and versions. */
export async function seedClient(repos: Repositories, id: string, name: string): Promise<SeededClient> {
  const email = `${id}@correo.test`;
  await repos.users.create({ _id: id, nombre_completo: name, email });
  const submission = (await repos.submissions.create(id, validResponses({ email, nombre_completo: name })))
    ._id;
  const blocked = await seedAuditBlockedJob(repos, id, submission);
  // A finished job whose plan the coach approved (so it has versions too).
  const done = buildPendingJob({ user_id: id, submission_id: submission, type: 'training' });
  const approved = trainingPlanDoc(done._id, id);
  await repos.jobs.insert({
    ...done,
    status: 'completed',
    result: { training_plan_id: approved._id, nutrition_plan_id: null },
    completed_at: new Date(),
  });
  await repos.trainingPlans.saveOnce({ ...approved, submission_id: submission });
  await approveCurrentVersion(repos, 'training', approved._id);
  await ensureFirstVersion(repos, 'training', (await repos.trainingPlans.get(approved._id))!);
  for (const job of [blocked.job._id, done._id])
    await repos.steps.saveOnce({
      job_id: job,
      agent_id: 'E1',
      output: { resumen: `cliente ${name}` },
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      cost_usd: 0.01,
      model: 'gpt-5-mini',
      requested_model: 'gpt-5-mini',
      attempt: 1,
      started_at: new Date(),
      finished_at: new Date(),
      duration_ms: 1,
    });
  return {
    id,
    name,
    email,
    traces: [
      id,
      submission,
      blocked.job._id,
      done._id,
      blocked.trainingId,
      blocked.nutritionId,
      approved._id,
    ],
  };
}
