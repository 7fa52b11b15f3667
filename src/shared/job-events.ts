import { z } from 'zod';
import { PublicJobSchema } from './job';

/**
 * One typed stream of job events. The IPC layer and the HTTP SSE layer both subscribe to it; each
 * event carries the public job as it is after the change, so the UI never needs another read.
 */
export const JOB_EVENT_TYPES = ['created', 'claimed', 'progress', 'waiting', 'completed', 'failed'] as const;
export const JobEventTypeSchema = z.enum(JOB_EVENT_TYPES);
export type JobEventType = z.infer<typeof JobEventTypeSchema>;

export const JobEventSchema = z.object({
  type: JobEventTypeSchema,
  job_id: z.string(),
  at: z.date(),
  /**
   * The job document's revision after the change (every write adds 1). Events of one job come from
   * several publishers (this host, its worker, the database watcher) and may cross: the higher
   * revision is the newer state, whatever the clocks of the machines that wrote them.
   */
  rev: z.number().int().min(0),
  job: PublicJobSchema,
});
export type JobEvent = z.infer<typeof JobEventSchema>;
