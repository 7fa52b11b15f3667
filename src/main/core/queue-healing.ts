import type { Db } from 'mongodb';
import type { AppConfig } from '../config/load-config';
import { getCollections } from '../db/collections';
import type { Repositories } from '../db/repositories';
import { withdrawPlansOfFailedJob } from '../db/repositories/withdraw-job-plans';
import type { Logger } from '../log/logger';
import { DatabaseClock } from '../queue/database-clock';
import type { JobEventBus } from '../queue/job-events';
import { QueueMaintenanceLoop } from '../queue/maintenance-loop';

export interface QueueHealing {
  /** Database time for this host's queue writes. */
  clock: DatabaseClock;
  stop(): Promise<void>;
}

/**
 * What every host runs beside its worker (the app, `edn360 serve`, `edn360 worker`): the database
 * clock and the queue's self-healing — expired leases recovered, overdue jobs swept, the plans of
 * jobs that end that way withdrawn — so a hung worker or none at all never leaves a job `running`
 * (docs/ARCHITECTURE.md "Time and leases").
 */
export async function startQueueHealing(options: {
  db: Db;
  repositories: Repositories;
  config: Pick<AppConfig, 'worker'>;
  events: JobEventBus;
  logger: Logger;
}): Promise<QueueHealing> {
  const { config, logger } = options;
  const clock = await new DatabaseClock(options.db, {
    onError: (error) => logger.warn({ err: error }, 'could not read the database clock'),
  }).start();
  logger.info(clock.status(), 'database clock');
  const maintenance = new QueueMaintenanceLoop(getCollections(options.db).jobs, {
    clock,
    leaseMs: config.worker.leaseMs,
    defaultTimeoutMs: config.worker.jobTimeoutMs,
    intervalMs: Math.max(config.worker.pollIntervalMs, Math.floor(config.worker.leaseMs / 3)),
    publish: (event) => options.events.publish(event),
    onFailed: (job) => withdrawPlansOfFailedJob(options.repositories, job),
    onError: (error) => logger.warn({ err: error }, 'queue maintenance failed'),
  });
  maintenance.start();
  return {
    clock,
    stop: async () => {
      await maintenance.stop();
      clock.stop();
    },
  };
}
