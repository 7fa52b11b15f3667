import { WorkerToHostSchema, type HostToWorker } from '@shared/worker-protocol';
import type { WorkerStatus } from '@shared/worker-status';
import type { Logger } from '../log/logger';
import type { JobEventBus } from '../queue/job-events';
import { backoffDelay } from '../util/backoff';
import type { SpawnWorker, WorkerExit, WorkerProcess } from './worker-process';

export interface SupervisorOptions {
  spawn: SpawnWorker;
  events: JobEventBus;
  logger: Logger;
  readyTimeoutMs?: number;
  restartBaseMs?: number;
  restartMaxMs?: number;
  /** A worker that stayed up this long resets the restart backoff. */
  stableAfterMs?: number;
  /**
   * A running worker silent this long (no heartbeat, no message: hung, or stopped with SIGSTOP)
   * is killed and restarted; its jobs' leases then expire and they resume from their checkpoints.
   * Null: never (tests of other behaviour).
   */
  hangAfterMs?: number | null;
}

/**
 * Keeps one worker process alive: ready handshake with a timeout, restart with backoff when it exits
 * unexpectedly (logging why: exit code, signal, last stderr lines) or falls silent (hung), and a
 * graceful stop that lets running jobs checkpoint and release their leases.
 */
export class WorkerSupervisor {
  private worker: WorkerProcess | null = null;
  private status: WorkerStatus = {
    state: 'stopped',
    pid: null,
    concurrency: null,
    running_jobs: [],
    restarts: 0,
    last_exit: null,
    next_restart_at: null,
  };
  private consecutiveFailures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readyTimer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  /** When the worker last said anything, by this process's monotonic clock. */
  private lastSignAt = 0;
  private silenceTimer: NodeJS.Timeout | null = null;
  /** Set when we killed the worker for its silence, so its exit says why. */
  private killedForSilence: number | null = null;
  private stopRequested = false;
  private readonly readyWaiters: Array<() => void> = [];
  private pendingNudge = false;
  private readonly pendingCancels = new Set<string>();
  private readonly exitWaiters: Array<() => void> = [];
  private readonly statusListeners = new Set<(status: WorkerStatus) => void>();

  constructor(private readonly options: SupervisorOptions) {}

  getStatus(): WorkerStatus {
    return { ...this.status, running_jobs: [...this.status.running_jobs] };
  }

