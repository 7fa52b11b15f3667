import type { GenerationJob } from '@shared/job';
import type { QueueClock } from './database-clock';
import { jobEvent, type JobEventBus } from './job-events';
import type { JobCollection } from './job-update';
import { LeaseObserver } from './lease-observer';
import { defaultWatchdogGraceMs, maintainQueue } from './maintenance';

export interface MaintenanceLoopOptions {
  clock: QueueClock;
  leaseMs: number;
  defaultTimeoutMs: number;
  intervalMs: number;
  events: JobEventBus;
  /** Called for every job the pass failed (out of attempts, cancelled, timed out) before its event. */
  onFailed?(job: GenerationJob): Promise<unknown>;
  onError(error: unknown): void;
}

/**
 * The host's share of the queue's self-healing (issue #17 point 3): the worker's poll does the same,
 * but a hung worker polls nothing and a UI-only instance has none, so every host recovers expired
 * leases and sweeps overdue jobs too. Safe to run on every instance at once (compare-and-set).
 */
export class QueueMaintenanceLoop {
  private readonly observer = new LeaseObserver();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly jobs: JobCollection,
    private readonly options: MaintenanceLoopOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; a pass still in flight (slow database) is joined, not doubled. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { clock, leaseMs, defaultTimeoutMs, events } = this.options;
    try {
      const { recovered, timedOut } = await maintainQueue(this.jobs, {
        clock,
        observer: this.observer,
        leaseMs,
        defaultTimeoutMs,
        graceMs: defaultWatchdogGraceMs(leaseMs),
      });
      for (const job of [...recovered, ...timedOut]) {
        if (job.status === 'failed') await this.options.onFailed?.(job);
        events.publish(jobEvent(job.status === 'failed' ? 'failed' : 'waiting', job));
      }
    } catch (error) {
      this.observer.markBlind();
      this.options.onError(error);
    }
  }
}
