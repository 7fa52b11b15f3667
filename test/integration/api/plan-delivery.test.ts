import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  GenerateAsyncResponseSchema,
  PlanResponseSchema,
  UserPlansResponseSchema,
} from '../../../src/shared/api';
import { useApiServer, validResponses } from '../../support/api-harness';
import {
  BLOCKED_NUTRITION_AUDIT,
  BLOCKED_TRAINING_AUDIT,
  nutritionPlanDoc,
  seedAuditBlockedJob,
  trainingPlanDoc,
} from '../../support/plan-fixtures';

/*
 * "Blocked means blocked" over HTTP (docs/AUDITS.md §8): a plan its audit blocked is readable for
 * review but not exported nor continued, a retry of its job is refused, and the coach's written
 * approval (validated, only for a blocked plan) makes it deliverable.
 */
const api = useApiServer();
const USER = 'cliente-bloqueo';
let submissionId = '';
let blocked = { jobId: '', trainingId: '', nutritionId: '' };
const legacy = trainingPlanDoc('job-legacy', USER, { audit: BLOCKED_TRAINING_AUDIT, withDelivery: false });
const approved = trainingPlanDoc('job-ok', USER, { createdAt: new Date(Date.now() - 60_000) });
const blockedNutrition = nutritionPlanDoc('job-nut', USER, { audit: BLOCKED_NUTRITION_AUDIT });

const error = (body: unknown) => ApiErrorResponseSchema.parse(body);
const reason = 'Revisado con el cliente: hace 35 series de pecho desde hace un año sin molestias.';

beforeAll(async () => {
  await api.repos.users.create({ _id: USER, nombre_completo: 'Cliente Bloqueo' });
  submissionId = (await api.repos.submissions.create(USER, validResponses()))._id;
  const seeded = await seedAuditBlockedJob(api.repos, USER, submissionId);
  blocked = { jobId: seeded.job._id, trainingId: seeded.trainingId, nutritionId: seeded.nutritionId };
  await api.repos.trainingPlans.saveOnce(legacy);
  await api.repos.trainingPlans.saveOnce(approved);
  await api.repos.nutritionPlans.saveOnce(blockedNutrition);
});

