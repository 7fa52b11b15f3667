import { afterAll, describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { enqueue, localClock } from '../../../src/main/queue';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { QueueMaintenanceLoop } from '../../../src/main/queue/maintenance-loop';
import { STEP_EXECUTIONS_COLLECTION } from '../../../src/main/worker/simulated-pipeline';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { startHost, waitFor, workerEnv, type Host } from '../../support/worker-harness';

// Real worker processes and real signals: a worker frozen with SIGSTOP is what a hung worker looks
// like from outside (alive, connected, silent).
const testDb = useTestDatabase();
const hosts: Host[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});
const jobs = () => getCollections(testDb.db).jobs;

describe('supervision that acts', () => {
  it('SIGSTOP the worker mid-job: the host kills and restarts it, the job resumes from its checkpoints, nothing lost or run twice', async () => {
    await clearCollections(testDb.db);
    await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).deleteMany({});
    const env = workerEnv({
      uri: testDb.uri,
      dbName: testDb.dbName,
      pipeline: { stepDelayMs: 250 },
      env: { EDN_RECORD_STEP_EXECUTIONS: '1', EDN_LEASE_MS: '1500', EDN_HEARTBEAT_MS: '200' },
    });
    const host = await startHost(testDb.db, env, { hangAfterMs: 1_500, restartBaseMs: 100 });
    hosts.push(host);
    const frozenPid = host.supervisor.getStatus().pid!;
    const { _id } = await host.queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
    await waitFor(
      async () => ((await jobs().findOne({ _id }))?.progress.completed_steps ?? 0) >= 3,
      20_000,
      '3 steps done',
    );
    process.kill(frozenPid, 'SIGSTOP');

    const restarted = await waitFor(
      async () => {
        const status = host.supervisor.getStatus();
        return status.state === 'running' && status.pid !== frozenPid ? status : null;
      },
      20_000,
      'a new worker process',
    );
    expect(restarted.last_exit?.reason).toMatch(/sin latido/);
    expect(() => process.kill(frozenPid, 0)).toThrow(); // the frozen process is gone, not left behind

    const finished = await waitFor(
      async () => {
        const job = await jobs().findOne({ _id });
        return job?.status === 'completed' ? job : null;
      },
      40_000,
      'completion on the restarted worker',
    );
    expect(finished.attempts).toBe(2);
    expect(finished.execution_log.map((e) => e.event)).toContain('lease_expired');
    const executions = await testDb.db.collection(STEP_EXECUTIONS_COLLECTION).find({ job_id: _id }).toArray();
    const runs = (agent: string) => executions.filter((e) => e['agent_id'] === agent).length;
    for (const agent of ['E1', 'E2', 'E3']) expect(runs(agent)).toBe(1);
    expect(await getCollections(testDb.db).trainingPlans.countDocuments({ job_id: _id })).toBe(1);
    expect(await getCollections(testDb.db).steps.countDocuments({ job_id: _id })).toBe(9);
    await host.stop();
  });

  it('a host blocked for longer than the limit does not take its own stall for a silent worker', async () => {
    const env = workerEnv({ uri: testDb.uri, dbName: testDb.dbName, env: { EDN_HEARTBEAT_MS: '100' } });
    const host = await startHost(testDb.db, env, { hangAfterMs: 600 });
    hosts.push(host);
    const pid = host.supervisor.getStatus().pid;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A long synchronous task on the host (a big PDF for an HTTP request, say): the worker's
    // heartbeats queue up unread, and after it the timers run before the queued messages are read.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        const until = performance.now() + 1_500;
        while (performance.now() < until) {
          // busy on purpose
        }
        resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(host.supervisor.getStatus()).toMatchObject({ state: 'running', pid, restarts: 0 });
    await host.stop();
  });

  it('a job whose worker vanished is recovered by the host even when no worker polls', async () => {
    await clearCollections(testDb.db);
    const t0 = new Date();
    const { _id } = await enqueue(jobs(), { user_id: 'u', submission_id: 's', type: 'training' }, t0);
    // A worker of another instance claimed it and died: a lease nobody renews.
    await jobs().updateOne(
      { _id },
      {
        $set: {
          status: 'running',
          attempts: 1,
          attempt_started_at: t0,
          lease: { owner: 'muerta', token: 'tok', expires_at: new Date(t0.getTime() + 300) },
        },
      },
    );
    const events = new JobEventBus();
    const seen: string[] = [];
    events.subscribe((event) => seen.push(`${event.type}:${event.job.status}`));
    const loop = new QueueMaintenanceLoop(jobs(), {
      clock: localClock(),
      leaseMs: 300,
      defaultTimeoutMs: 60_000,
      intervalMs: 100,
      publish: (event) => events.publish(event),
      onError: (error) => {
        throw error;
      },
    });
    loop.start();
    try {
      const recovered = await waitFor(
        async () => {
          const job = await jobs().findOne({ _id });
          return job?.status === 'pending' ? job : null;
        },
        5_000,
        'the host to recover the lease',
      );
      expect(recovered.lease).toBeNull();
      expect(recovered.execution_log.at(-1)?.event).toBe('lease_expired');
      expect(seen).toContain('waiting:pending');
    } finally {
      await loop.stop();
    }
  });
});
