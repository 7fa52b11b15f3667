import type { GenerationStep } from '@shared/generation-step';
import type { GenerationJob } from '@shared/job';
import type { JobEvent } from '@shared/job-events';
import type { Repositories } from '../db/repositories';
import {
  appendJobLog,
  completeJob,
  jobTimeoutOf,
  localClock,
  ownedBy,
  recordStepCompleted,
  recordStepStarted,
  recordStepsRestored,
  recordStreamProgress,
  renewLease,
  type JobCollection,
  type QueueClock,
  type StepProgress,
} from '../queue';
import { jobEvent } from '../queue/job-events';
import { LeaseLostError, RunAborted, type AbortCause } from '../pipeline/job-errors';
import type { CompletedStepInput, JobPipeline, PipelineContext } from '../pipeline/pipeline-types';
import { withdrawPlansOfFailedJob } from '../db/repositories/withdraw-job-plans';
import { isDatabaseUnreachable } from '../db/errors';
import { endFailedRun } from './run-ending';
import { StreamProgress } from './stream-progress';

export interface RunSettings {
  leaseMs: number;
  heartbeatMs: number;
  jobTimeoutMs: number;
  offlineBaseMs: number;
  offlineMaxMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Least time between two progress writes while answers stream in (default 1 s). */
  progressIntervalMs?: number;
}

const PROGRESS_INTERVAL_MS = 1_000;

export interface RunDependencies {
  jobs: JobCollection;
  repositories: Repositories;
  pipeline: JobPipeline;
  settings: RunSettings;
  /** Database time for every write (src/main/queue/database-clock.ts); this machine's when absent. */
  clock?: QueueClock;
  emit(event: JobEvent): void;
  log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
}

/**
 * One attempt at one claimed job: keeps the lease alive, enforces the watchdog, runs the pipeline,
 * and turns its outcome (result, failure with a reason, offline, abort) into exactly one fenced
 * state change.
 */
export class JobRun {
  private readonly controller = new AbortController();
  private abortCause: AbortCause | null = null;
  private completedSteps = 0;
  /** Agents in flight now, in the order they started (the job's `running_agents`). */
  private readonly running: string[] = [];
  private progressChain: Promise<void> = Promise.resolve();
  private readonly streamed: StreamProgress;
  private readonly token: string;
  private readonly clock: QueueClock;
  /** When this process started the attempt, by its monotonic clock (the lease's `run_ms`). */
  private readonly startedAt = performance.now();
  /**
   * Set once the pipeline passed its cut-off (`assertStillOwned`) and is writing what the coach will
   * see: a cancel or the run's own timer then comes too late, and any other end waits for those
   * writes to finish before it withdraws them (docs/ARCHITECTURE.md "Fenced saves").
   */
  private committing = false;
  private work: Promise<unknown> | null = null;

