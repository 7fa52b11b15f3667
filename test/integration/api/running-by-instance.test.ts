import { beforeAll, describe, expect, it } from 'vitest';
import { WorkerResponseSchema } from '../../../src/shared/api';
import { RunningByInstanceSchema } from '../../../src/shared/running-jobs';
import { runningByInstance } from '../../../src/main/application/jobs';
import { getCollections } from '../../../src/main/db/collections';
import { claimNextJob, completeJob, enqueue } from '../../../src/main/queue';
import { useApiServer } from '../../support/api-harness';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';

/*
 * Where the clinic's jobs run (issue #17 point 8): the running jobs per instance and overall, and
 * the pending ones, by the one use case both doors answer with (HTTP `GET /admin/worker`, IPC
 * `getWorkerStatus`). Two other "instances" claim jobs on the shared database with their own lease
 * owners (`<instance>:<pid>:<random>`, as worker-entry.ts writes them).
 */

const api = useApiServer();
let ipc: TestIpc;
const jobs = () => getCollections(api.testDb.db).jobs;

async function claimAs(owner: string) {
  const claimed = await claimNextJob(jobs(), { owner, leaseMs: 60_000 });
  if (!claimed) throw new Error(`nothing to claim for ${owner}`);
  return claimed;
}

beforeAll(async () => {
  ipc = await createTestIpc(api.testDb, { repositories: api.repos, queue: api.queue });
  // The desktop door's instance: its lease owners start with "portatil".
  ipc.core.config.worker.instanceName = 'portatil';
  for (let i = 0; i < 6; i++)
    await enqueue(jobs(), { user_id: `cliente-${i}`, submission_id: `sub-${i}`, type: 'training' });
  await claimAs('consulta-2:123:abc');
  await claimAs('consulta-2:123:abc');
  // A second worker process of the same instance (after a restart): still "consulta-2".
  await claimAs('consulta-2:456:def');
  await claimAs('portatil:9:x');
});

describe('running jobs per instance', () => {
  it('counts running jobs per instance and overall, and pending jobs, from the leases', async () => {
    const answer = await runningByInstance(api.repos, 'portatil');
    expect(RunningByInstanceSchema.parse(answer)).toEqual({
      this_instance: 'portatil',
      running_total: 4,
      pending_total: 2,
      // This instance first, then the others by name.
      by_instance: [
        { instance: 'portatil', running: 1 },
        { instance: 'consulta-2', running: 3 },
      ],
    });
  });

  it('answers the same over HTTP (GET /admin/worker, admin token) with the server instance named', async () => {
    const response = await api.request('GET', '/admin/worker');
    expect(response.statusCode).toBe(200);
    const body = WorkerResponseSchema.parse(response.json());
    expect(body.running).toEqual({
      this_instance: 'instancia-de-prueba',
      running_total: 4,
      pending_total: 2,
      by_instance: [
        { instance: 'consulta-2', running: 3 },
        { instance: 'portatil', running: 1 },
      ],
    });
    expect(body.jobs).toMatchObject({ running: 4, pending: 2 });
    expect((await api.request('GET', '/admin/worker', { token: false })).statusCode).toBe(401);
  });

  it('answers the same over IPC (getWorkerStatus), this instance first', async () => {
    const overview = await ipc.ok<{ worker: null; running: unknown; jobs: Record<string, number> }>(
      'getWorkerStatus',
    );
    expect(overview.worker).toBeNull();
    expect(overview.running).toEqual({
      this_instance: 'portatil',
      running_total: 4,
      pending_total: 2,
      by_instance: [
        { instance: 'portatil', running: 1 },
        { instance: 'consulta-2', running: 3 },
      ],
    });
  });

  it('stops counting a job once it finishes, and an instance once it runs nothing', async () => {
    const running = await jobs()
      .find({ status: 'running', 'lease.owner': /^portatil:/ })
      .toArray();
    for (const job of running) {
      await completeJob(jobs(), job._id, job.lease!.token, {
        training_plan_id: `tp_${job._id}`,
        nutrition_plan_id: null,
      });
    }
    const overview = await ipc.ok<{ running: unknown }>('getWorkerStatus');
    expect(overview.running).toEqual({
      this_instance: 'portatil',
      running_total: 3,
      pending_total: 2,
      by_instance: [{ instance: 'consulta-2', running: 3 }],
    });
    const http = WorkerResponseSchema.parse((await api.request('GET', '/admin/worker')).json());
    expect(http.running.running_total).toBe(3);
    expect(http.running.by_instance).toEqual([{ instance: 'consulta-2', running: 3 }]);
  });
});
