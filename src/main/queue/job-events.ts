import { toPublicJob, type GenerationJob } from '@shared/job';
import type { JobEvent, JobEventType } from '@shared/job-events';

export type JobEventListener = (event: JobEvent) => void;

/** In-process fan-out of job events to IPC, SSE and tests. A throwing listener never stops the others. */
export class JobEventBus {
  private readonly listeners = new Set<JobEventListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  subscribe(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}

export function jobEvent(type: JobEventType, job: GenerationJob, at = new Date()): JobEvent {
  return { type, job_id: job._id, at, job: toPublicJob(job) };
}
