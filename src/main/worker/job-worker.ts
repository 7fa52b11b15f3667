import type { JobEvent } from '@shared/job-events';
import type { Repositories } from '../db/repositories';
import { claimNextJob, localClock, type JobCollection, type QueueClock } from '../queue';
import { QueueMaintenanceLoop } from '../queue/maintenance-loop';
import { jobEvent } from '../queue/job-events';
import { JobRun, type RunSettings } from './job-run';
import { withdrawPlansOfFailedJob } from '../db/repositories/withdraw-job-plans';
import type { JobPipeline } from '../pipeline/pipeline-types';

export interface JobWorkerOptions {
  jobs: JobCollection;
  repositories: Repositories;
  pipeline: JobPipeline;
  owner: string;
  concurrency: number;
  pollIntervalMs: number;
  settings: RunSettings;
  /** Extra time the shared watchdog sweep gives a job past its limit (the owner's own timer fires first). */
  watchdogGraceMs?: number;
  /** Database time (src/main/queue/database-clock.ts); this machine's clock when absent. */
  clock?: QueueClock;
  emit(event: JobEvent): void;
  log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
}

/**
 * Runs at most `concurrency` jobs at once. Claims when nudged (a job was enqueued on this instance)
 * and on a short poll (jobs from other instances, or written straight into MongoDB); the poll also
 * recovers expired leases and sweeps overdue jobs, so any live instance heals the shared queue.
 */
export class JobWorker {
  private readonly runs = new Map<string, { run: JobRun; done: Promise<void> }>();
  private pollTimer: NodeJS.Timeout | null = null;
  private filling = false;
  private refillRequested = false;
  private stopping = false;
  private readonly clock: QueueClock;
  private readonly runDeps: JobWorkerOptions & { clock: QueueClock };
  private readonly maintenance: QueueMaintenanceLoop;

  constructor(private readonly options: JobWorkerOptions) {
    this.clock = options.clock ?? localClock();
    this.runDeps = { ...options, clock: this.clock };
    const { settings } = options;
    this.maintenance = new QueueMaintenanceLoop(options.jobs, {
      clock: this.clock,
      leaseMs: settings.leaseMs,
      defaultTimeoutMs: settings.jobTimeoutMs,
      ...(options.watchdogGraceMs === undefined ? {} : { graceMs: options.watchdogGraceMs }),
      publish: (event) => options.emit(event),
      onRecovered: (job) =>
        options.log('warn', 'recovered a job whose lease expired', { job: job._id, status: job.status }),
      onFailed: (job) => withdrawPlansOfFailedJob(options.repositories, job),
      onError: (error) => options.log('warn', 'queue maintenance failed', { error: String(error) }),
    });
  }

  get runningJobIds(): string[] {
    return [...this.runs.keys()];
  }

  start(): void {
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    void this.poll();
  }

  nudge(): void {
    void this.fill();
  }

  cancel(jobId: string): boolean {
    const entry = this.runs.get(jobId);
    entry?.run.abort('cancel');
    return entry !== undefined;
  }

  /**
   * Stop claiming, abort running jobs (finished agents are already checkpointed; the agent in flight
   * is dropped and re-run later), release their leases.
   */
  async stop(): Promise<string[]> {
    this.stopping = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    const released = this.runningJobIds;
    for (const { run } of this.runs.values()) run.abort('shutdown');
    await Promise.all([...this.runs.values()].map(({ done }) => done));
    return released;
  }

  private async poll(): Promise<void> {
    if (this.stopping) return;
    await this.maintenance.runOnce();
    await this.fill();
  }

  private async fill(): Promise<void> {
    if (this.filling) {
      this.refillRequested = true;
      return;
    }
    this.filling = true;
    try {
      do {
        this.refillRequested = false;
        while (!this.stopping && this.runs.size < this.options.concurrency) {
          const job = await claimNextJob(this.options.jobs, {
            owner: this.options.owner,
            leaseMs: this.options.settings.leaseMs,
            now: this.clock.now(),
            serverTime: this.clock.serverTime,
          });
          if (!job) break;
          this.options.emit(jobEvent('claimed', job));
          const run = new JobRun(job, this.runDeps);
          const done = run
            .execute()
            .catch((error: unknown) =>
              this.options.log('error', 'job run crashed', { job: job._id, error: String(error) }),
            )
            .finally(() => {
              this.runs.delete(job._id);
              if (!this.stopping) void this.fill();
            });
          this.runs.set(job._id, { run, done });
        }
      } while (this.refillRequested && !this.stopping);
    } catch (error) {
      this.options.log('warn', 'claim failed', { error: String(error) });
    } finally {
      this.filling = false;
    }
  }
}