  onStatus(listener: (status: WorkerStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Starts the worker; resolves at its first `ready` (restarts go on in the background). */
  start(): Promise<void> {
    this.stopRequested = false;
    const ready = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    this.launch();
    return ready;
  }

  /** Resolves once a worker process is up (at once if it already is). */
  whenReady(): Promise<void> {
    if (this.status.state === 'running') return Promise.resolve();
    return new Promise<void>((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Claim now. While the worker is (re)starting the nudge is kept and sent on `ready`, so a job
   * enqueued during a restart is not left to the poll.
   */
  nudge(): void {
    if (!this.sendNow({ type: 'nudge' })) this.pendingNudge = true;
  }

  /** Cancels are also persisted in MongoDB (the worker's heartbeat sees them); this makes them instant. */
  cancel(jobId: string): void {
    if (!this.sendNow({ type: 'cancel', job_id: jobId })) this.pendingCancels.add(jobId);
  }

  /**
   * Restart on request (admin "restart worker"): a graceful stop, then a fresh process. Returns once
   * it is ready or after `deadlineMs` — a worker that keeps crashing must not hang the caller; its
   * state and last exit reason say what is happening.
   */
  async restart(deadlineMs = 10_000): Promise<void> {
    await this.stop(deadlineMs);
    this.status.restarts += 1;
    await Promise.race([this.start(), new Promise((r) => setTimeout(r, deadlineMs))]);
  }

  async stop(deadlineMs = 10_000): Promise<void> {
    this.stopRequested = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    if (!worker) {
      this.update({ state: 'stopped', next_restart_at: null });
      return;
    }
    this.update({ state: 'stopping' });
    const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    worker.send({ type: 'shutdown' });
    const timer = setTimeout(() => {
      this.options.logger.warn({ deadlineMs }, 'worker did not stop in time; killing it');
      worker.kill();
    }, deadlineMs);
    await exited;
    clearTimeout(timer);
  }

  private sendNow(message: HostToWorker): boolean {
    if (!this.worker || this.status.state !== 'running') return false;
    this.worker.send(message);
    return true;
  }

  private flushPending(): void {
    for (const jobId of this.pendingCancels) this.sendNow({ type: 'cancel', job_id: jobId });
    this.pendingCancels.clear();
    if (this.pendingNudge) this.sendNow({ type: 'nudge' });
    this.pendingNudge = false;
  }

  private launch(): void {
    this.restartTimer = null;
    this.update({ state: this.status.restarts > 0 ? 'restarting' : 'starting', next_restart_at: null });
    let worker: WorkerProcess;
    try {
      worker = this.options.spawn();
    } catch (error) {
      this.handleExit({ code: null, signal: null, stderrTail: `spawn failed: ${String(error)}` });
      return;
    }
    this.worker = worker;
    this.startedAt = Date.now();
    this.lastSignAt = performance.now();
    this.killedForSilence = null;
    this.watchSilence(worker);
    this.update({ pid: worker.pid ?? null });
    this.readyTimer = setTimeout(() => {
      this.options.logger.error(
        { timeoutMs: this.readyTimeoutMs },
        'worker did not report ready in time; killing it',
      );
      worker.kill();
    }, this.readyTimeoutMs);
    worker.onMessage((raw) => this.handleMessage(raw));
    worker.onExit((exit) => {
      if (this.worker === worker) this.handleExit(exit);
    });
  }

  private get readyTimeoutMs(): number {
    return this.options.readyTimeoutMs ?? 15_000;
  }

  /**
   * Heartbeats are the worker's proof of life; their absence is acted on, not just noticed. The
   * check runs only while the worker is `running` (start-up has its own ready timeout).
   */
  private watchSilence(worker: WorkerProcess): void {
    if (this.silenceTimer) clearInterval(this.silenceTimer);
    const limit = this.options.hangAfterMs;
    if (!limit) return;
    const every = Math.max(50, Math.floor(limit / 4));
    let lastCheck = performance.now();
    this.silenceTimer = setInterval(() => {
      const now = performance.now();
      const stalled = now - lastCheck > limit / 2;
      lastCheck = now;
      // This process itself was blocked (a long synchronous task): the worker's heartbeats wait
      // unread behind this timer, so its silence is ours. Start counting again.
      if (stalled) this.lastSignAt = now;
      if (this.worker !== worker || this.status.state !== 'running') return;
      const silent = now - this.lastSignAt;
      if (silent <= limit) return;
      this.killedForSilence = Math.round(silent);
      this.options.logger.error(
        { pid: worker.pid, silentMs: this.killedForSilence, limitMs: limit },
        'worker stopped sending heartbeats; killing and restarting it',
      );
      worker.kill();
    }, every);
    this.silenceTimer.unref();
  }

  private handleMessage(raw: unknown): void {
    this.lastSignAt = performance.now();
    const parsed = WorkerToHostSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.logger.warn(
        { issues: parsed.error.issues.slice(0, 3) },
        'invalid message from the worker',
      );
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        if (this.readyTimer) clearTimeout(this.readyTimer);
        this.update({ state: 'running', pid: message.pid, concurrency: message.concurrency });
        this.options.logger.info({ pid: message.pid, owner: message.owner }, 'worker ready');
        for (const resolve of this.readyWaiters.splice(0)) resolve();
        this.flushPending();
        break;
      case 'event':
        this.options.events.publish(message.event);
        break;
      case 'heartbeat':
        this.update({ running_jobs: message.running });
        if (Date.now() - this.startedAt > (this.options.stableAfterMs ?? 60_000))
          this.consecutiveFailures = 0;
        break;
      case 'log':
        this.options.logger[message.level]({ component: 'worker', ...message.data }, message.message);
        break;
      case 'stopped':
        this.options.logger.info({ released: message.released }, 'worker stopped; leases released');
        break;
    }
  }

  private handleExit(exit: WorkerExit): void {
    if (this.readyTimer) clearTimeout(this.readyTimer);
    if (this.silenceTimer) clearInterval(this.silenceTimer);
    this.silenceTimer = null;
    this.worker = null;
    const expected = this.stopRequested;
    const reason =
      this.killedForSilence === null
        ? exitReason(exit)
        : `sin latido durante ${Math.round(this.killedForSilence / 1000)} s: proceso detenido y reiniciado`;
    this.update({
      pid: null,
      running_jobs: [],
      last_exit: { code: exit.code, signal: exit.signal, reason, at: new Date() },
    });
    for (const resolve of this.exitWaiters.splice(0)) resolve();
    if (expected) {
      this.update({ state: 'stopped' });
      return;
    }
    this.consecutiveFailures += 1;
    const delay = backoffDelay(
      this.consecutiveFailures,
      this.options.restartBaseMs ?? 500,
      this.options.restartMaxMs ?? 30_000,
    );
    this.status.restarts += 1;
    this.update({ state: 'restarting', next_restart_at: new Date(Date.now() + delay) });
    this.options.logger.error(
      { code: exit.code, signal: exit.signal, reason, restartInMs: delay, restarts: this.status.restarts },
      'worker exited unexpectedly; restarting',
    );
    this.restartTimer = setTimeout(() => this.launch(), delay);
  }

  private update(patch: Partial<WorkerStatus>): void {
    this.status = { ...this.status, ...patch };
    const snapshot = this.getStatus();
    for (const listener of this.statusListeners) listener(snapshot);
  }
}

function exitReason(exit: WorkerExit): string {
  const how = exit.signal ? `señal ${exit.signal}` : `código ${exit.code ?? '?'}`;
  const lastLine = exit.stderrTail.trim().split('\n').at(-1);
  return lastLine ? `${how}: ${lastLine}` : how;
}
