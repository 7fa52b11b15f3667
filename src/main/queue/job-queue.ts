import type { GenerationJob } from '@shared/job';
import { cancelJob, type CancelOutcome } from './cancel';
import { enqueue, type NewJobInput } from './enqueue';
import { jobEvent, type JobEventBus } from './job-events';
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
export class JobQueue {
  constructor(
    private readonly jobs: JobCollection,
    readonly events: JobEventBus,
    private readonly worker: WorkerLink | null,
  ) {}

  async enqueue(input: NewJobInput): Promise<GenerationJob> {
    const job = await enqueue(this.jobs, input);
    this.events.publish(jobEvent('created', job));
    this.worker?.nudge();
    return job;
  }

  async cancel(jobId: string): Promise<CancelOutcome> {
    const outcome = await cancelJob(this.jobs, jobId);
    if (outcome.outcome === 'cancelled') this.events.publish(jobEvent('failed', outcome.job));
    if (outcome.outcome === 'cancel_requested') {
      this.events.publish(jobEvent('progress', outcome.job));
      this.worker?.cancel(jobId);
    }
    return outcome;
  }

  async retry(jobId: string): Promise<GenerationJob | null> {
    const job = await retryJob(this.jobs, jobId);
    if (job) {
      this.events.publish(jobEvent('waiting', job));
      this.worker?.nudge();
    }
    return job;
  }
}
