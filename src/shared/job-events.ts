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
  job: PublicJobSchema,
});
export type JobEvent = z.infer<typeof JobEventSchema>;
