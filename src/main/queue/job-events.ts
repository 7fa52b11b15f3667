import { toPublicJob, type GenerationJob, type PublicJob } from '@shared/job';
import type { JobEvent, JobEventType } from '@shared/job-events';

export type JobEventListener = (event: JobEvent) => void;

/** Revisions remembered for ordering; a long session forgets the least recently changed jobs first. */
const MAX_TRACKED_JOBS = 10_000;

/**
 * In-process fan-out of job events to IPC, SSE and tests. A throwing listener never stops the others.
 *
 * Several publishers feed it (this host's queue actions, its worker, the database watcher for jobs
 * run elsewhere), so the same state can arrive twice and an older one late: an event is delivered
 * only when its revision is newer than the last one delivered for that job. Listeners therefore see
 * each job's states once each, in order (issue #17 point 1).
 */
export class JobEventBus {
  private readonly listeners = new Set<JobEventListener>();
  /** Per job: the newest revision delivered or examined, and what the delivered state showed. */
  private readonly revisions = new Map<string, { rev: number; state: string }>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  subscribe(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The revision of the newest state delivered (or examined: `skipUnchanged`) for this job, if any. */
  lastRevision(jobId: string): number | undefined {
    return this.revisions.get(jobId)?.rev;
  }

  /** False when the event was dropped as a repeat or an older state. */
  publish(event: JobEvent): boolean {
    const last = this.revisions.get(event.job_id);
    if (last !== undefined && event.rev <= last.rev) return false;
    this.remember(event.job_id, event.rev, visibleStateOf(event.job));
    return this.deliver(event);
  }

  /**
   * A newer revision that shows nothing new (a heartbeat moved only the lease): noted, so it is not
   * read again, and not delivered. True when it was skipped.
   */
  skipUnchanged(jobId: string, rev: number, job: PublicJob): boolean {
    const last = this.revisions.get(jobId);
    const state = visibleStateOf(job);
    if (last === undefined || rev <= last.rev || last.state !== state) return false;
    this.remember(jobId, rev, state);
    return true;
  }

  private remember(jobId: string, rev: number, state: string): void {
    this.revisions.delete(jobId);
    this.revisions.set(jobId, { rev, state });
    if (this.revisions.size > MAX_TRACKED_JOBS) {
      const oldest = this.revisions.keys().next().value;
      if (oldest !== undefined) this.revisions.delete(oldest);
    }
  }

  private deliver(event: JobEvent): boolean {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
    return true;
  }
}

/**
 * What a screen shows of a job, so that two revisions that differ only in queue internals (the
 * lease moved by a heartbeat, `updated_at`) count as the same state.
 */
export function visibleStateOf(job: PublicJob): string {
  const { progress, result } = job;
  return JSON.stringify([
    job.status,
    progress.phase,
    progress.current_agent,
    progress.completed_steps,
    progress.total_steps,
    progress.percentage,
    progress.message,
    job.error_reason,
    job.error_message,
    job.waiting_reason,
    job.cancel_requested,
    job.attempts,
    result.training_plan_id,
    result.nutrition_plan_id,
    job.completed_at?.getTime() ?? null,
    job.run_after.getTime(),
    job.running_on,
    job.cost_usd,
    job.token_usage.total_tokens,
    job.execution_log.length,
    job.execution_log.at(-1)?.at.getTime() ?? null,
  ]);
}

export function jobEvent(type: JobEventType, job: GenerationJob, at = new Date()): JobEvent {
  return { type, job_id: job._id, at, rev: job.rev, job: toPublicJob(job) };
}

/** The event a stored state stands for, when it was read rather than published. */
export function eventTypeForState(
  job: Pick<GenerationJob, 'status' | 'rev' | 'execution_log' | 'progress'>,
): JobEventType {
  if (job.status === 'completed') return 'completed';
  if (job.status === 'failed') return 'failed';
  // A claim read before the claiming worker's own event arrived is still a claim, not a step:
  // followers count 'progress' events as work done. An agent's start writes no log line, so the
  // claim is the state where the last line says "started" and no agent runs yet.
  if (job.status === 'running')
    return job.execution_log.at(-1)?.event === 'started' && job.progress.current_agent === null
      ? 'claimed'
      : 'progress';
  return job.rev === 0 ? 'created' : 'waiting';
}
