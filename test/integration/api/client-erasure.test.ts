import { beforeAll, describe, expect, it } from 'vitest';
import type { ErasureRecord } from '../../../src/shared/client-erasure';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { ERASURES_COLLECTION } from '../../../src/main/db/repositories/client-data-repository';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { useApiServer } from '../../support/api-harness';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';
import { seedClient, type SeededClient } from '../../support/client-seed';

/*
 * Issue #18 point 3: erasing a client leaves nothing of them in any collection — checked by reading
 * every document of every collection on the test database — and only an anonymous record. Both
 * doors (HTTP through the real Fastify server, IPC through `dispatch`) on one database.
 */
const api = useApiServer();
let ipc: TestIpc;

/** Every document of every collection of the app that mentions any of these strings (ids, name, email). */
async function mentions(needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  // Every collection the app writes (the test server has no listCollections).
  for (const name of [...Object.values(COLLECTIONS), ERASURES_COLLECTION]) {
    for (const doc of await api.testDb.db.collection(name).find({}).toArray()) {
      const text = JSON.stringify(doc);
      for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle}`);
    }
  }
  return found;
}

let ana: SeededClient;
let bea: SeededClient;
let carla: SeededClient;
beforeAll(async () => {
  ipc = await createTestIpc(api.testDb, { repositories: api.repos, queue: api.queue });
  ana = await seedClient(api.repos, 'ana-borrable', 'Ana Borrable Ruiz');
  bea = await seedClient(api.repos, 'bea-se-queda', 'Bea Se Queda Soto');
  carla = await seedClient(api.repos, 'carla-por-ipc', 'Carla Por Ipc');
});

describe('erasing a client', () => {
  it('over HTTP: nothing with her id, name or email remains anywhere; others keep everything; an anonymous record', async () => {
    const before = await mentions([...bea.traces, bea.name]);
    const response = await api.request('POST', `/admin/users/${ana.id}/erase`, {
      body: { confirm: '  ana borrable ruiz ' },
    });
    expect(response.statusCode).toBe(200);
    const { erasure } = response.json<{ erasure: ErasureRecord & { erased_at: string } }>();
    expect(await mentions([...ana.traces, ana.name, ana.email])).toEqual([]);
    expect(await mentions([...bea.traces, bea.name])).toEqual(before);
    expect(erasure).toMatchObject({
      via: 'api',
      documents: {
        users: 1,
        nutrition_questionnaire_submissions: 1,
        generation_jobs: 2,
        generation_steps: 2,
        training_plans: 2,
        nutrition_plans: 1,
      },
    });
    expect(erasure.documents['plan_versions']).toBeGreaterThanOrEqual(1);
    expect(erasure.total).toBe(Object.values(erasure.documents).reduce((a, b) => a + b, 0));
    const stored = await api.testDb.db.collection(ERASURES_COLLECTION).findOne({ _id: erasure._id as never });
    expect(stored).toMatchObject({ via: 'api', total: erasure.total });
    expect(JSON.stringify(stored)).not.toMatch(/ana|borrable|correo/i);
    expect((await api.request('GET', `/admin/users/${ana.id}`)).statusCode).toBe(404);
  });

  it('over IPC: the same, and the record says so', async () => {
    const record = await ipc.ok<ErasureRecord>('eraseClient', { id: carla.id, confirm: carla.id });
    expect(record.via).toBe('ipc');
    expect(record.total).toBeGreaterThanOrEqual(9);
    expect(await mentions([...carla.traces, carla.name, carla.email])).toEqual([]);
  });

  it('refuses without the right name, while a job is queued or running, and for an unknown client', async () => {
    const wrong = await api.request('POST', `/admin/users/${bea.id}/erase`, { body: { confirm: 'Bea' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: Array<{ field: string }> }>().errors.map((f) => f.field)).toEqual([
      'body.confirm',
    ]);
    const ipcWrong = await ipc.failure('eraseClient', { id: bea.id, confirm: 'otra persona' });
    expect(ipcWrong).toMatchObject({ reason: 'validation_error' });

    await api.repos.jobs.insert(
      buildPendingJob({ user_id: bea.id, submission_id: bea.traces[1]!, type: 'full' }),
    );
    const busy = await api.request('POST', `/admin/users/${bea.id}/erase`, { body: { confirm: bea.name } });
    expect(busy.statusCode).toBe(409);
    expect(busy.json<{ error: string }>().error).toBe('client_has_active_jobs');
    expect((await mentions([bea.id])).length).toBeGreaterThan(0); // nothing was erased

    expect(
      (await api.request('POST', '/admin/users/nadie/erase', { body: { confirm: 'nadie' } })).statusCode,
    ).toBe(404);
    expect(
      (
        await api.request('POST', `/admin/users/${bea.id}/erase`, {
          body: { confirm: bea.name },
          token: false,
        })
      ).statusCode,
    ).toBe(401);
  });
});
