import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobEvent } from '../../../src/shared/job-events';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { toPublicJob } from '../../../src/shared/job';
import { JobEventThrottle } from '../../../src/main/electron/events/job-event-throttle';
import { RendererEventQueue } from '../../../src/main/electron/events/renderer-event-queue';
import { RendererEvents } from '../../../src/main/electron/events/renderer-events';
import { silentLogger } from '../../../src/main/log/logger';

// Pure event plumbing; a webContents is faked as {isDestroyed, send}. Timers are Vitest's fake timers.
const base = buildPendingJob({ user_id: 'u-1', submission_id: 's-1', type: 'full' }, new Date(0));

function event(type: JobEvent['type'], percentage: number, updatedAt: number, jobId = base._id): JobEvent {
  const job = toPublicJob({
    ...base,
    _id: jobId,
    status: type === 'completed' ? 'completed' : type === 'failed' ? 'failed' : 'running',
    progress: { ...base.progress, percentage },
    updated_at: new Date(updatedAt),
  });
  // The revision follows the test's clock here: later states have higher revisions.
  return { type, job_id: jobId, at: new Date(updatedAt), rev: updatedAt, job };
}

describe('JobEventThrottle', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function collect() {
    const sent: JobEvent[] = [];
    const throttle = new JobEventThrottle((e) => sent.push(e), 100);
    return { sent, throttle, pct: () => sent.map((e) => e.job.progress.percentage) };
  }

  it('sends the first event at once, then at most one per 100 ms per job, always the newest', () => {
    const { throttle, pct } = collect();
    throttle.push(event('progress', 5, 1));
    for (let p = 6; p <= 20; p++) throttle.push(event('progress', p, p));
    expect(pct()).toEqual([5]);
    vi.advanceTimersByTime(99);
    expect(pct()).toEqual([5]);
    vi.advanceTimersByTime(1);
    expect(pct()).toEqual([5, 20]);
    vi.advanceTimersByTime(1_000);
    expect(pct()).toEqual([5, 20]);
  });

  it('throttles each job separately', () => {
    const { throttle, sent } = collect();
    throttle.push(event('progress', 1, 1, 'a'));
    throttle.push(event('progress', 1, 1, 'b'));
    expect(sent.map((e) => e.job_id)).toEqual(['a', 'b']);
  });

  it('sends completed and failed at once, superseding a held-back progress, never dropped', () => {
    const { throttle, sent, pct } = collect();
    throttle.push(event('progress', 50, 1));
    throttle.push(event('progress', 90, 2));
    throttle.push(event('completed', 100, 3));
    expect(pct()).toEqual([50, 100]);
    vi.advanceTimersByTime(500);
    expect(sent.map((e) => e.type)).toEqual(['progress', 'completed']);
    // Back-to-back terminal events (retry → failed again) both arrive.
    throttle.push(event('failed', 100, 4));
    expect(sent.map((e) => e.type)).toEqual(['progress', 'completed', 'failed']);
  });

  it('skips a state older than one already sent or held (two publishers may cross)', () => {
    const { throttle, pct } = collect();
    throttle.push(event('progress', 40, 10));
    throttle.push(event('progress', 30, 5));
    vi.advanceTimersByTime(200);
    expect(pct()).toEqual([40]);
    throttle.push(event('progress', 60, 20));
    throttle.push(event('completed', 100, 30));
    throttle.push(event('progress', 60, 20));
    expect(pct()).toEqual([40, 60, 100]);
  });

  it('flush() sends what is held back (on quit)', () => {
    const { throttle, pct } = collect();
    throttle.push(event('progress', 1, 1));
    throttle.push(event('progress', 2, 2));
    throttle.flush();
    expect(pct()).toEqual([1, 2]);
    throttle.dispose();
  });
});

describe('RendererEventQueue', () => {
  function target() {
    const sent: Array<[string, unknown]> = [];
    let destroyed = false;
    return {
      sent,
      destroy: () => (destroyed = true),
      target: { isDestroyed: () => destroyed, send: (c: string, p: unknown) => sent.push([c, p]) },
    };
  }

  it('holds events until the renderer is ready, then sends them in order', () => {
    const t = target();
    const queue = new RendererEventQueue(t.target);
    queue.send({ channel: 'a', payload: 1, key: null });
    queue.send({ channel: 'b', payload: 2, key: null });
    expect(t.sent).toEqual([]);
    queue.markReady();
    expect(t.sent).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    queue.send({ channel: 'c', payload: 3, key: null });
    expect(t.sent.at(-1)).toEqual(['c', 3]);
  });

  it('keeps only the newest state per key, moved after older events', () => {
    const t = target();
    const queue = new RendererEventQueue(t.target);
    queue.send({ channel: 'job', payload: 'j1-10%', key: 'job:1' });
    queue.send({ channel: 'job', payload: 'j1-failed', key: null });
    queue.send({ channel: 'job', payload: 'j1-retrying', key: 'job:1' });
    queue.markReady();
    expect(t.sent.map(([, p]) => p)).toEqual(['j1-failed', 'j1-retrying']);
  });

  it('holds again after a reload, and drops everything for a destroyed window', () => {
    const t = target();
    const queue = new RendererEventQueue(t.target);
    queue.markReady();
    queue.reset();
    queue.send({ channel: 'x', payload: 1, key: 'k' });
    expect(t.sent).toEqual([]);
    t.destroy();
    queue.markReady();
    queue.send({ channel: 'y', payload: 2, key: null });
    expect(t.sent).toEqual([]);
  });

  it('is bounded while not ready', () => {
    const t = target();
    const queue = new RendererEventQueue(t.target, 3);
    for (let i = 0; i < 5; i++) queue.send({ channel: 'e', payload: i, key: null });
    expect(queue.size).toBe(3);
    queue.markReady();
    expect(t.sent.map(([, p]) => p)).toEqual([2, 3, 4]);
  });
});

describe('RendererEvents', () => {
  it('broadcasts contract-checked payloads to every window, per-window readiness', () => {
    const events = new RendererEvents(silentLogger());
    const a: unknown[] = [];
    const b: unknown[] = [];
    events.attach(1, { isDestroyed: () => false, send: (_c, p) => a.push(p) });
    events.attach(2, { isDestroyed: () => false, send: (_c, p) => b.push(p) });
    events.markReady(1);
    const e = event('progress', 10, 1);
    events.broadcast('job', e, `job:${e.job_id}`);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(0);
    events.markReady(2);
    expect(b).toHaveLength(1);
    events.detach(1);
    events.broadcast('startup', { phase: 'starting', step: 'database' }, 'startup');
    expect(a).toHaveLength(1);
  });

  it('drops a payload that does not match the contract instead of sending it', () => {
    const events = new RendererEvents(silentLogger());
    const sent: unknown[] = [];
    events.attach(1, { isDestroyed: () => false, send: (_c, p) => sent.push(p) });
    events.markReady(1);
    events.broadcast('startup', { phase: 'bogus' } as never, 'startup');
    expect(sent).toEqual([]);
  });
});