/** The coach approves the plan's current (first) version over HTTP: exports need it (issue 16). */
async function approveVersion(kind: 'training' | 'nutrition', planId: string): Promise<void> {
  const response = await api.request('POST', `/admin/${kind}-plans/${planId}/approve`, {
    body: { version: 1 },
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe('a plan its audit blocked, over HTTP', () => {
  it('the job reads failed/audit_blocked with the plan ids, and a retry is refused', async () => {
    const job = (await api.request('GET', `/jobs/${blocked.jobId}`)).json();
    expect(job).toMatchObject({
      status: 'failed',
      error_reason: 'audit_blocked',
      result: { training_plan_id: blocked.trainingId, nutrition_plan_id: blocked.nutritionId },
    });
    const retry = await api.request('POST', `/admin/jobs/${blocked.jobId}/retry`, { body: {} });
    expect(retry.statusCode).toBe(409);
    expect(error(retry.json())).toMatchObject({ error: 'job_not_retryable' });
    expect(error(retry.json()).message).toMatch(/bloqueó su plan.*genera un trabajo nuevo/);
    expect((await api.repos.jobs.get(blocked.jobId))?.status).toBe('failed');
  });

  it('reads it for review with its delivery state; old documents get theirs from the audit', async () => {
    const plan = PlanResponseSchema.parse(
      (await api.request('GET', `/admin/training-plans/${blocked.trainingId}`)).json(),
    ).plan;
    expect(plan.delivery).toEqual({
      status: 'blocked',
      blocked_by: [{ id: 'TRN-06', reason: 'pecho: 35 series duras por semana (> 30)' }],
      override: null,
    });
    const old = PlanResponseSchema.parse(
      (await api.request('GET', `/admin/training-plans/${legacy._id}`)).json(),
    );
    expect(old.plan.delivery.status).toBe('blocked');
    const list = UserPlansResponseSchema.parse(
      (await api.request('GET', `/admin/users/${USER}/plans`)).json(),
    );
    expect(list.training_plans.items.map((p) => [p._id, p.delivery.status])).toEqual([
      [blocked.trainingId, 'blocked'],
      [legacy._id, 'blocked'],
      [approved._id, 'deliverable'],
    ]);
    // The newest plans are blocked: the current ones, named apart, are the newest deliverable.
    expect(list.current_training_plan_id).toBe(approved._id);
    expect(list.current_nutrition_plan_id).toBeNull();
    const firstPage = UserPlansResponseSchema.parse(
      (await api.request('GET', `/admin/users/${USER}/plans?limit=1`)).json(),
    );
    expect(firstPage.training_plans.items.map((p) => p._id)).toEqual([blocked.trainingId]);
    expect(firstPage.current_training_plan_id).toBe(approved._id);
  });

  it('refuses to export it (409 plan_blocked) and exports a deliverable plan as a JSON download', async () => {
    for (const path of [
      `/admin/training-plans/${blocked.trainingId}/export`,
      `/admin/training-plans/${legacy._id}/export`,
      `/admin/nutrition-plans/${blockedNutrition._id}/export`,
      // Its own audit approved it, but it is built on the blocked training plan's bridge.
      `/admin/nutrition-plans/${blocked.nutritionId}/export`,
    ]) {
      const refused = await api.request('GET', path);
      expect(refused.statusCode, path).toBe(409);
      expect(error(refused.json()).error).toBe('plan_blocked');
    }
    expect(
      error((await api.request('GET', `/admin/training-plans/${legacy._id}/export`)).json()).message,
    ).toMatch(/TRN-06: pecho.*no se puede exportar/);
    expect(
      error((await api.request('GET', `/admin/nutrition-plans/${blocked.nutritionId}/export`)).json())
        .message,
    ).toMatch(/PUENTE: construido sobre el plan de entrenamiento .*bloqueado por su auditoría \(TRN-06\)/);
    // Deliverable is not enough: the coach approves the version first (issue 16).
    expect(
      error((await api.request('GET', `/admin/training-plans/${approved._id}/export`)).json()).error,
    ).toBe('plan_not_approved');
    await approveVersion('training', approved._id);
    const download = await api.request('GET', `/admin/training-plans/${approved._id}/export`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="plan-entrenamiento-${approved._id}.json"`,
    );
    expect(download.json()).toMatchObject({ _id: approved._id, delivery: { status: 'deliverable' } });
    expect((await api.request('GET', '/admin/training-plans/tp_nada/export')).statusCode).toBe(404);
    expect(
      (await api.request('GET', `/admin/training-plans/${approved._id}/export`, { token: false })).statusCode,
    ).toBe(401);
  });

  it('refuses it as the previous plan of a next block (409 plan_blocked), creating no job', async () => {
    for (const previous of [blocked.trainingId, legacy._id]) {
      const response = await api.request('POST', `/admin/users/${USER}/plans/generate_async`, {
        body: { type: 'training', submission_id: submissionId, previous_training_plan_id: previous },
      });
      expect(response.statusCode).toBe(409);
      expect(error(response.json())).toMatchObject({
        error: 'plan_blocked',
        errors: [{ field: 'body.previous_training_plan_id', code: 'plan_blocked' }],
      });
    }
    expect((await api.repos.jobs.list({ user_id: USER, type: 'training' })).total).toBe(0);
  });

  it('validates the written approval, naming the field', async () => {
    const url = `/admin/training-plans/${blocked.trainingId}/override`;
    const short = await api.request('POST', url, { body: { reason: '  porque sí  ' } });
    expect(short.statusCode).toBe(400);
    expect(error(short.json())).toMatchObject({
      error: 'validation_error',
      errors: [{ field: 'body.reason' }],
    });
    expect(error(short.json()).message).toMatch(/body\.reason: escribe al menos 20 caracteres/);
    const cases = [
      {},
      { reason: 42 },
      { reason: 'x'.repeat(1001) },
      { reason, extra: true },
      { reason, coach: '' },
    ];
    const fields = [];
    for (const body of cases) {
      const response = await api.request('POST', url, { body });
      expect(response.statusCode).toBe(400);
      fields.push(error(response.json()).errors?.map((e) => e.field));
    }
    expect(fields).toEqual([
      ['body.reason'],
      ['body.reason'],
      ['body.reason'],
      ['body.extra'],
      ['body.coach'],
    ]);
    expect((await api.request('POST', url, { body: { reason }, token: false })).statusCode).toBe(401);
    expect((await api.repos.trainingPlans.get(blocked.trainingId))?.delivery?.status).toBe('blocked');
  });

  it('refuses to approve a plan that is not blocked (409 plan_not_blocked) or does not exist (404)', async () => {
    const notBlocked = await api.request('POST', `/admin/training-plans/${approved._id}/override`, {
      body: { reason },
    });
    expect(notBlocked.statusCode).toBe(409);
    expect(error(notBlocked.json()).error).toBe('plan_not_blocked');
    const missing = await api.request('POST', '/admin/nutrition-plans/np_nada/override', {
      body: { reason },
    });
    expect(error(missing.json()).error).toBe('plan_not_found');
  });

  it('after the approval the plan is deliverable: exported, continued, approved only once', async () => {
    const url = `/admin/training-plans/${blocked.trainingId}/override`;
    const before = Date.now();
    const response = await api.request('POST', url, {
      body: { reason: `  ${reason}  `, coach: 'Marta (coach)' },
    });
    expect(response.statusCode).toBe(200);
    const plan = PlanResponseSchema.parse(response.json()).plan;
    expect(plan.delivery).toMatchObject({
      status: 'overridden',
      blocked_by: [{ id: 'TRN-06' }],
      override: { reason, via: 'api', coach: 'Marta (coach)' },
    });
    expect(plan.delivery.override!.at.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await approveVersion('training', blocked.trainingId);
    expect((await api.request('GET', `/admin/training-plans/${blocked.trainingId}/export`)).statusCode).toBe(
      200,
    );
    const next = await api.request('POST', `/admin/users/${USER}/plans/generate_async`, {
      body: { type: 'training', submission_id: submissionId, previous_training_plan_id: blocked.trainingId },
    });
    expect(next.statusCode).toBe(200);
    GenerateAsyncResponseSchema.parse(next.json());
    expect(error((await api.request('POST', url, { body: { reason } })).json()).error).toBe(
      'plan_not_blocked',
    );

    const nutrition = await api.request('POST', `/admin/nutrition-plans/${blockedNutrition._id}/override`, {
      body: { reason },
    });
    // The door is stored as a code the UI translates (no Spanish label in the document).
    const override = PlanResponseSchema.parse(nutrition.json()).plan.delivery.override;
    expect(override).toMatchObject({ via: 'api' });
    expect(override).not.toHaveProperty('by');
    expect(override).not.toHaveProperty('coach');
    await approveVersion('nutrition', blockedNutrition._id);
    expect(
      (await api.request('GET', `/admin/nutrition-plans/${blockedNutrition._id}/export`)).statusCode,
    ).toBe(200);

    // The bridge rule: the training plan's approval leaves its nutrition plan blocked until approved itself.
    const bridged = `/admin/nutrition-plans/${blocked.nutritionId}`;
    expect(error((await api.request('GET', `${bridged}/export`)).json()).error).toBe('plan_blocked');
    expect((await api.request('POST', `${bridged}/override`, { body: { reason } })).statusCode).toBe(200);
    await approveVersion('nutrition', blocked.nutritionId);
    expect((await api.request('GET', `${bridged}/export`)).statusCode).toBe(200);
    const list = UserPlansResponseSchema.parse(
      (await api.request('GET', `/admin/users/${USER}/plans`)).json(),
    );
    expect(list.current_training_plan_id).toBe(blocked.trainingId);
    expect(list.current_nutrition_plan_id).toBe(blocked.nutritionId);
    // The job stays failed (audit_blocked): its plans are delivered by the approvals, not by a rerun.
    expect((await api.request('GET', `/jobs/${blocked.jobId}`)).json()).toMatchObject({
      status: 'failed',
      error_reason: 'audit_blocked',
    });
  });
});
