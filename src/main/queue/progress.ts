import { progressPercentage, unpricedModelsOf, type AgentTokenUsage, type GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { updateOwnedJob, type JobCollection } from './job-update';

interface StepProgressBase {
  agentId: string;
  phase: string;
  completedSteps: number;
  usage: AgentTokenUsage;
  /** Set when the step was replayed from a checkpoint: no tokens are added again. */
  fromCheckpoint?: boolean;
}

/**
 * A step's cost is a number, or null when its model is missing from the price table: then the job
 * names that model in `unpriced_models` instead of adding a made-up 0 to `cost_usd`.
 */
export type StepProgress = StepProgressBase &
  ({ costUsd: number } | { costUsd: null; unpricedModel: string });

/** `models` plus `model`, each once, sorted (a full-document `$set`: the test server has no `$addToSet`). */
function withModel(models: readonly string[], model: string): string[] {
  return models.includes(model) ? [...models] : [...models, model].sort();
}

/** After every agent: progress, token usage and cost, fenced by the lease. */
export async function recordStepCompleted(
  jobs: JobCollection,
  jobId: string,
  token: string,
  step: StepProgress,
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => {
      const usage = job.token_usage;
      const add = step.fromCheckpoint ? null : step.usage;
      return {
        progress: {
          phase: step.phase,
          current_agent: step.agentId,
          // Never backwards: a resumed run replays its checkpoints from 1 while the job already shows them.
          completed_steps: Math.max(step.completedSteps, job.progress.completed_steps),
          total_steps: job.progress.total_steps,
          percentage: progressPercentage(
            Math.max(step.completedSteps, job.progress.completed_steps),
            job.progress.total_steps,
          ),
          message: `Agente ${step.agentId} completado`,
        },
        token_usage: add
          ? {
              total_tokens: usage.total_tokens + add.total_tokens,
              total_prompt_tokens: usage.total_prompt_tokens + add.prompt_tokens,
              total_completion_tokens: usage.total_completion_tokens + add.completion_tokens,
              by_agent: { ...usage.by_agent, [step.agentId]: add },
            }
          : usage,
        cost_usd: add && step.costUsd !== null ? job.cost_usd + step.costUsd : job.cost_usd,
        unpriced_models:
          add && step.costUsd === null
            ? withModel(unpricedModelsOf(job), step.unpricedModel)
            : unpricedModelsOf(job),
        // The endpoint answered: any offline wait is over.
        offline_waits: 0,
        waiting_reason: null,
        execution_log: step.fromCheckpoint
          ? job.execution_log
          : appendLog(
              job.execution_log,
              logEntry('agent_completed', `Agente ${step.agentId} completado`, now, step.agentId),
            ),
      };
    },
    now,
  );
}

/** Log lines from inside a step (LLM retries, repairs), fenced like every other worker write. */
export async function appendJobLog(
  jobs: JobCollection,
  jobId: string,
  token: string,
  event: string,
  message: string,
  agentId?: string,
  now = new Date(),
): Promise<boolean> {
  const job = await updateOwnedJob(
    jobs,
    jobId,
    token,
    (current) => ({
      execution_log: appendLog(current.execution_log, logEntry(event, message, now, agentId)),
    }),
    now,
  );
  return job !== null;
}
