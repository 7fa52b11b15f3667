import { progressPercentage, unpricedModelsOf, type AgentTokenUsage, type GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { updateOwnedJob, type JobCollection } from './job-update';

interface StepProgressBase {
  agentId: string;
  phase: string;
  completedSteps: number;
  usage: AgentTokenUsage;
  /** Agents still running once this one is done (the DAG runs several at once). */
  running?: readonly string[];
  /** Steps' worth of work those agents' streamed answers have done. */
  partial?: number;
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

/**
 * The agents running now, as the original API's `current_agent` names them: several at once in the
 * DAG ("E7, N3"), null between agents.
 */
function runningAgents(
  running: readonly string[],
): Pick<GenerationJob['progress'], 'current_agent' | 'running_agents'> {
  return { current_agent: running.length > 0 ? running.join(', ') : null, running_agents: [...running] };
}

/** Tokens and cost of finished steps added to the job's totals (an unknown price stays unknown). */
function withSteps(
  job: GenerationJob,
  steps: readonly StepProgress[],
): Pick<GenerationJob, 'token_usage' | 'cost_usd' | 'unpriced_models'> {
  let usage = job.token_usage;
  let cost = job.cost_usd;
  let unpriced = unpricedModelsOf(job);
  for (const step of steps) {
    usage = {
      total_tokens: usage.total_tokens + step.usage.total_tokens,
      total_prompt_tokens: usage.total_prompt_tokens + step.usage.prompt_tokens,
      total_completion_tokens: usage.total_completion_tokens + step.usage.completion_tokens,
      total_cached_tokens: (usage.total_cached_tokens ?? 0) + (step.usage.cached_tokens ?? 0),
      by_agent: { ...usage.by_agent, [step.agentId]: step.usage },
    };
    if (step.costUsd === null) unpriced = withModel(unpriced, step.unpricedModel);
    else cost += step.costUsd;
  }
  return { token_usage: usage, cost_usd: cost, unpriced_models: unpriced };
}

/**
 * `partial`: steps' worth of work the running agents' streamed answers have done (worker/
 * stream-progress.ts) — the bar moves within an agent, not only when one completes.
 */
function progressAt(
  job: GenerationJob,
  phase: string,
  completedSteps: number,
  running: readonly string[],
  message: string,
  partial = 0,
): GenerationJob['progress'] {
  // Never backwards: a resumed run counts its restored checkpoints while the job already shows them,
  // and an agent that completes may leave less partial work behind than the job last showed.
  const completed = Math.max(completedSteps, job.progress.completed_steps);
  const total = job.progress.total_steps;
  const reached = progressPercentage(Math.min(total, completed + partial), total);
  return {
    phase,
    ...runningAgents(running),
    completed_steps: completed,
    total_steps: total,
    percentage: Math.max(reached, job.progress.percentage),
    message,
  };
}

/** An agent started: the job names it among those running (fenced by the lease). */
export async function recordStepStarted(
  jobs: JobCollection,
  jobId: string,
  token: string,
  step: {
    agentId: string;
    phase: string;
    completedSteps: number;
    running: readonly string[];
    partial?: number;
  },
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => ({
      progress: progressAt(
        job,
        step.phase,
        step.completedSteps,
        step.running,
        `Agente ${step.agentId} en curso`,
        step.partial,
      ),
    }),
    now,
  );
}

/**
 * While answers stream in: only the percentage moves (the running agents and the message stay), at
 * most once per `progressIntervalMs` (worker/stream-progress.ts).
 */
export async function recordStreamProgress(
  jobs: JobCollection,
  jobId: string,
  token: string,
  step: { completedSteps: number; partial: number },
  now = new Date(),
): Promise<GenerationJob | null> {
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => ({
      progress: progressAt(
        job,
        job.progress.phase,
        step.completedSteps,
        job.progress.running_agents,
        job.progress.message,
        step.partial,
      ),
    }),
    now,
  );
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
    (job) => ({
      progress: progressAt(
        job,
        step.phase,
        step.completedSteps,
        step.running ?? [],
        `Agente ${step.agentId} completado`,
        step.partial,
      ),
      ...withSteps(job, [step]),
      // The endpoint answered: any offline wait is over.
      offline_waits: 0,
      waiting_reason: null,
      execution_log: appendLog(
        job.execution_log,
        logEntry('agent_completed', `Agente ${step.agentId} completado`, now, step.agentId),
      ),
    }),
    now,
  );
}

/**
 * A resumed attempt counts the agents its checkpoints restore, in one write and one log line: they
 * were done before, and the log and the events must not say "completado" for them again. `uncounted`:
 * checkpoints saved by an attempt that died before counting their tokens — counted now, once.
 */
export async function recordStepsRestored(
  jobs: JobCollection,
  jobId: string,
  token: string,
  restored: {
    agentIds: readonly string[];
    phase: string;
    completedSteps: number;
    uncounted: readonly StepProgress[];
  },
  now = new Date(),
): Promise<GenerationJob | null> {
  const names = restored.agentIds.join(', ');
  const message = `Reanudando: ${restored.agentIds.length} agente(s) recuperado(s) de intentos anteriores (${names})`;
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => ({
      progress: progressAt(job, restored.phase, restored.completedSteps, [], message),
      ...withSteps(job, restored.uncounted),
      execution_log: appendLog(job.execution_log, logEntry('steps_restored', message, now)),
    }),
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
