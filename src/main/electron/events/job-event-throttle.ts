import type { JobEvent } from '@shared/job-events';

const TERMINAL = new Set<JobEvent['type']>(['completed', 'failed']);

/** Jobs remembered for the staleness check; a long session forgets the oldest first. */
const MAX_TRACKED_JOBS = 1_000;

interface JobState {
  lastSentAt: number;
  lastSent: JobEvent | null;
  pending: JobEvent | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Job events for the UI, at most one per job every `intervalMs` (a full plan emits a burst when
 * agents finish together): the newest state is always delivered (trailing edge), `completed` and
 * `failed` go out at once and are never dropped, and a state of an older revision than one already
 * sent is skipped (the bus orders by revision already; this keeps the rule where events are held).
 */
export class JobEventThrottle {
  private readonly jobs = new Map<string, JobState>();

  constructor(
    private readonly emit: (event: JobEvent) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  push(event: JobEvent): void {
    const state = this.state(event.job_id);
    if (this.isStale(event, state)) return;
    if (TERMINAL.has(event.type)) {
      this.clearTimer(state);
      state.pending = null;
      this.send(state, event);
      return;
    }
    const wait = state.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0 && !state.timer) {
      this.send(state, event);
      return;
    }
    state.pending = event;
    state.timer ??= setTimeout(() => this.flushJob(state), Math.max(wait, 0));
  }

  /** Sends everything held back (on quit, so the last states are not lost). */
  flush(): void {
    for (const state of this.jobs.values()) this.flushJob(state);
  }

  dispose(): void {
    for (const state of this.jobs.values()) this.clearTimer(state);
    this.jobs.clear();
  }

  private isStale(event: JobEvent, state: JobState): boolean {
    const newest = state.pending ?? state.lastSent;
    return newest !== null && event.rev < newest.rev;
  }

  private flushJob(state: JobState): void {
    this.clearTimer(state);
    const pending = state.pending;
    state.pending = null;
    if (pending) this.send(state, pending);
  }

  private send(state: JobState, event: JobEvent): void {
    state.lastSentAt = this.now();
    state.lastSent = event;
    this.emit(event);
  }

  private clearTimer(state: JobState): void {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
  }

  private state(jobId: string): JobState {
    let state = this.jobs.get(jobId);
    if (state) {
      // Re-insert so the Map's order is least-recently-used first.
      this.jobs.delete(jobId);
    } else {
      state = { lastSentAt: Number.NEGATIVE_INFINITY, lastSent: null, pending: null, timer: null };
    }
    this.jobs.set(jobId, state);
    if (this.jobs.size > MAX_TRACKED_JOBS) this.evictOldest();
    return state;
  }

  private evictOldest(): void {
    for (const [id, state] of this.jobs) {
      if (state.pending || state.timer) continue;
      this.jobs.delete(id);
      return;
    }
  }
}
