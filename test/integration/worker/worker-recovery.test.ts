import { afterAll, describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { enqueue, timeoutMessage } from '../../../src/main/queue';
import { STEP_EXECUTIONS_COLLECTION } from '../../../src/main/worker/simulated-pipeline';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { startHost, testWorkerSpawner, waitFor, workerEnv, type Host } from '../../support/worker-harness';

// Real worker processes, real kills, a real HTTP endpoint for the LLM: nothing here is mocked.
const testDb = useTestDatabase();
const hosts: Host[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});
const jobs = () => getCollections(testDb.db).jobs;
const job = (id: string) => jobs().findOne({ _id: id });

describe('recovery', () => {
  it('SIGKILL mid-job: after lease expiry a new worker resumes from the last finished step; one result', async () => {
    await clearCollections(testDb.db);
    await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).deleteMany({});
    const env = workerEnv({
      uri: testDb.uri,
      dbName: testDb.dbName,
      pipeline: { stepDelayMs: 250 },
      env: { EDN_RECORD_STEP_EXECUTIONS: '1', EDN_LEASE_MS: '1500', EDN_POLL_INTERVAL_MS: '200' },
    });
    // The first worker runs unsupervised so that nothing restarts it.
    const first = testWorkerSpawner(env)();
    const ready = new Promise<void>((resolve) =>
      first.onMessage((m) => (m as { type?: string }).type === 'ready' && resolve()),
    );
    await ready;
    const { _id } = await enqueue(jobs(), { user_id: 'u', submission_id: 's', type: 'training' });
    const before = await waitFor(
      async () => {
        const current = await job(_id);
        return current && current.progress.completed_steps >= 3 ? current : null;
      },
      20_000,
      '3 steps done',
    );
    const exited = new Promise<void>((resolve) => first.onExit(() => resolve()));
    first.kill(); // SIGKILL: no release, no goodbye
    await exited;
    const doneBeforeKill = before.progress.completed_steps;

    const host = await startHost(testDb.db, env);
    hosts.push(host);
    const finished = await waitFor(
      async () => {
        const current = await job(_id);
        return current?.status === 'completed' ? current : null;
      },
      30_000,
      'completion on the second worker',
    );

    expect(finished.attempts).toBe(2);
    expect(finished.execution_log.map((e) => e.event)).toContain('lease_expired');
    expect(Object.keys(finished.token_usage.by_agent)).toHaveLength(9);
    const executions = await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).find({ job_id: _id }).toArray();
    const runs = (agent: string) => executions.filter((e) => e['agent_id'] === agent).length;
    // Steps finished before the kill were not run again; at most the one in flight was.
    for (const agent of ['E1', 'E2', 'E3'].slice(0, doneBeforeKill)) expect(runs(agent)).toBe(1);
    expect(executions.length).toBeLessThanOrEqual(10);
    expect(new Set(executions.map((e) => e['pid'])).size).toBe(2);
    expect(await getCollections(testDb.db).trainingPlans.countDocuments({ job_id: _id })).toBe(1);
    expect(await getCollections(testDb.db).steps.countDocuments({ job_id: _id })).toBe(9);
    await host.stop();
  });

  it('a hanging step: the watchdog fails the job with the timeout message; the worker takes the next job', async () => {
    await clearCollections(testDb.db);
    const env = workerEnv({
      uri: testDb.uri,
      dbName: testDb.dbName,
      pipeline: { stepDelayMs: 10, hangAt: 'E2' },
      env: { EDN_JOB_TIMEOUT_MS: '3000', EDN_WORKER_CONCURRENCY: '1' },
    });
    const host = await startHost(testDb.db, env);
    hosts.push(host);
    const hung = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
    const next = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'nutrition' });
    const failed = await waitFor(
      async () => {
        const current = await job(hung._id);
        return current?.status === 'failed' ? current : null;
      },
      20_000,
      'watchdog failure',
    );
    expect(failed).toMatchObject({
      error_reason: 'timeout',
      error_message: timeoutMessage(3000),
      lease: null,
    });
    expect(failed.execution_log.at(-1)?.event).toBe('timeout');
    await waitFor(async () => (await job(next._id))?.status === 'completed', 20_000, 'next job completed');
    expect(host.supervisor.getStatus()).toMatchObject({ state: 'running', restarts: 0 });
    expect(host.received.some((e) => e.type === 'failed' && e.job_id === hung._id)).toBe(true);
    await host.stop();
  });

  it('LLM endpoint refusing connections: the job waits offline without spending attempts, then completes', async () => {
    await clearCollections(testDb.db);
    const llm = new FakeLlmServer();
    await llm.start();
    await llm.stop(); // same port, now refusing connections
    const env = workerEnv({
      uri: testDb.uri,
      dbName: testDb.dbName,
      pipeline: { stepDelayMs: 0, llm: true },
      env: {
        EDN_LLM_BASE_URL: llm.baseUrl,
        EDN_LLM_API_KEY: 'sk-test',
        EDN_OFFLINE_BACKOFF_MS: '100',
        EDN_OFFLINE_BACKOFF_MAX_MS: '400',
      },
    });
    const host = await startHost(testDb.db, env);
    hosts.push(host);
    const { _id } = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
    const waiting = await waitFor(
      async () => {
        const current = await job(_id);
        return current && current.offline_waits >= 3 ? current : null;
      },
      20_000,
      'offline waits',
    );
    expect(waiting.status === 'pending' || waiting.status === 'running').toBe(true);
    expect(waiting.attempts).toBeLessThanOrEqual(1);
    const waitingEvent = host.received.find((e) => e.type === 'waiting' && e.job_id === _id);
    expect(waitingEvent?.job).toMatchObject({
      waiting_reason: 'offline',
      progress: { message: 'Esperando conexión…' },
    });

    await llm.start(); // the network is back
    const done = await waitFor(
      async () => {
        const current = await job(_id);
        return current?.status === 'completed' ? current : null;
      },
      20_000,
      'completion after reconnecting',
    );
    expect(done).toMatchObject({ attempts: 1, offline_waits: 0, waiting_reason: null });
    expect(done.token_usage.total_tokens).toBeGreaterThan(0);
    expect(llm.requests).toHaveLength(9);
    await host.stop();
    await llm.stop();
  });
});
