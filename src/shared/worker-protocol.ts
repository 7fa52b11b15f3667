import { z } from 'zod';
import { JobEventSchema } from './job-events';

/**
 * Messages between the host (Electron main or `edn360 serve`) and the worker process. Sent with
 * structured-clone serialization (utilityProcess; `serialization: 'advanced'` for child_process),
 * so Dates survive the trip.
 */
export const HostToWorkerSchema = z.discriminatedUnion('type', [
  /** A job was enqueued here: claim now instead of waiting for the poll. */
  z.object({ type: z.literal('nudge') }),
  z.object({ type: z.literal('cancel'), job_id: z.string() }),
  /** Stop claiming, let running jobs checkpoint, release their leases, then exit. */
  z.object({ type: z.literal('shutdown') }),
]);
export type HostToWorker = z.infer<typeof HostToWorkerSchema>;

export const WorkerLogLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

export const WorkerToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number(), owner: z.string(), concurrency: z.number() }),
  z.object({ type: z.literal('event'), event: JobEventSchema }),
  z.object({ type: z.literal('heartbeat'), running: z.array(z.string()), at: z.date() }),
  z.object({
    type: z.literal('log'),
    level: WorkerLogLevelSchema,
    message: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ type: z.literal('stopped'), released: z.array(z.string()) }),
]);
export type WorkerToHost = z.infer<typeof WorkerToHostSchema>;