  constructor(
    readonly job: GenerationJob,
    private readonly deps: RunDependencies,
  ) {
    if (!job.lease) throw new Error(`job ${job._id} was not claimed`);
    this.token = job.lease.token;
    this.clock = deps.clock ?? localClock();
    this.streamed = new StreamProgress(deps.settings.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
  }

  /** The job's own limit, fixed when it was created (older jobs: this instance's setting). */
  private get timeoutMs(): number {
    return jobTimeoutOf(this.job, this.deps.settings.jobTimeoutMs);
  }

  abort(cause: AbortCause): void {
    if (this.abortCause) return;
    if (this.committing && (cause === 'cancel' || cause === 'timeout')) return;
    this.abortCause = cause;
    this.controller.abort(new RunAborted(cause));
  }

  async execute(): Promise<void> {
    const { settings } = this.deps;
    const heartbeat = setInterval(() => void this.heartbeat(), settings.heartbeatMs);
    // Measured from this process's own claim: comparing with a stored timestamp would compare clocks.
    const watchdog = setTimeout(() => this.abort('timeout'), this.timeoutMs);
    try {
      const checkpoints = await this.loadCheckpoints();
      const work = this.deps.pipeline.run(this.context(checkpoints));
      this.work = work;
      const result = await this.raceAbort(work);
      const done = await this.finalWrite(() =>
        completeJob(this.deps.jobs, this.job._id, this.token, result, this.clock.now()),
      );
      if (done) this.deps.emit(jobEvent('completed', done));
      else {
        this.deps.log('warn', 'job finished after its lease was lost; state untouched', {
          job: this.job._id,
        });
        // Lost to the sweep or a cancelled recovery: its plans must not stay listed.
        const now = await this.deps.jobs.findOne({ _id: this.job._id });
        if (now) await this.withdrawPlans(now);
      }
    } catch (error) {
      await this.untilCommitEnds();
      await this.settle(error);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(watchdog);
    }
  }

  /**
   * An end that interrupts the pipeline's writes (lease lost, shutdown) waits for them, at most a
   * lease period, so that what it withdraws or releases is all there is.
   */
  private async untilCommitEnds(): Promise<void> {
    if (!this.committing || !this.work) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.work.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, this.deps.settings.leaseMs))),
    ]);
    clearTimeout(timer);
  }

  private async loadCheckpoints(): Promise<Map<string, GenerationStep>> {
    const steps = await this.deps.repositories.steps.listForJob(this.job._id);
    return new Map(steps.map((step) => [step.agent_id, step]));
  }

  /** A pipeline that ignores its AbortSignal (a hung call) must not hold the job hostage. */
  private raceAbort<T>(work: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    const aborted = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    work.catch(() => undefined); // the loser of the race must not become an unhandled rejection
    return Promise.race([work, aborted]);
  }

  private context(checkpoints: Map<string, GenerationStep>): PipelineContext {
    return {
      job: this.job,
      signal: this.controller.signal,
      repositories: this.deps.repositories,
      checkpoints,
      completeStep: (step) => this.completeStep(step),
      startStep: (agentId, phase) => this.startStep(agentId, phase),
      abandonStep: (agentId) => this.forget(agentId),
      reportProgress: (agentId, fraction) => this.reportProgress(agentId, fraction),
      restoreSteps: (steps) => this.restoreSteps(steps, checkpoints),
      assertStillOwned: () => this.assertStillOwned(),
      log: async (event, message, agentId) => {
        const written = await appendJobLog(
          this.deps.jobs,
          this.job._id,
          this.token,
          event,
          message,
          agentId,
          this.clock.now(),
        );
        if (!written) {
          throw this.leaseLost();
        }
      },
    };
  }

  /**
   * A checkpoint whose agent the job never counted (the worker died between the checkpoint and its
   * progress write) is recorded as that agent's completion, so the tokens it cost are not lost from
   * the job's usage; a checkpoint counted in an earlier attempt adds nothing.
   */
  /** A checkpoint whose tokens the job does not count yet (its attempt died right after saving it). */
  private uncounted(checkpoint: GenerationStep | undefined, phase: string): StepProgress | null {
    if (!checkpoint || Object.hasOwn(this.job.token_usage.by_agent, checkpoint.agent_id)) return null;
    return this.stepProgress({
      agentId: checkpoint.agent_id,
      phase,
      output: checkpoint.output,
      usage: checkpoint.usage,
      costUsd: checkpoint.cost_usd,
      model: checkpoint.model,
      requestedModel: checkpoint.requested_model,
      startedAt: checkpoint.started_at,
    });
  }

  private stepProgress(step: CompletedStepInput): StepProgress {
    const base = {
      agentId: step.agentId,
      phase: step.phase,
      completedSteps: this.completedSteps,
      usage: step.usage,
      running: [...this.running],
      partial: this.streamed.partial(),
    };
    // An unknown price stays unknown: the job names the model instead of adding 0.
    return step.costUsd === null
      ? { ...base, costUsd: null, unpricedModel: step.requestedModel ?? step.model }
      : { ...base, costUsd: step.costUsd };
  }

  /** The run's cut-off before writes the coach will see (PipelineContext.assertStillOwned). */
  private async assertStillOwned(): Promise<void> {
    if (this.abortCause) throw new RunAborted(this.abortCause);
    const job = await this.deps.jobs.findOne(
      { _id: this.job._id, ...ownedBy(this.token) },
      { projection: { cancel_requested: 1 } },
    );
    if (!job) throw this.leaseLost();
    if (job.cancel_requested) {
      this.abort('cancel');
      throw new RunAborted('cancel');
    }
    this.committing = true;
  }

  private async completeStep(step: CompletedStepInput): Promise<unknown> {
    if (this.abortCause) throw new RunAborted(this.abortCause);
    // Fenced like every other write: a worker that lost the job must not leave checkpoints behind.
    if (
      !(await this.deps.jobs.findOne(
        { _id: this.job._id, ...ownedBy(this.token) },
        { projection: { _id: 1 } },
      ))
    ) {
      throw this.leaseLost();
    }
    const finishedAt = new Date();
    // The checkpoint goes first: if we die right after it, the next owner reuses it instead of paying
    // again. Written once per (job, agent): if another owner saved this agent first, its output is the
    // one the plan uses, so the plan and its checkpoints never disagree.
    const stored = await this.deps.repositories.steps.saveOnce({
      job_id: this.job._id,
      agent_id: step.agentId,
      output: step.output,
      usage: step.usage,
      cost_usd: step.costUsd,
      model: step.model,
      requested_model: step.requestedModel ?? step.model,
      attempt: this.job.attempts,
      started_at: step.startedAt,
      finished_at: finishedAt,
      duration_ms: finishedAt.getTime() - step.startedAt.getTime(),
      ...(step.firstTokenMs != null ? { first_token_ms: step.firstTokenMs } : {}),
    });
    await this.recordProgress(step);
    return stored.output;
  }

  /**
   * Agents start and finish concurrently; their progress writes go one at a time so the job's step
   * count and the events subscribers see only ever move forward (1, 2, 3… never 10 then 9).
   */
  private inOrder(write: () => Promise<GenerationJob | null>): Promise<void> {
    const next = this.progressChain.then(async () => {
      const job = await write();
      if (!job) throw this.leaseLost();
      this.deps.emit(jobEvent('progress', job));
    });
    this.progressChain = next.catch(() => undefined);
    return next;
  }

  private startStep(agentId: string, phase: string): Promise<void> {
    if (this.abortCause) return Promise.reject(new RunAborted(this.abortCause));
    this.running.push(agentId);
    this.streamed.begin(agentId);
    return this.inOrder(() =>
      recordStepStarted(
        this.deps.jobs,
        this.job._id,
        this.token,
        {
          agentId,
          phase,
          completedSteps: this.completedSteps,
          running: [...this.running],
          partial: this.streamed.partial(),
        },
        this.clock.now(),
      ),
    );
  }

  private forget(agentId: string): void {
    const at = this.running.indexOf(agentId);
    if (at >= 0) this.running.splice(at, 1);
    this.streamed.end(agentId);
  }

  /**
   * A running agent's streamed answer is at `fraction` of its expected length: the job's percentage
   * moves within the agent, written at most once per interval. A failed write is left to the next
   * one (or to the step's own): the progress bar is never a reason to stop a run.
   */
  private reportProgress(agentId: string, fraction: number): void {
    if (this.abortCause || !this.streamed.advanced(agentId, fraction)) return;
    void this.streamed
      .write(() =>
        this.inOrder(() =>
          recordStreamProgress(
            this.deps.jobs,
            this.job._id,
            this.token,
            { completedSteps: this.completedSteps, partial: this.streamed.partial() },
            this.clock.now(),
          ),
        ),
      )
      .catch(() => undefined);
  }

  private recordProgress(step: CompletedStepInput): Promise<void> {
    return this.inOrder(() => {
      this.completedSteps += 1;
      this.forget(step.agentId);
      return recordStepCompleted(
        this.deps.jobs,
        this.job._id,
        this.token,
        this.stepProgress(step),
        this.clock.now(),
      );
    });
  }

  /** The checkpoints a resumed attempt starts from: counted as done in one write, not "completed" again. */
  private restoreSteps(
    steps: ReadonlyArray<{ agentId: string; phase: string }>,
    checkpoints: ReadonlyMap<string, GenerationStep>,
  ): Promise<void> {
    const last = steps.at(-1);
    if (!last) return Promise.resolve();
    return this.inOrder(() => {
      this.completedSteps += steps.length;
      const uncounted = steps.flatMap(
        (step) => this.uncounted(checkpoints.get(step.agentId), step.phase) ?? [],
      );
      return recordStepsRestored(
        this.deps.jobs,
        this.job._id,
        this.token,
        {
          agentIds: steps.map((step) => step.agentId),
          phase: last.phase,
          completedSteps: this.completedSteps,
          uncounted,
        },
        this.clock.now(),
      );
    });
  }

  private leaseLost(): LeaseLostError {
    this.abort('lease_lost');
    return new LeaseLostError(this.job._id);
  }

  private async heartbeat(): Promise<void> {
    try {
      const { owned, cancelRequested } = await renewLease(
        this.deps.jobs,
        this.job._id,
        this.token,
        this.deps.settings.leaseMs,
        this.clock.now(),
        performance.now() - this.startedAt,
      );
      if (!owned) this.abort('lease_lost');
      else if (cancelRequested) this.abort('cancel');
    } catch (error) {
      // A database hiccup: the lease has slack for a few missed beats; say so and keep going.
      this.deps.log('warn', 'heartbeat failed', { job: this.job._id, error: String(error) });
    }
  }

  private async settle(error: unknown): Promise<void> {
    const cause = this.abortCause ?? (error instanceof RunAborted ? error.abortCause : null);
    if (cause === 'lease_lost' || error instanceof LeaseLostError) {
      this.deps.log('warn', 'lease lost: dropping the job without writing to it', { job: this.job._id });
      // Whoever took it (the sweep, a cancel on recovery) may have failed it after our plans were saved.
      const now = await this.deps.jobs.findOne({ _id: this.job._id });
      if (now) await this.withdrawPlans(now);
      return;
    }
    const next = await this.finalWrite(() =>
      endFailedRun(
        {
          jobs: this.deps.jobs,
          settings: this.deps.settings,
          log: this.deps.log,
          job: this.job,
          token: this.token,
          timeoutMs: this.timeoutMs,
          now: this.clock.now(),
        },
        cause,
        error,
      ),
    );
    if (next) {
      await this.withdrawPlans(next);
      this.deps.emit(jobEvent(next.status === 'failed' ? 'failed' : 'waiting', next));
    }
  }

  /**
   * The run's last write (completion or the state it ends in) is retried while the database is
   * unreachable: the heartbeat keeps the lease once the database is back, so the job ends as it
   * should instead of waiting for its lease to expire and losing an attempt to a network blink.
   */
  private async finalWrite<T>(write: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + Math.max(4 * this.deps.settings.leaseMs, 60_000);
    for (;;) {
      try {
        return await write();
      } catch (error) {
        if (!isDatabaseUnreachable(error) || performance.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.deps.settings.heartbeatMs));
      }
    }
  }

  /** A failed job leaves no plan listed (withdraw-plans.ts); a failure to clean up is logged, not thrown. */
  private async withdrawPlans(job: GenerationJob): Promise<void> {
    try {
      const removed = await withdrawPlansOfFailedJob(this.deps.repositories, job);
      if (removed.length > 0)
        this.deps.log('warn', 'withdrew the plans of a job that did not finish', { job: job._id, removed });
    } catch (error) {
      this.deps.log('error', 'could not withdraw the plans of a failed job', {
        job: job._id,
        error: String(error),
      });
    }
  }
}
