import type { ChangeStream, ChangeStreamDocument } from 'mongodb';
import { toPublicJob, type GenerationJob } from '@shared/job';
import { eventTypeForState, jobEvent, type JobEventBus } from './job-events';
import type { JobCollection } from './job-update';

export type WatchMode = 'change_stream' | 'poll';

export interface JobWatcherOptions {
  /** How often the shared poll reads the watched set when change streams are not available. */
  pollMs: number;
  /** 'auto': change streams where the server has them (replica sets, Atlas), else the poll. */
  mode?: 'auto' | 'poll';
  onError?: (error: unknown) => void;
}

const ACTIVE = ['pending', 'running'] as const;
/** Bound on one poll's set: a clinic's active jobs plus what screens watch, far below it. */
const MAX_POLLED = 2_000;
/** How long a refusal of the change stream may take to arrive before the stream counts as open. */
const CHANGE_STREAM_PROBE_MS = 2_000;

/**
 * The host's one view of jobs run anywhere (issue #17 point 1). This host's own events reach the
 * bus at once (queue actions, its worker over IPC); jobs run by other instances' workers reach it
 * through here, so SSE, the desktop bridge and the jobs table all hear them from the same bus:
 *
 * - **change streams** where the server supports them: every write of every job, as it happens;
 * - otherwise **one shared poll** per host: the active jobs (pending or running), the jobs active at
 *   the previous poll (to see them finish) and those a stream asked for (`watch`). One light query
 *   reads their revisions; only the jobs whose revision moved past what the bus delivered are read
 *   whole and published.
 *
 * The bus orders by revision, so a state seen here and also sent by this host's worker goes out once.
 */
export class JobWatcher {
  private readonly watched = new Map<string, number>();
  private previouslyActive = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private stream: ChangeStream<GenerationJob> | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;
  private currentMode: WatchMode = 'poll';

  constructor(
    private readonly jobs: JobCollection,
    private readonly events: JobEventBus,
    private readonly options: JobWatcherOptions,
  ) {}

  get mode(): WatchMode {
    return this.currentMode;
  }

  async start(): Promise<void> {
    if ((this.options.mode ?? 'auto') === 'auto' && (await this.openChangeStream())) return;
    this.startPolling();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.stream?.close().catch(() => undefined);
    this.stream = null;
    await this.polling;
  }

  /** Keeps a job in the poll's set while a stream follows it (even once finished); returns the undo. */
  watch(jobId: string): () => void {
    this.watched.set(jobId, (this.watched.get(jobId) ?? 0) + 1);
    return () => {
      const count = (this.watched.get(jobId) ?? 1) - 1;
      if (count <= 0) this.watched.delete(jobId);
      else this.watched.set(jobId, count);
    };
  }

  /** One pass of the poll now (joined if one is running); tests and the poll timer call it. */
  pollOnce(): Promise<void> {
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private startPolling(): void {
    this.currentMode = 'poll';
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => void this.pollOnce(), this.options.pollMs);
    this.timer.unref();
    void this.pollOnce();
  }

  /**
   * Servers without change streams (a standalone mongod, the test server) refuse the `watch`
   * aggregation at once; a refusal within the first seconds chooses the poll at start-up. A stream
   * that opened (its first resume token, a first change, or simply no refusal) is kept.
   */
  private openChangeStream(): Promise<boolean> {
    return new Promise((resolve) => {
      let stream: ChangeStream<GenerationJob>;
      try {
        stream = this.jobs.watch([], { fullDocument: 'updateLookup' });
      } catch {
        resolve(false);
        return;
      }
      let decided = false;
      const accept = (): void => {
        if (decided) return;
        decided = true;
        clearTimeout(timer);
        stream.off('error', refuse);
        this.stream = stream;
        this.currentMode = 'change_stream';
        // A stream the driver could not resume (failover, permissions) hands over to the poll.
        stream.on('error', (error) => {
          this.options.onError?.(error);
          if (this.stream === stream) this.stream = null;
          void stream.close().catch(() => undefined);
          this.startPolling();
        });
        resolve(true);
      };
      const refuse = (): void => {
        if (decided) return;
        decided = true;
        clearTimeout(timer);
        void stream.close().catch(() => undefined);
        resolve(false);
      };
      const timer = setTimeout(accept, CHANGE_STREAM_PROBE_MS);
      stream.once('error', refuse);
      stream.once('resumeTokenChanged', accept);
      // Attaching the listener starts the stream.
      stream.on('change', (change: ChangeStreamDocument<GenerationJob>) => {
        accept();
        this.onChange(change);
      });
    });
  }

  private onChange(change: ChangeStreamDocument<GenerationJob>): void {
    if (
      change.operationType !== 'insert' &&
      change.operationType !== 'update' &&
      change.operationType !== 'replace'
    )
      return;
    const job = change.fullDocument;
    if (job) this.publish(job);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const ids = [...new Set([...this.previouslyActive, ...this.watched.keys()])];
      const revisions = await this.jobs
        .find(
          { $or: [{ status: { $in: [...ACTIVE] } }, { _id: { $in: ids } }] },
          { projection: { _id: 1, rev: 1, status: 1 } },
        )
        .limit(MAX_POLLED)
        .toArray();
      const moved = revisions
        .filter((job) => job.rev > (this.events.lastRevision(job._id) ?? -1))
        .map((job) => job._id);
      if (moved.length > 0)
        for (const job of await this.jobs.find({ _id: { $in: moved } }).toArray()) this.publish(job);
      // Only now: a read that failed above leaves a job that just finished in the set, to be seen next time.
      this.previouslyActive = new Set(
        revisions.filter((job) => job.status === 'pending' || job.status === 'running').map((job) => job._id),
      );
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private publish(job: GenerationJob): void {
    // A heartbeat moves the revision and nothing a screen shows: no event for it.
    if (this.events.skipUnchanged(job._id, job.rev, toPublicJob(job))) return;
    this.events.publish(jobEvent(eventTypeForState(job), job));
  }
}
