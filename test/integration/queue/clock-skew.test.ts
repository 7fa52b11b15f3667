import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { DatabaseClock, enqueue } from '../../../src/main/queue';
import { QueueMaintenanceLoop } from '../../../src/main/queue/maintenance-loop';
import type { JobPipeline } from '../../../src/main/pipeline/pipeline-types';
import { JobWorker } from '../../../src/main/worker/job-worker';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { waitFor } from '../../support/worker-harness';

/*
 * Three instances of a clinic on one database, each with its own connection and its own wall clock:
 * one 5 minutes fast, one 5 minutes slow, one right. Each runs the production DatabaseClock with
 * its skewed wall clock injected (on a server that gives its time the offset cancels the skew; the
 * test server gives none, so this exercises the fallback: expiry by observation, `run_ms`).
 */
const testDb = useTestDatabase();
const MINUTES_5 = 5 * 60_000;
const LEASE_MS = 1_500;
const STEPS = 4;
const STEP_MS = 450; // a job runs ~1.8 s: longer than a lease, so every job needs its heartbeats

/** Four agents, each a short wait and a checkpoint, like the real pipeline at a tiny scale. */
const slowPipeline: JobPipeline = {
  run: async (context) => {
    for (let i = 1; i <= STEPS; i++) {
      const startedAt = new Date();
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      await context.completeStep({
        agentId: `E${i}`,
        phase: 'training',
        output: { paso: i },
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        costUsd: 0,
        model: 'm',
        startedAt,
      });
    }
    return { training_plan_id: null, nutrition_plan_id: null };
  },
};

const clients: MongoClient[] = [];
const stoppers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const stop of stoppers) await stop();
  await Promise.all(clients.map((c) => c.close()));
});

async function instance(name: string, skewMs: number): Promise<void> {
  const client = await MongoClient.connect(testDb.uri);
  clients.push(client);
  const db = client.db(testDb.dbName);
  const clock = await new DatabaseClock(db, { localNow: () => Date.now() + skewMs }).start();
  const jobs = getCollections(db).jobs;
  const worker = new JobWorker({
    jobs,
    repositories: createRepositories(db),
    pipeline: slowPipeline,
    owner: name,
    concurrency: 2,
    pollIntervalMs: 100,
    clock,
    settings: {
      leaseMs: LEASE_MS,
      heartbeatMs: 250,
      jobTimeoutMs: 60_000,
      offlineBaseMs: 100,
      offlineMaxMs: 1_000,
      retryBaseMs: 100,
      retryMaxMs: 1_000,
    },
    emit: () => undefined,
    log: () => undefined,
  });
  // Its host heals the queue too, with the same skewed clock.
  const host = new QueueMaintenanceLoop(jobs, {
    clock,
    leaseMs: LEASE_MS,
    defaultTimeoutMs: 60_000,
    intervalMs: 100,
    publish: () => undefined,
    onError: () => undefined,
  });
  worker.start();
  host.start();
  stoppers.push(async () => {
    await host.stop();
    await worker.stop();
    clock.stop();
  });
}

describe('clock skew between instances', () => {
  it('±5 min between three instances: 0 stolen leases, 0 extra attempts, every job completes', async () => {
    await clearCollections(testDb.db);
    const jobs = getCollections(testDb.db).jobs;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await enqueue(jobs, { user_id: 'u', submission_id: `s${i}`, type: 'training' }))._id);
    await instance('rapida', +MINUTES_5);
    await instance('lenta', -MINUTES_5);
    await instance('en-hora', 0);

    const done = await waitFor(
      async () => {
        const all = await jobs.find({ _id: { $in: ids } }).toArray();
        return all.every((job) => job.status === 'completed') ? all : null;
      },
      60_000,
      'every job completed',
    );
    const stolen = done.filter((job) => job.execution_log.some((e) => e.event === 'lease_expired'));
    expect(stolen.map((job) => job._id)).toEqual([]);
    expect(done.map((job) => job.attempts)).toEqual(ids.map(() => 1));
    // Every agent ran once per job: nobody re-ran work another instance still owned.
    expect(await getCollections(testDb.db).steps.countDocuments({ job_id: { $in: ids } })).toBe(
      ids.length * STEPS,
    );
    // All three instances took part, so the skewed ones did run jobs under others' eyes.
    const owners = new Set(
      done.flatMap((job) => job.execution_log.filter((e) => e.event === 'started').map((e) => e.message)),
    );
    expect([...owners].join(' ')).toMatch(/rapida/);
    expect([...owners].join(' ')).toMatch(/lenta/);
  });
});
