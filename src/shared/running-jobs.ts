import { z } from 'zod';
import { WorkerOverviewSchema } from './worker-status';

/*
 * Where the clinic's jobs run (issue #17 point 8): the running jobs per app instance and overall,
 * and the queue's pending jobs, as Trabajos sums them up. No dates inside, so the same schema
 * serves both doors (IPC and the HTTP API's JSON).
 */

export const InstanceRunningSchema = z.object({
  /** An app instance's name (`EDN_INSTANCE_NAME` or its computer's name), as jobs show it in `running_on`. */
  instance: z.string(),
  running: z.number().int().min(0),
});
export type InstanceRunning = z.infer<typeof InstanceRunningSchema>;

export const RunningByInstanceSchema = z.object({
  /** The name of the instance that answers (its own jobs are marked "this one" on screen). */
  this_instance: z.string(),
  /** Every running job, whichever instance runs it. */
  running_total: z.number().int().min(0),
  /** Jobs waiting in the queue (any instance may take them). */
  pending_total: z.number().int().min(0),
  /** Instances running at least one job: this one first, then by name. */
  by_instance: z.array(InstanceRunningSchema),
});
export type RunningByInstance = z.infer<typeof RunningByInstanceSchema>;

/**
 * The worker at a glance with where the clinic's jobs run: what IPC `getWorkerStatus` and
 * `restartWorker` answer (HTTP `GET /admin/worker` adds the same `running`, dates as text).
 */
export const WorkerAndInstancesSchema = WorkerOverviewSchema.extend({ running: RunningByInstanceSchema });
export type WorkerAndInstances = z.infer<typeof WorkerAndInstancesSchema>;
