import type { GenerationJob } from '@shared/job';
import type { JobEvent } from '@shared/job-events';
import type { QueueClock } from './database-clock';
import { jobEvent } from './job-events';
import type { JobCollection } from './job-update';
import { LeaseObserver } from './lease-observer';
import { defaultWatchdogGraceMs, maintainQueue } from './maintenance';

export interface MaintenanceLoopOptions {
  clock: QueueClock;
  leaseMs: number;
  defaultTimeoutMs: number;
  /** Extra time the sweep gives a job past its limit (the owner's own timer fires first). */
  graceMs?: number;
  /** For `start()`: a pass this often. */
  intervalMs?: number;
  /** Where the jobs a pass changed are announced (the host's bus, or the worker's channel to it). */
  publish(event: JobEvent): void;
  /** Called for every job a pass put back in the queue, before its event. */
  onRecovered?(job: GenerationJob): void;
  /** Called for every job a pass failed (out of attempts, cancelled, timed out) before its event. */
  onFailed?(job: GenerationJob): Promise<unknown>;
  onError(error: unknown): void;
}

/**
 * The queue's self-healing, one pass at a time (issue #17 point 3): expired leases recovered,
 * overdue jobs swept, each change announced. Every worker runs it in its poll; every host also runs
 * it on a timer (`start`), because a hung worker polls nothing and a UI-only instance has none.
 * Safe to run on every instance at once (compare-and-set).
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
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs ?? this.options.leaseMs / 3);
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
    const { clock, leaseMs, defaultTimeoutMs } = this.options;
    try {
      const { recovered, timedOut } = await maintainQueue(this.jobs, {
        clock,
        observer: this.observer,
        leaseMs,
        defaultTimeoutMs,
        graceMs: this.options.graceMs ?? defaultWatchdogGraceMs(leaseMs),
      });
      for (const job of [...recovered, ...timedOut]) {
        if (job.status === 'failed') await this.options.onFailed?.(job);
        else this.options.onRecovered?.(job);
        this.options.publish(jobEvent(job.status === 'failed' ? 'failed' : 'waiting', job));
      }
    } catch (error) {
      // What happened while the queue could not be read was not watched (lease-observer.ts).
      this.observer.markBlind();
      this.options.onError(error);
    }
  }
}
