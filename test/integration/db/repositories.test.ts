import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/main/db/repositories';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { ensureIndexes, INDEXES } from '../../../src/main/db/indexes';
import { trainingPlanIdForJob, type TrainingPlanDocument } from '../../../src/shared/plans';
import { useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const repos = () => createRepositories(testDb.db);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const responses = {
  nombre_completo: 'Lucía Pérez',
  email: 'lucia@example.com',
  fecha_nacimiento: '1990-05-12',
  sexo: 'Mujer',
  peso: '62,5',
  altura_cm: '168',
  objetivo_fisico: 'Perder grasa',
  profesion: 'Enfermera',
  campo_nuevo_de_otro_sistema: { libre: true },
};

function trainingPlan(jobId: string, userId: string, createdAt: Date): TrainingPlanDocument {
  return {
    _id: trainingPlanIdForJob(jobId),
    user_id: userId,
    job_id: jobId,
    submission_id: 'sub-1',
    previous_training_plan_id: null,
    created_at: createdAt,
    language: 'es',
    model: 'gpt-5-mini',
    training: {
      client_summary: { profile: { nivel: 'principiante' } },
      capacity: { level: 'principiante' },
      adaptation: {},
      mesocycle: { weeks: 4 },
      sessions: {},
      safe_sessions: {},
      formatted_plan: {},
      audit: { status: 'aprobado', checks: [] },
      bridge_for_nutrition: {},
    },
    metrics: {
      total_tokens: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      cost_usd: 0,
      duration_ms: 0,
      by_agent: {},
    },
  };
}

describe(`repositories (MongoDB backend: see test log)`, () => {
  it('creates indexes idempotently', async () => {
    await ensureIndexes(testDb.db);
    await ensureIndexes(testDb.db);
    const names = (await testDb.db.collection('generation_jobs').listIndexes().toArray()).map((i) =>
      String(i.name),
    );
    for (const index of INDEXES['generation_jobs'] ?? []) expect(names).toContain(index.name);
  });

  it('users: create with unguessable ids, get, update, search, archive', async () => {
    const { users } = repos();
    const ana = await users.create({ nombre_completo: '  Ana García ', email: 'ana@example.com' });
    const bea = await users.create({ nombre_completo: 'Beatriz Núñez', email: 'bea@example.com' });
    expect(ana._id).toMatch(UUID);
    expect(ana.nombre_completo).toBe('Ana García');
    expect(await users.get(ana._id)).toEqual(ana);

    const updated = await users.update(ana._id, { telefono: '+34600000000' });
    expect(updated?.telefono).toBe('+34600000000');
    expect(updated!.updated_at.getTime()).toBeGreaterThanOrEqual(ana.updated_at.getTime());

    expect((await users.list({ search: 'garc' })).items.map((u) => u._id)).toEqual([ana._id]);
    expect((await users.list({ search: 'BEA@' })).items.map((u) => u._id)).toEqual([bea._id]);
    // Regex metacharacters in a search are literal text, not a pattern.
    expect((await users.list({ search: '.*' })).total).toBe(0);

    await users.update(bea._id, { archived: true });
    expect((await users.list()).items.map((u) => u._id)).not.toContain(bea._id);
    expect((await users.list({ includeArchived: true })).items.map((u) => u._id)).toContain(bea._id);
  });

  it('users: rejects bad input with the field named', async () => {
    const { users } = repos();
    await expect(users.create({ nombre_completo: '   ' })).rejects.toThrow(/nombre_completo/);
    await expect(users.create({ nombre_completo: 'X', email: 'no-es-un-email' })).rejects.toThrow(/email/);
  });

  it('submissions: stored in the original shape, extra fields preserved, marked when a plan exists', async () => {
    const { submissions } = repos();
    const created = await submissions.create('user-1', responses);
    expect(created._id).toMatch(UUID);
    const stored = await submissions.get(created._id);
    expect(stored).toMatchObject({ user_id: 'user-1', plan_generated: false, plan_id: null });
    expect(stored?.responses).toMatchObject({ peso: '62,5', campo_nuevo_de_otro_sistema: { libre: true } });
    expect(stored?.submitted_at).toBeInstanceOf(Date);

    expect(await submissions.markPlanGenerated(created._id, 'tp_x')).toBe(true);
    expect(await submissions.get(created._id)).toMatchObject({ plan_generated: true, plan_id: 'tp_x' });
    expect(await submissions.markPlanGenerated('missing', 'tp_x')).toBe(false);

    const later = await submissions.create('user-1', responses, new Date(Date.now() + 1000));
    expect((await submissions.listForUser('user-1')).items.map((s) => s._id)).toEqual([
      later._id,
      created._id,
    ]);
  });

  it('jobs: pending documents in the original shape, public view without lease, filters and pages', async () => {
    const { jobs } = repos();
    const job = buildPendingJob({ user_id: 'u-jobs', submission_id: 's-1', type: 'full' });
    expect(job).toMatchObject({
      status: 'pending',
      progress: { completed_steps: 0, total_steps: 18, percentage: 0 },
      result: { training_plan_id: null, nutrition_plan_id: null },
      token_usage: { total_tokens: 0, by_agent: {} },
      attempts: 0,
      lease: null,
    });
    expect(job._id).toMatch(UUID);
    await jobs.insert(job);
    const publicJob = await jobs.getPublic(job._id);
    expect(publicJob).not.toHaveProperty('lease');
    expect(publicJob?.type).toBe('full');
    expect(await jobs.getPublic('nope')).toBeNull();

    for (let i = 0; i < 5; i++) {
      const t = buildPendingJob(
        { user_id: 'u-jobs', submission_id: 's-1', type: i % 2 ? 'training' : 'nutrition' },
        new Date(Date.now() + (i + 1) * 1000),
      );
      await jobs.insert(t);
    }
    const page = await jobs.list({ user_id: 'u-jobs', limit: 2, offset: 0 });
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.created_at.getTime()).toBeGreaterThan(page.items[1]!.created_at.getTime());
    expect((await jobs.list({ user_id: 'u-jobs', type: 'training' })).total).toBe(2);
    expect((await jobs.list({ user_id: 'u-jobs', status: 'completed' })).total).toBe(0);
    const counts = await jobs.countByStatus();
    expect(counts.pending).toBeGreaterThanOrEqual(6);
  });

  it('steps: one checkpoint per (job, agent); a second save returns the first', async () => {
    const { steps } = repos();
    const base = {
      job_id: 'job-steps',
      agent_id: 'E1',
      usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      cost_usd: 0.001,
      model: 'gpt-5-mini',
      attempt: 1,
      started_at: new Date(),
      finished_at: new Date(),
      duration_ms: 1200,
    };
    const first = await steps.saveOnce({ ...base, output: { perfil: 'primero' } });
    const second = await steps.saveOnce({ ...base, output: { perfil: 'segundo' }, attempt: 2 });
    expect(first._id).toBe('job-steps:E1');
    expect(second.output).toEqual({ perfil: 'primero' });
    await steps.saveOnce({ ...base, agent_id: 'E2', output: {}, finished_at: new Date(Date.now() + 5) });
    expect((await steps.listForJob('job-steps')).map((s) => s.agent_id)).toEqual(['E1', 'E2']);
  });

  it('plans: ids derived from the job, saved once, listed newest first', async () => {
    const { trainingPlans } = repos();
    const older = trainingPlan('job-a', 'u-plans', new Date(Date.now() - 10_000));
    const first = await trainingPlans.saveOnce(older);
    expect(first.created).toBe(true);
    const again = await trainingPlans.saveOnce({ ...older, model: 'otro-modelo' });
    expect(again.created).toBe(false);
    expect(again.plan.model).toBe('gpt-5-mini');
    const newer = trainingPlan('job-b', 'u-plans', new Date());
    await trainingPlans.saveOnce(newer);
    expect((await trainingPlans.listForUser('u-plans')).items.map((p) => p._id)).toEqual([
      newer._id,
      older._id,
    ]);
    expect((await trainingPlans.latestDeliverableForUser('u-plans'))?._id).toBe(newer._id);
    expect(await trainingPlans.latestDeliverableForUser('nobody')).toBeNull();
  });

  it('plans: the latest deliverable plan skips blocked ones (stored or, for old documents, by audit)', async () => {
    const { trainingPlans } = repos();
    const blockedAudit = {
      status: 'bloqueado' as const,
      checks: [{ id: 'TRN-06', severity: 'block' as const, passed: false, reason: 'pecho: 35 series' }],
    };
    const ok = trainingPlan('job-ok', 'u-delivery', new Date(Date.now() - 20_000));
    const old = trainingPlan('job-old-blocked', 'u-delivery', new Date(Date.now() - 10_000));
    const stored = trainingPlan('job-stored-blocked', 'u-delivery', new Date());
    await trainingPlans.saveOnce(ok);
    // Stored before `delivery` existed: only its audit says it is blocked.
    await trainingPlans.saveOnce({ ...old, training: { ...old.training, audit: blockedAudit } });
    await trainingPlans.saveOnce({
      ...stored,
      training: { ...stored.training, audit: blockedAudit },
      delivery: { status: 'blocked', blocked_by: [{ id: 'TRN-06', reason: 'pecho' }], override: null },
    });
    expect((await trainingPlans.latestDeliverableForUser('u-delivery'))?._id).toBe(ok._id);

    const override = { reason: 'Revisado con el cliente en persona', at: new Date(), by: 'Coach' };
    const approved = { status: 'overridden' as const, blocked_by: [], override };
    expect(await trainingPlans.recordOverride(old._id, approved)).toBe(true);
    expect(await trainingPlans.recordOverride(old._id, approved)).toBe(false); // approved once
    expect((await trainingPlans.latestDeliverableForUser('u-delivery'))?._id).toBe(old._id);
    expect(await trainingPlans.recordOverride('tp_nada', approved)).toBe(false);
  });
});
