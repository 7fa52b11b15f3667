import { afterEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../src/shared/job-events';
import { getCollections } from '../../../src/main/db/collections';
import { claimNextJob, enqueue, recordStepCompleted, renewLease } from '../../../src/main/queue';
import { JobEventBus, jobEvent } from '../../../src/main/queue/job-events';
import { JobWatcher } from '../../../src/main/queue/job-watcher';
import { clearCollections, useTestDatabase } from '../../support/test-db';

// The host's job watcher on the test database, driven one poll at a time (the test server has no
// change streams, so this is the poll the clinic's instances use there).
const testDb = useTestDatabase();
const jobs = () => getCollections(testDb.db).jobs;
let watcher: JobWatcher | null = null;
afterEach(async () => {
  await watcher?.stop();
  await clearCollections(testDb.db);
});

const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };

describe('JobWatcher (shared poll)', () => {
  it('publishes what another instance writes, once, in revision order; a heartbeat alone is no event', async () => {
    const events = new JobEventBus();
    const seen: JobEvent[] = [];
    events.subscribe((event) => seen.push(event));
    watcher = new JobWatcher(jobs(), events, { pollMs: 60_000, mode: 'poll' });
    await watcher.start();
    expect(watcher.mode).toBe('poll');

    const { _id } = await enqueue(jobs(), { user_id: 'u', submission_id: 's', type: 'training' });
    await watcher.pollOnce();
    const job = (await claimNextJob(jobs(), { owner: 'otra:1:a', leaseMs: 60_000 }))!;
    await watcher.pollOnce();
    await renewLease(jobs(), _id, job.lease!.token, 60_000);
    await renewLease(jobs(), _id, job.lease!.token, 60_000);
    await watcher.pollOnce();
    const step = await recordStepCompleted(jobs(), _id, job.lease!.token, {
      agentId: 'E1',
      phase: 'training',
      completedSteps: 1,
      usage,
      costUsd: 0,
    });
    // The same state also arrives from this host's own worker: delivered once.
    events.publish(jobEvent('progress', step!));
    await watcher.pollOnce();
    await watcher.pollOnce();

    expect(seen.map((e) => [e.type, e.job.status, e.job.progress.completed_steps])).toEqual([
      ['created', 'pending', 0],
      ['claimed', 'running', 0],
      ['progress', 'running', 1],
    ]);
    const revisions = seen.map((e) => e.rev);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(seen[1]?.job.running_on).toBe('otra');
  });

  it('a finished job is still published when the read that should have seen it failed', async () => {
    const events = new JobEventBus();
    const seen: string[] = [];
    events.subscribe((event) => seen.push(event.job.status));
    const { _id } = await enqueue(jobs(), { user_id: 'u', submission_id: 's', type: 'training' });
    await claimNextJob(jobs(), { owner: 'otra:1:a', leaseMs: 60_000 });
    // The jobs collection with one full read failing on demand (a database blip).
    const collection = jobs();
    const find = collection.find.bind(collection);
    let failFullRead = false;
    collection.find = ((...args: Parameters<typeof find>) => {
      const filter = args[0] as Record<string, unknown>;
      if (failFullRead && !('$or' in filter)) {
        failFullRead = false;
        throw new Error('ECONNRESET');
      }
      return find(...args);
    }) as typeof collection.find;
    watcher = new JobWatcher(collection, events, { pollMs: 60_000, mode: 'poll' });
    await watcher.pollOnce(); // the job runs
    await jobs().updateOne({ _id }, { $set: { status: 'completed', rev: 99, completed_at: new Date() } });
    failFullRead = true;
    await watcher.pollOnce(); // it finished, but reading it fails
    expect(seen).toEqual(['running']);
    await watcher.pollOnce(); // still watched: seen now
    expect(seen).toEqual(['running', 'completed']);
  });
});
