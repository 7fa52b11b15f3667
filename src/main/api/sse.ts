import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { JobStreamEvent } from '@shared/api';
import { toPublicJob, type GenerationJob, type PublicJob } from '@shared/job';
import type { JobEvent } from '@shared/job-events';
import type { JobEventBus } from '../queue/job-events';

const TERMINAL = new Set(['completed', 'failed']);

function isTerminal(job: PublicJob): boolean {
  return TERMINAL.has(job.status);
}

type StreamEventType = JobStreamEvent['type'];

/** One SSE message; JSON has no raw newlines, so a single `data:` line carries it. */
export function formatSse(type: StreamEventType, jobId: string, at: Date, job: object): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, job_id: jobId, at, job })}\n\n`;
}

export interface SseLimits {
  /** Streams one client address may hold open at once. */
  perClient: number;
  /** Streams the whole server holds open at once. */
  total: number;
}

/**
 * Streams open right now, so the server can end them when it stops (an open SSE response would
 * otherwise keep `close()` waiting forever), and the places they hold under the caps per client
 * address and overall (issue #17 point 6: an open stream costs a timer and a database poll).
 */
export class SseStreams {
  private readonly open = new Set<() => void>();
  private readonly perClient = new Map<string, number>();
  private claimed = 0;

  constructor(readonly limits: SseLimits = { perClient: Infinity, total: Infinity }) {}

  /**
   * Takes one place for a stream of `client` before anything is read, so concurrent requests cannot
   * all slip under a cap: null when the client or the server is at its cap, otherwise the function
   * that gives the place back (once, however often it is called).
   */
  claim(client: string): (() => void) | null {
    const held = this.perClient.get(client) ?? 0;
    if (held >= this.limits.perClient || this.claimed >= this.limits.total) return null;
    this.perClient.set(client, held + 1);
    this.claimed += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.claimed -= 1;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }

  add(end: () => void): () => void {
    this.open.add(end);
    return () => this.open.delete(end);
  }

  endAll(): void {
    for (const end of [...this.open]) end();
  }

  get size(): number {
    return this.open.size;
  }
}

export interface JobStreamOptions {
  jobId: string;
  events: JobEventBus;
  /** Reads the job as stored (with its revision); null = not found (404 before streaming). */
  readJob: () => Promise<GenerationJob | null>;
  /**
   * Asks the host's job watcher (src/main/queue/job-watcher.ts) to follow this job, so states
   * written by another instance's worker reach the bus; returns the undo.
   */
  watch: (jobId: string) => () => void;
  heartbeatMs: number;
  streams: SseStreams;
  /**
   * What each message carries of the job: the whole document for a caller with the admin token,
   * the public view (`publicJobStatus`) otherwise. Applied to every message, snapshot included.
   */
  view: (job: PublicJob) => object;
  /** The stream ends after this long (a comment says so; EventSource reconnects by itself). */
  maxLifetimeMs: number;
  /** Called once when the stream ends (or is never opened): gives back its place under the caps. */
  onEnd?: () => void;
}

/**
 * `GET /jobs/{id}/events`: the job as it is now (`snapshot`), then every later state of it in
 * revision order, ending after `completed` or `failed`. The states come from the host's one bus,
 * fed by this host's worker and by the job watcher for jobs run elsewhere (no poll per stream).
 *
 * We subscribe before reading the snapshot so nothing published in between is lost; events that
 * arrive meanwhile are held back and only those of a newer revision than the snapshot are sent
 * (older ones are already reflected in it, and sending them would move a client backwards).
 */
export async function streamJobEvents(reply: FastifyReply, options: JobStreamOptions): Promise<boolean> {
  const pending: JobEvent[] = [];
  let forward: ((event: JobEvent) => void) | null = null;
  const unsubscribe = options.events.subscribe((event) => {
    if (event.job_id !== options.jobId) return;
    if (forward) forward(event);
    else pending.push(event);
  });
  const unwatch = options.watch(options.jobId);
  let stored: GenerationJob | null;
  try {
    stored = await options.readJob();
  } catch (error) {
    unsubscribe();
    unwatch();
    options.onEnd?.();
    throw error;
  }
  if (!stored) {
    unsubscribe();
    unwatch();
    options.onEnd?.();
    return false;
  }

  const stream = new PassThrough();
  let ended = false;
  let heartbeat: NodeJS.Timeout | null = null;
  let lifetime: NodeJS.Timeout | null = null;
  const end = (): void => {
    if (ended) return;
    ended = true;
    unsubscribe();
    unwatch();
    forgetStream();
    if (heartbeat) clearInterval(heartbeat);
    if (lifetime) clearTimeout(lifetime);
    options.onEnd?.();
    stream.end();
  };
  const forgetStream = options.streams.add(end);
  const write = (type: StreamEventType, at: Date, job: PublicJob): void => {
    if (ended) return;
    stream.write(formatSse(type, options.jobId, at, options.view(job)));
    // A terminal event ends the stream; so does a snapshot of a job that has already finished.
    if (TERMINAL.has(type) || (type === 'snapshot' && isTerminal(job))) end();
  };

  reply
    .code(200)
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    .header('connection', 'keep-alive')
    // nginx and similar proxies buffer responses unless told not to.
    .header('x-accel-buffering', 'no');
  // The client went away (tab closed, curl interrupted): stop listening at once.
  reply.raw.on('close', end);

  // Tell EventSource clients how long to wait before reconnecting.
  stream.write('retry: 3000\n\n');
  let lastRev = stored.rev;
  write('snapshot', new Date(), toPublicJob(stored));
  const forwardIfNewer = (event: JobEvent): void => {
    if (event.rev <= lastRev) return;
    lastRev = event.rev;
    write(event.type, event.at, event.job);
  };
  for (const event of pending.splice(0)) forwardIfNewer(event);
  forward = forwardIfNewer;
  if (!ended) {
    heartbeat = setInterval(() => {
      if (!ended) stream.write(': ping\n\n');
    }, options.heartbeatMs);
    heartbeat.unref();
    // A stream may not stay open forever: it ends cleanly and the client reconnects for a fresh one.
    lifetime = setTimeout(() => {
      if (ended) return;
      stream.write(': duración máxima del flujo alcanzada; vuelve a conectar\n\n');
      end();
    }, options.maxLifetimeMs);
    lifetime.unref();
  }
  void reply.send(stream);
  return true;
}
