import type { Db } from 'mongodb';
import OpenAI from 'openai';
import type { GenerationJob, JobType } from '../../src/shared/job';
import type { JobEvent } from '../../src/shared/job-events';
import { DEFAULT_PRICES } from '../../src/shared/pricing';
import { QuestionnaireResponsesSchema } from '../../src/shared/questionnaire';
import { getCollections } from '../../src/main/db/collections';
import { createRepositories } from '../../src/main/db/repositories';
import { claimNextJob, enqueue } from '../../src/main/queue';
import { AgentPipeline, type AgentPipelineSettings } from '../../src/main/pipeline/agent-pipeline';
import { JobRun } from '../../src/main/worker/job-run';
import type { FakeLlmServer } from './fake-llm/server';

export function pipelineSettings(
  llm: FakeLlmServer,
  overrides: Partial<AgentPipelineSettings> = {},
): AgentPipelineSettings {
  return {
    client: new OpenAI({ baseURL: llm.baseUrl, apiKey: 'sk-fake', maxRetries: 0 }),
    modelFor: () => 'gpt-5-mini',
    prices: DEFAULT_PRICES,
    maxConcurrency: 3,
    llmTimeoutMs: 10_000,
    llmMaxRetries: 3,
    llmRetryBaseMs: 20,
    llmRetryMaxMs: 200,
    language: 'es',
    ...overrides,
  };
}

export interface RunOptions {
  db: Db;
  settings: AgentPipelineSettings;
  jobTimeoutMs?: number;
  /** The job's events, as the worker would publish them. */
  emit?: (event: JobEvent) => void;
  /** How often the run renews its lease and sees a cancel request (default 1 s). */
  heartbeatMs?: number;
  /** Least time between progress writes while answers stream (default: the worker's, 1 s). */
  progressIntervalMs?: number;
}

/**
 * Runs one job through the real queue operations and `JobRun` in this process (the worker process
 * does exactly this; process-level behaviour has its own tests). Re-claims after offline waits and
 * retries until the job settles.
 */
export async function runJobToEnd(jobId: string, options: RunOptions, maxRuns = 6): Promise<GenerationJob> {
  const jobs = getCollections(options.db).jobs;
  const repositories = createRepositories(options.db);
  const pipeline = new AgentPipeline(options.settings);
  for (let run = 0; run < maxRuns; run++) {
    const current = await jobs.findOne({ _id: jobId });
    if (!current) throw new Error(`job ${jobId} vanished`);
    if (current.status === 'completed' || current.status === 'failed') return current;
    // Make this job due now (offline waits / backoff set run_after in the future).
    await jobs.updateOne({ _id: jobId, status: 'pending' }, { $set: { run_after: new Date(0) } });
    const claimed = await claimNextJob(jobs, { owner: 'test', leaseMs: 60_000 });
    if (!claimed || claimed._id !== jobId) throw new Error('expected to claim the job under test');
    await new JobRun(claimed, {
      jobs,
      repositories,
      pipeline,
      settings: {
        leaseMs: 60_000,
        heartbeatMs: options.heartbeatMs ?? 1_000,
        jobTimeoutMs: options.jobTimeoutMs ?? 120_000,
        offlineBaseMs: 10,
        offlineMaxMs: 20,
        retryBaseMs: 10,
        retryMaxMs: 20,
        ...(options.progressIntervalMs ? { progressIntervalMs: options.progressIntervalMs } : {}),
      },
      emit: options.emit ?? (() => undefined),
      log: () => undefined,
    }).execute();
  }
  throw new Error(`job ${jobId} did not settle in ${maxRuns} runs`);
}

export async function createSubmissionAndJob(
  db: Db,
  responses: Record<string, unknown>,
  type: JobType,
  previousTrainingPlanId: string | null = null,
): Promise<{ userId: string; submissionId: string; jobId: string }> {
  const repositories = createRepositories(db);
  const user = await repositories.users.create({
    nombre_completo: String(responses['nombre_completo']),
    email: String(responses['email']),
  });
  const submission = await repositories.submissions.create(
    user._id,
    QuestionnaireResponsesSchema.parse(responses),
  );
  const job = await enqueue(getCollections(db).jobs, {
    user_id: user._id,
    submission_id: submission._id,
    type,
    previous_training_plan_id: previousTrainingPlanId,
  });
  return { userId: user._id, submissionId: submission._id, jobId: job._id };
}
