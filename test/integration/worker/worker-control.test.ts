import { afterAll, describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { startHost, testWorkerSpawner, waitFor, workerEnv, type Host } from '../../support/worker-harness';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { WorkerSupervisor } from '../../../src/main/worker/worker-supervisor';
import { silentLogger } from '../../../src/main/log/logger';

const testDb = useTestDatabase();
const hosts: Host[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});
const job = (id: string) => getCollections(testDb.db).jobs.findOne({ _id: id });

describe('cancel, retry, shutdown and supervision', () => {
  it('cancels a pending and a running job; a failed job can be retried to completion', async () => {
    await clearCollections(testDb.db);
    const env = workerEnv({
      uri: testDb.uri,
      dbName: testDb.dbName,
      pipeline: { stepDelayMs: 400 },
      env: { EDN_WORKER_CONCURRENCY: '1' },
    });
    const host = await startHost(testDb.db, env);
    hosts.push(host);
    const running = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
    const pending = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
    await waitFor(async () => (await job(running._id))?.status === 'running', 10_000, 'first job running');

    expect((await host.queue.cancel(pending._id)).outcome).toBe('cancelled');
    expect(await job(pending._id)).toMatchObject({ status: 'failed', error_reason: 'cancelled' });

    const asked = Date.now();
    expect((await host.queue.cancel(running._id)).outcome).toBe('cancel_requested');
    const cancelled = await waitFor(
      async () => {
        const current = await job(running._id);
        return current?.status === 'failed' ? current : null;
      },
      5_000,
      'running job cancelled',
    );
    expect(cancelled).toMatchObject({
      error_reason: 'cancelled',
      error_message: 'Cancelado por el usuario',
      lease: null,
    });
    expect(Date.now() - asked).toBeLessThan(5_000);

    const retried = await host.queue.retry(running._id);
    expect(retried?.status).toBe('pending');
    const done = await waitFor(
      async () => {
        const current = await job(running._id);
        return current?.status === 'completed' ? current : null;
      },
      20_000,
      'retried job completed',
    );
    expect(done.execution_log.map((e) => e.event)).toEqual(
      expect.arrayContaining(['cancelled', 'manual_retry', 'completed']),
    );
    await host.stop();
  });

  it('graceful stop releases running jobs at once, without spending the attempt', async () => {
    await clearCollections(testDb.db);
    const env = workerEnv({ uri: testDb.uri, dbName: testDb.dbName, pipeline: { stepDelayMs: 300 } });
    const host = await startHost(testDb.db, env);
    const { _id } = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
    await waitFor(async () => ((await job(_id))?.progress.completed_steps ?? 0) >= 2, 10_000, 'two steps');
    await host.stop();
    expect(host.supervisor.getStatus().state).toBe('stopped');
    const released = await job(_id);
    expect(released).toMatchObject({ status: 'pending', attempts: 0, lease: null });
    expect(released?.execution_log.at(-1)?.event).toBe('released');
    expect(released?.progress.completed_steps).toBeGreaterThanOrEqual(2);
  });

  it('a worker that crashes at start is restarted with backoff, and the reason is reported', async () => {
    // An unreachable database makes the real worker entry exit at start-up.
    const env = workerEnv({
      uri: 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200',
      dbName: testDb.dbName,
    });
    const spawn = testWorkerSpawner(env);
    const supervisor = new WorkerSupervisor({
      spawn: () => spawn(),
      events: new JobEventBus(),
      logger: silentLogger(),
      restartBaseMs: 200,
      restartMaxMs: 2_000,
    });
    const statuses: Array<{ state: string; next: number | null; at: number }> = [];
    supervisor.onStatus((s) =>
      statuses.push({ state: s.state, next: s.next_restart_at?.getTime() ?? null, at: Date.now() }),
    );
    void supervisor.start();
    const status = await waitFor(
      async () => {
        const current = supervisor.getStatus();
        return current.restarts >= 3 ? current : null;
      },
      30_000,
      'three restarts',
    );
    expect(status.last_exit).toMatchObject({ code: 3 });
    expect(status.last_exit?.reason).toContain('No se pudo conectar a MongoDB');
    const scheduled = statuses.filter((s) => s.state === 'restarting' && s.next !== null);
    expect(scheduled.length).toBeGreaterThanOrEqual(3);
    // Backoff grows: with base 200 ms the third delay's range (400–800 ms) lies above the first's (100–200 ms).
    const delays = scheduled.map((s) => s.next! - s.at);
    expect(delays[2]!).toBeGreaterThan(delays[0]!);

    // An admin restart of a worker that keeps crashing returns (after its deadline) instead of hanging.
    const restarted = await Promise.race([
      supervisor.restart(500).then(() => 'returned'),
      new Promise((r) => setTimeout(() => r('hung'), 20_000)),
    ]);
    expect(restarted).toBe('returned');

    // Fix the cause (the database is reachable again): the next restart comes up and stays up.
    env['EDN_MONGO_URL'] = testDb.uri;
    await waitFor(
      async () => supervisor.getStatus().state === 'running',
      30_000,
      'worker running after the fix',
    );
    await supervisor.stop();
    expect(supervisor.getStatus().state).toBe('stopped');
  }, 120_000);
});
