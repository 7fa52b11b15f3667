import { z } from 'zod';
import { JOB_STATUSES } from './job';

/** What the UI's Trabajos screen and `GET /health` show about the worker process. */
export const WorkerStateSchema = z.enum(['stopped', 'starting', 'running', 'restarting', 'stopping']);
export type WorkerState = z.infer<typeof WorkerStateSchema>;

export const WorkerStatusSchema = z.object({
  state: WorkerStateSchema,
  pid: z.number().nullable(),
  concurrency: z.number().nullable(),
  running_jobs: z.array(z.string()),
  restarts: z.number().int().min(0),
  last_exit: z
    .object({ code: z.number().nullable(), signal: z.string().nullable(), reason: z.string(), at: z.date() })
    .nullable(),
  next_restart_at: z.date().nullable(),
});
export type WorkerStatus = z.infer<typeof WorkerStatusSchema>;

/** Jobs per status: how much work is waiting, running, done or failed. */
export const JobCountsSchema = z.object(
  Object.fromEntries(JOB_STATUSES.map((status) => [status, z.number().int().min(0)])) as Record<
    (typeof JOB_STATUSES)[number],
    z.ZodNumber
  >,
);
export type JobCounts = z.infer<typeof JobCountsSchema>;

/** The worker at a glance, as both doors answer it (HTTP `GET /admin/worker`, IPC `getWorkerStatus`). */
export const WorkerOverviewSchema = z.object({
  /** Null when this instance runs no worker (a UI-only instance on a clinic database). */
  worker: WorkerStatusSchema.nullable(),
  jobs: JobCountsSchema,
});
export type WorkerOverview = z.infer<typeof WorkerOverviewSchema>;
