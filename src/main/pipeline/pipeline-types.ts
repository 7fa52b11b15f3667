import type { GenerationStep } from '@shared/generation-step';
import type { AgentTokenUsage, GenerationJob } from '@shared/job';
import type { Repositories } from '../db/repositories';
import type { JobResultIds } from '../queue';

export interface CompletedStepInput {
  agentId: string;
  phase: string;
  output: unknown;
  usage: AgentTokenUsage;
  /** Null when the model is missing from the price table: unknown, never counted as 0. */
  costUsd: number | null;
  /** The model that answered, as the endpoint names it. */
  model: string;
  /** The model asked for (the price table's key) when it differs from `model`. */
  requestedModel?: string;
  startedAt: Date;
  /** Milliseconds from the agent's start to its answer's first streamed chunk (LLM agents). */
  firstTokenMs?: number | null;
}

/** What a pipeline gets for one run of one job. Every write it makes goes through here, fenced. */
export interface PipelineContext {
  readonly job: GenerationJob;
  /** Aborted on cancel, watchdog timeout, shutdown or lost lease; pass it to every LLM call. */
  readonly signal: AbortSignal;
  readonly repositories: Repositories;
  /** Steps finished in earlier attempts (resume): reuse them instead of paying again. */
  readonly checkpoints: ReadonlyMap<string, GenerationStep>;
  /**
   * Checkpoints the step, then records progress and tokens on the job; resolves with the stored
   * output (another owner's, if it checkpointed this agent first). Throws LeaseLostError.
   */
  completeStep(step: CompletedStepInput): Promise<unknown>;
  /** An agent starts: the job names it among the agents running now. */
  startStep(agentId: string, phase: string): Promise<void>;
  /** An agent failed: the job stops naming it as running (from its next progress write). */
  abandonStep(agentId: string): void;
  /** How far a running agent's streamed answer has come, 0–1 of its expected length. */
  reportProgress(agentId: string, fraction: number): void;
  /**
   * Counts the checkpointed steps a resumed attempt starts from as done, in one write: no tokens
   * added again, no "completado" logged again.
   */
  restoreSteps(steps: ReadonlyArray<{ agentId: string; phase: string }>): Promise<void>;
  log(event: string, message: string, agentId?: string): Promise<void>;
  /**
   * The cut-off before anything the coach will see is written (plans, a plan's new version, the
   * submission's "plan generated"): throws `RunAborted` once the run was cancelled, timed out or
   * shut down, and `LeaseLostError` once the job is no longer this run's or a cancel was asked for.
   * A cancel that arrives after this point is too late: the job completes (issue #17 point 4).
   */
  assertStillOwned(): Promise<void>;
}

/** The agents (issue 4) and the simulated test pipeline both implement this. */
export interface JobPipeline {
  run(context: PipelineContext): Promise<JobResultIds>;
}
