import { afterAll, describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { STEP_EXECUTIONS_COLLECTION } from '../../../src/main/worker/simulated-pipeline';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { startHost, waitFor, workerEnv, type Host } from '../../support/worker-harness';

// Real worker processes (forked Node children running the worker entry) on the real MongoDB wire server.
const testDb = useTestDatabase();
const hosts: Host[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});

describe('worker processes', () => {
  it('10 queued jobs with concurrency 2: never more than 2 running, all complete, pickup without waiting for the poll', async () => {
    await clearCollections(testDb.db);
    const env = workerEnv({
      uri: testDb.uri,
      dbName: testDb.dbName,
      pipeline: { stepDelayMs: 20 },
      // A long poll: only the host's nudge can explain a fast pickup.
      env: { EDN_POLL_INTERVAL_MS: '10000' },
    });
    const host = await startHost(testDb.db, env);
    hosts.push(host);
    const jobs = getCollections(testDb.db).jobs;

    let maxRunning = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxRunning = Math.max(maxRunning, await jobs.countDocuments({ status: 'running' }));
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const running = new Set<string>();
    let maxByEvents = 0;
    host.events.subscribe((event) => {
      if (event.type === 'claimed') running.add(event.job_id);
      if (['completed', 'failed', 'waiting'].includes(event.type)) running.delete(event.job_id);
      maxByEvents = Math.max(maxByEvents, running.size);
    });

    const created: string[] = [];
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) {
      created.push((await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' }))._id);
    }
    const firstClaim = await waitFor(
      async () => host.received.find((e) => e.type === 'claimed'),
      5000,
      'first claim',
    );
    expect(firstClaim.at.getTime() - t0).toBeLessThan(5000);

    await waitFor(
      async () => (await jobs.countDocuments({ status: 'completed' })) === 10,
      60_000,
      '10 completed',
    );
    sampling = false;
    await sampler;
    expect(maxRunning).toBeLessThanOrEqual(2);
    expect(maxByEvents).toBe(2);
    const done = await jobs.find({ _id: { $in: created } }).toArray();
    for (const job of done) {
      expect(job.status).toBe('completed');
      expect(job.progress).toMatchObject({ completed_steps: 9, total_steps: 9, percentage: 100 });
      expect(job.result.training_plan_id).toBe(`tp_${job._id}`);
      expect(Object.keys(job.token_usage.by_agent)).toHaveLength(9);
    }
    // Every agent's start and end reached subscribers, in order, with the job attached.
    const progress = host.received.filter((e) => e.type === 'progress' && e.job_id === created[0]);
    const steps = progress.map((e) => e.job.progress.completed_steps);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect([...new Set(steps)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const started = progress.filter((e) => e.job.progress.running_agents.length > 0);
    expect(started.map((e) => e.job.progress.current_agent)).toEqual([
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E6',
      'E7',
      'E8',
      'E9',
    ]);
    expect(progress.find((e) => e.job.progress.completed_steps === 5)?.job.progress.percentage).toBe(55.6);
    await host.stop();
  });

  it('3 worker processes on one database, 200 jobs: every job and every step runs exactly once', async () => {
    await clearCollections(testDb.db);
    await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).deleteMany({});
    const fleet = await Promise.all(
      [0, 1, 2].map(() =>
        startHost(
          testDb.db,
          workerEnv({
            uri: testDb.uri,
            dbName: testDb.dbName,
            pipeline: { stepDelayMs: 0 },
            env: { EDN_RECORD_STEP_EXECUTIONS: '1', EDN_POLL_INTERVAL_MS: '100' },
          }),
        ),
      ),
    );
    hosts.push(...fleet);
    const jobs = getCollections(testDb.db).jobs;
    // Written straight into MongoDB, as another app instance would: only the poll finds them.
    const { enqueue } = await import('../../../src/main/queue');
    for (let i = 0; i < 200; i++) await enqueue(jobs, { user_id: 'u', submission_id: 's', type: 'training' });

    await waitFor(
      async () => (await jobs.countDocuments({ status: 'completed' })) === 200,
      240_000,
      '200 completed',
      250,
    );
    expect(await jobs.countDocuments({ status: { $in: ['pending', 'running', 'failed'] } })).toBe(0);
    // Counted here rather than with $group: the test server groups only on scalar keys.
    const counts = new Map<string, number>();
    for (const e of await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).find().toArray()) {
      const key = `${String(e['job_id'])}:${String(e['agent_id'])}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(200 * 9);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
    expect(await getCollections(testDb.db).trainingPlans.countDocuments({})).toBe(200);
    const pids = await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).distinct('pid');
    expect(pids.length).toBeGreaterThan(1); // the work really was shared
    await Promise.all(fleet.map((h) => h.stop()));
  }, 300_000);
});
