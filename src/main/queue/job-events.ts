import { toPublicJob, type GenerationJob } from '@shared/job';
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
  private readonly revisions = new Map<string, number>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  subscribe(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The revision of the newest state delivered for this job, if any. */
  lastRevision(jobId: string): number | undefined {
    return this.revisions.get(jobId);
  }

  /** False when the event was dropped as a repeat or an older state. */
  publish(event: JobEvent): boolean {
    const last = this.revisions.get(event.job_id);
    if (last !== undefined && event.rev <= last) return false;
    this.revisions.delete(event.job_id);
    this.revisions.set(event.job_id, event.rev);
    if (this.revisions.size > MAX_TRACKED_JOBS) {
      const oldest = this.revisions.keys().next().value;
      if (oldest !== undefined) this.revisions.delete(oldest);
    }
    return this.deliver(event);
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

export function jobEvent(type: JobEventType, job: GenerationJob, at = new Date()): JobEvent {
  return { type, job_id: job._id, at, rev: job.rev, job: toPublicJob(job) };
}

/** The event a stored state stands for, when it was read rather than published. */
export function eventTypeForState(job: Pick<GenerationJob, 'status' | 'rev'>): JobEventType {
  if (job.status === 'completed') return 'completed';
  if (job.status === 'failed') return 'failed';
  if (job.status === 'running') return 'progress';
  return job.rev === 0 ? 'created' : 'waiting';
}
