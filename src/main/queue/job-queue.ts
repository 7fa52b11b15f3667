import type { GenerationJob } from '@shared/job';
import { cancelJob, type CancelOutcome } from './cancel';
import { enqueue, type NewJobInput } from './enqueue';
import { jobEvent, type JobEventBus } from './job-events';
import { localClock, type QueueClock } from './database-clock';
import type { JobCollection } from './job-update';
import { retryJob } from './retry';

/** What the host needs from the worker to make queue actions immediate. */
export interface WorkerLink {
  nudge(): void;
  cancel(jobId: string): void;
}

/**
 * The host-side queue API used by HTTP and IPC: each action is the queue operation, then the event
 * for subscribers, then a nudge to the local worker so nothing waits for the poll.
 */
export interface JobQueueSettings {
  /** Database time (database-clock.ts); this machine's clock when absent. */
  clock?: QueueClock;
  /** Stored on every new job as its `timeout_ms` (the instance's watchdog setting). */
  timeoutMs?: number;
}

export class JobQueue {
  private readonly clock: QueueClock;

  constructor(
    private readonly jobs: JobCollection,
    readonly events: JobEventBus,
    private readonly worker: WorkerLink | null,
    private readonly settings: JobQueueSettings = {},
  ) {
    this.clock = settings.clock ?? localClock();
  }

  async enqueue(input: NewJobInput): Promise<GenerationJob> {
    const timeout = input.timeout_ms ?? this.settings.timeoutMs;
    const job = await enqueue(
      this.jobs,
      { ...input, ...(timeout ? { timeout_ms: timeout } : {}) },
      this.clock.now(),
    );
    this.events.publish(jobEvent('created', job));
    this.worker?.nudge();
    return job;
  }

  async cancel(jobId: string): Promise<CancelOutcome> {
    const outcome = await cancelJob(this.jobs, jobId, this.clock.now());
    if (outcome.outcome === 'cancelled') this.events.publish(jobEvent('failed', outcome.job));
    if (outcome.outcome === 'cancel_requested') {
      this.events.publish(jobEvent('progress', outcome.job));
      this.worker?.cancel(jobId);
    }
    return outcome;
  }

  async retry(jobId: string): Promise<GenerationJob | null> {
    const job = await retryJob(this.jobs, jobId, this.clock.now());
    if (job) {
      this.events.publish(jobEvent('waiting', job));
      this.worker?.nudge();
    }
    return job;
  }
}
