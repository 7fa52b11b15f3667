import { z } from 'zod';

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
