import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstVersion } from '../../../src/main/db/repositories/commit-plan-version';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { useApiServer, validResponses } from '../../support/api-harness';
import { createTestIpc } from '../../support/ipc-harness';
import { approveCurrentVersion, seedAuditBlockedJob, trainingPlanDoc } from '../../support/plan-fixtures';

/*
 * Issue #18 point 3: one client's complete data as a zip, over the real HTTP server; the zip is
 * opened and every file read back.
 */
const api = useApiServer();
let approvedId = '';
let blockedTrainingId = '';
let submissionId = '';

beforeAll(async () => {
  await api.repos.users.create({ _id: 'dora', nombre_completo: 'Dora Núñez', email: 'dora@correo.test' });
  await api.repos.users.create({ _id: 'otro', nombre_completo: 'Otro Cliente' });
  submissionId = (
    await api.repos.submissions.create('dora', validResponses({ nombre_completo: 'Dora Núñez' }))
  )._id;
  await api.repos.submissions.create('otro', validResponses());
  blockedTrainingId = (await seedAuditBlockedJob(api.repos, 'dora', submissionId)).trainingId;
  const job = buildPendingJob({ user_id: 'dora', submission_id: submissionId, type: 'training' });
  const plan = trainingPlanDoc(job._id, 'dora');
  approvedId = plan._id;
  await api.repos.jobs.insert({
    ...job,
    status: 'completed',
    result: { training_plan_id: plan._id, nutrition_plan_id: null },
    completed_at: new Date(),
  });
  await api.repos.trainingPlans.saveOnce({ ...plan, submission_id: submissionId });
  await approveCurrentVersion(api.repos, 'training', plan._id);
  await ensureFirstVersion(api.repos, 'training', (await api.repos.trainingPlans.get(plan._id))!);
});

describe('exporting a client’s data', () => {
  it('a zip with the client, questionnaires, plans with versions, jobs, the approved plan’s PDF and a manifest', async () => {
    const response = await api.request('GET', '/admin/users/dora/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="datos-Dora-Nunez-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const read = (name: string): unknown => JSON.parse(strFromU8(files[name]!));
    const names = Object.keys(files).sort();

    expect(read('cliente.json')).toMatchObject({ _id: 'dora', nombre_completo: 'Dora Núñez' });
    expect(names.filter((n) => n.startsWith('cuestionarios/'))).toHaveLength(1);
    expect(names).toContain(`planes/entrenamiento/${approvedId}.json`);
    expect(names).toContain(`planes/entrenamiento/${blockedTrainingId}.json`);
    expect(names).toContain(`planes/entrenamiento/versiones/${approvedId}_v1.json`);
    expect(names.filter((n) => n.startsWith('planes/nutricion/') && !n.includes('versiones'))).toHaveLength(
      1,
    );
    const jobs = read('trabajos.json') as Array<{ user_id: string; lease?: unknown }>;
    expect(jobs).toHaveLength(2);
    expect(jobs.every((job) => job.user_id === 'dora' && !('lease' in job))).toBe(true);
    // Only the approved plan is printed (the blocked one never leaves the app as a PDF).
    expect(strFromU8(files['plan-entrenamiento-actual.pdf']!.subarray(0, 5))).toBe('%PDF-');
    expect(names).not.toContain('plan-nutricion-actual.pdf');
    expect(read('manifest.json')).toMatchObject({
      client_id: 'dora',
      counts: { cuestionarios: 1, 'planes/entrenamiento': 2, 'planes/nutricion': 1, trabajos: 2 },
      pdfs: ['plan-entrenamiento-actual.pdf'],
    });
    expect(strFromU8(files['LEEME.txt']!)).toContain('Dora Núñez');
    // Nothing of another client.
    expect(names.map((n) => strFromU8(files[n]!)).join('\n')).not.toContain('Otro Cliente');
  });

  it('over IPC: saved where the coach chose (a zip), nothing written when the dialog is closed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'edn-export-'));
    const target = join(folder, 'dora.zip');
    let chosen: string | null = target;
    const suggested: Array<[string, string | undefined]> = [];
    const ipc = await createTestIpc(api.testDb, {
      repositories: api.repos,
      queue: api.queue,
      app: {
        chooseSavePath: async (_id, name, kind) => {
          suggested.push([name, kind]);
          return chosen;
        },
      },
    });
    const saved = await ipc.ok<{ saved: boolean; path: string; bytes: number }>('exportClientData', {
      id: 'dora',
    });
    expect(saved).toMatchObject({ saved: true, path: target });
    const bytes = readFileSync(target);
    expect(bytes.byteLength).toBe(saved.bytes);
    expect(Object.keys(unzipSync(new Uint8Array(bytes)))).toContain('cliente.json');
    expect(suggested[0]?.[0]).toMatch(/^datos-Dora-Nunez-.*\.zip$/);
    expect(suggested[0]?.[1]).toBe('zip');
    chosen = null;
    expect(await ipc.ok('exportClientData', { id: 'dora' })).toEqual({ saved: false, path: null, bytes: 0 });
    expect(await ipc.failure('exportClientData', { id: 'nadie' })).toMatchObject({
      reason: 'user_not_found',
    });
  });

  it('needs the token, and names an unknown client', async () => {
    expect((await api.request('GET', '/admin/users/dora/export', { token: false })).statusCode).toBe(401);
    const missing = await api.request('GET', '/admin/users/nadie/export');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: string }>().error).toBe('user_not_found');
  });
});
