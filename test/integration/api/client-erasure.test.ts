import { beforeAll, describe, expect, it } from 'vitest';
import type { ErasureRecord } from '../../../src/shared/client-erasure';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { ensureFirstVersion } from '../../../src/main/db/repositories/commit-plan-version';
import { ERASURES_COLLECTION } from '../../../src/main/db/repositories/client-data-repository';
import { useApiServer, validResponses } from '../../support/api-harness';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';
import { approveCurrentVersion, seedAuditBlockedJob, trainingPlanDoc } from '../../support/plan-fixtures';

/*
 * Issue #18 point 3: erasing a client leaves nothing of them in any collection — checked by reading
 * every document of every collection on the test database — and only an anonymous record. Both
 * doors (HTTP through the real Fastify server, IPC through `dispatch`) on one database.
 */
const api = useApiServer();
let ipc: TestIpc;

interface Seeded {
  id: string;
  name: string;
  email: string;
  /** Every id that names this client's data (submissions, jobs, plans). */
  traces: string[];
}

/** A client with everything the app keeps: questionnaires, jobs (finished, audit-blocked), checkpoints, plans and versions. */
async function seedClient(id: string, name: string): Promise<Seeded> {
  const email = `${id}@correo.test`;
  await api.repos.users.create({ _id: id, nombre_completo: name, email });
  const submission = (
    await api.repos.submissions.create(id, validResponses({ email, nombre_completo: name }))
  )._id;
  const blocked = await seedAuditBlockedJob(api.repos, id, submission);
  // A finished job whose plan the coach approved (so it has versions too).
  const done = buildPendingJob({ user_id: id, submission_id: submission, type: 'training' });
  const approved = trainingPlanDoc(done._id, id);
  await api.repos.jobs.insert({
    ...done,
    status: 'completed',
    result: { training_plan_id: approved._id, nutrition_plan_id: null },
    completed_at: new Date(),
  });
  await api.repos.trainingPlans.saveOnce({ ...approved, submission_id: submission });
  await approveCurrentVersion(api.repos, 'training', approved._id);
  await ensureFirstVersion(api.repos, 'training', (await api.repos.trainingPlans.get(approved._id))!);
  for (const job of [blocked.job._id, done._id])
    await api.repos.steps.saveOnce({
      job_id: job,
      agent_id: 'E1',
      output: { resumen: `cliente ${name}` },
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      cost_usd: 0.01,
      model: 'gpt-5-mini',
      requested_model: 'gpt-5-mini',
      attempt: 1,
      started_at: new Date(),
      finished_at: new Date(),
      duration_ms: 1,
    });
  return {
    id,
    name,
    email,
    traces: [
      id,
      submission,
      blocked.job._id,
      done._id,
      blocked.trainingId,
      blocked.nutritionId,
      approved._id,
    ],
  };
}

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

let ana: Seeded;
let bea: Seeded;
let carla: Seeded;
beforeAll(async () => {
  ipc = await createTestIpc(api.testDb, { repositories: api.repos, queue: api.queue });
  ana = await seedClient('ana-borrable', 'Ana Borrable Ruiz');
  bea = await seedClient('bea-se-queda', 'Bea Se Queda Soto');
  carla = await seedClient('carla-por-ipc', 'Carla Por Ipc');
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
