import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  PlanResponseSchema,
  UserListResponseSchema,
  UserPlansResponseSchema,
  UserResponseSchema,
  UserSubmissionsResponseSchema,
  WorkerResponseSchema,
} from '../../../src/shared/api';
import type { WorkerStatus } from '../../../src/shared/worker-status';
import { nutritionPlanIdForJob, trainingPlanIdForJob } from '../../../src/shared/plans';
import type { WorkerControl } from '../../../src/main/api/deps';
import { useApiServer, validResponses } from '../../support/api-harness';

/** Stands in for the supervisor: the API only reads its status and asks for restarts. */
class FakeWorker implements WorkerControl {
  status: WorkerStatus = {
    state: 'running',
    pid: 4242,
    concurrency: 2,
    running_jobs: [],
    restarts: 0,
    last_exit: { code: 1, signal: null, reason: 'código 1: boom', at: new Date('2026-01-02T03:04:05Z') },
    next_restart_at: null,
  };
  getStatus(): WorkerStatus {
    return this.status;
  }
  async restart(): Promise<void> {
    this.status = { ...this.status, restarts: this.status.restarts + 1, pid: this.status.pid! + 1 };
  }
}

const worker = new FakeWorker();
const api = useApiServer({ worker });
const metrics = {
  total_tokens: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  cost_usd: 0,
  duration_ms: 0,
  by_agent: {},
};
const audit = { status: 'aprobado' as const, checks: [] };

beforeAll(async () => {
  await api.repos.users.create({ _id: 'carla', nombre_completo: 'Carla Ruiz', email: 'carla@example.com' });
  await api.repos.users.create({ _id: 'diego', nombre_completo: 'Diego Sanz' });
  const base = {
    user_id: 'carla',
    submission_id: 's',
    created_at: new Date(),
    language: 'es' as const,
    model: 'm',
    metrics,
  };
  await api.repos.trainingPlans.saveOnce({
    ...base,
    _id: trainingPlanIdForJob('j1'),
    job_id: 'j1',
    previous_training_plan_id: null,
    training: {
      client_summary: {},
      capacity: {},
      adaptation: {},
      mesocycle: {},
      sessions: {},
      safe_sessions: {},
      formatted_plan: {},
      audit,
      bridge_for_nutrition: {},
    },
  });
  await api.repos.nutritionPlans.saveOnce({
    ...base,
    _id: nutritionPlanIdForJob('j1'),
    job_id: 'j1',
    previous_nutrition_plan_id: null,
    nutrition: {
      profile: {},
      metabolism: { bmr: 1400 },
      energy_strategy: {},
      macro_design: {},
      weekly_structure: {},
      timing_plan: {},
      menu_plan: {},
      adherence_report: {},
      audit,
    },
  });
});

describe('users', () => {
  it('creates (201), reads, lists with search, updates and archives', async () => {
    const created = await api.request('POST', '/admin/users', {
      body: { nombre_completo: 'Elena Gil', email: 'elena@example.com', telefono: '600' },
    });
    expect(created.statusCode).toBe(201);
    const { user } = UserResponseSchema.parse(created.json());
    expect(user).toMatchObject({ nombre_completo: 'Elena Gil', archived: false });

    const read = UserResponseSchema.parse((await api.request('GET', `/admin/users/${user._id}`)).json());
    expect(read.user.email).toBe('elena@example.com');

    const search = UserListResponseSchema.parse(
      (await api.request('GET', '/admin/users?search=RUIZ')).json(),
    );
    expect(search.items.map((u) => u._id)).toEqual(['carla']);

    const patched = await api.request('PATCH', `/admin/users/${user._id}`, {
      body: { notas: 'Lesión de hombro', archived: true },
    });
    expect(patched.statusCode).toBe(200);
    expect(UserResponseSchema.parse(patched.json()).user).toMatchObject({
      notas: 'Lesión de hombro',
      archived: true,
    });

    const active = UserListResponseSchema.parse((await api.request('GET', '/admin/users')).json());
    expect(active.items.map((u) => u._id)).not.toContain(user._id);
    const everyone = UserListResponseSchema.parse(
      (await api.request('GET', '/admin/users?include_archived=true&limit=10')).json(),
    );
    expect(everyone.items.map((u) => u._id)).toContain(user._id);
  });

  it('duplicate id → 409; unknown id → 404; bad bodies and queries → 400 naming the field', async () => {
    const duplicate = await api.request('POST', '/admin/users', {
      body: { _id: 'carla', nombre_completo: 'Otra' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: 'user_exists' });

    expect((await api.request('GET', '/admin/users/nadie')).statusCode).toBe(404);
    const patchUnknown = await api.request('PATCH', '/admin/users/nadie', { body: { notas: 'x' } });
    expect(patchUnknown.statusCode).toBe(404);
    expect(patchUnknown.json()).toMatchObject({ error: 'user_not_found' });

    const badEmail = await api.request('POST', '/admin/users', {
      body: { nombre_completo: 'X', email: 'no' },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(ApiErrorResponseSchema.parse(badEmail.json()).errors?.[0]?.field).toBe('body.email');

    const unknownField = await api.request('PATCH', '/admin/users/carla', { body: { apodo: 'C' } });
    expect(unknownField.json()).toMatchObject({ errors: [{ field: 'body.apodo', code: 'unknown_field' }] });
    const empty = await api.request('PATCH', '/admin/users/carla', { body: {} });
    expect(empty.statusCode).toBe(400);
    const wrongType = await api.request('PATCH', '/admin/users/carla', { body: { archived: 'sí' } });
    expect(wrongType.json()).toMatchObject({ errors: [{ field: 'body.archived' }] });

    const badQuery = await api.request('GET', '/admin/users?include_archived=quizas&limit=abc');
    expect(
      ApiErrorResponseSchema.parse(badQuery.json())
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['query.include_archived', 'query.limit']);
  });
});

describe('submissions', () => {
  it("lists a client's questionnaires newest first, paged; unknown client → 404; token required", async () => {
    for (let i = 0; i < 3; i++) {
      await api.repos.submissions.createWithId(
        `sub-carla-${i}`,
        'carla',
        validResponses({ objetivo_fisico: `Objetivo ${i}` }),
        new Date(Date.UTC(2026, 0, 1 + i)),
      );
    }
    const first = await api.request('GET', '/admin/users/carla/submissions?limit=2');
    expect(first.statusCode).toBe(200);
    const page = UserSubmissionsResponseSchema.parse(first.json());
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items.map((s) => s._id)).toEqual(['sub-carla-2', 'sub-carla-1']);
    expect(page.items[0]).toMatchObject({
      user_id: 'carla',
      submitted_at: new Date('2026-01-03T00:00:00.000Z'),
      plan_generated: false,
      plan_id: null,
      responses: { objetivo_fisico: 'Objetivo 2' },
    });
    const rest = UserSubmissionsResponseSchema.parse(
      (await api.request('GET', '/admin/users/carla/submissions?limit=2&offset=2')).json(),
    );
    expect(rest.items.map((s) => s._id)).toEqual(['sub-carla-0']);
    const none = UserSubmissionsResponseSchema.parse(
      (await api.request('GET', '/admin/users/diego/submissions')).json(),
    );
    expect(none).toMatchObject({ items: [], total: 0 });

    const unknown = await api.request('GET', '/admin/users/nadie/submissions');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'user_not_found' });
    expect((await api.request('GET', '/admin/users/carla/submissions', { token: false })).statusCode).toBe(
      401,
    );
    const bad = await api.request('GET', '/admin/users/carla/submissions?limit=0&orden=asc');
    expect(bad.statusCode).toBe(400);
    expect(
      ApiErrorResponseSchema.parse(bad.json())
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['query.limit', 'query.orden']);
  });
});

describe('plans', () => {
  it("lists a client's plans and reads each by id", async () => {
    const list = UserPlansResponseSchema.parse((await api.request('GET', '/admin/users/carla/plans')).json());
    expect(list.training_plans.items.map((p) => p._id)).toEqual([trainingPlanIdForJob('j1')]);
    expect(list.nutrition_plans.items.map((p) => p._id)).toEqual([nutritionPlanIdForJob('j1')]);
    const none = UserPlansResponseSchema.parse((await api.request('GET', '/admin/users/diego/plans')).json());
    expect(none.training_plans.total).toBe(0);

    const training = PlanResponseSchema.parse(
      (await api.request('GET', `/admin/training-plans/${trainingPlanIdForJob('j1')}`)).json(),
    );
    expect(training.plan).toMatchObject({ job_id: 'j1', training: { audit: { status: 'aprobado' } } });
    const nutrition = PlanResponseSchema.parse(
      (await api.request('GET', `/admin/nutrition-plans/${nutritionPlanIdForJob('j1')}`)).json(),
    );
    expect(nutrition.plan).toMatchObject({ nutrition: { metabolism: { bmr: 1400 } } });
  });

  it('unknown plan or client → 404; the token is required', async () => {
    for (const path of ['/admin/training-plans/tp_x', '/admin/nutrition-plans/np_x']) {
      const response = await api.request('GET', path);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'plan_not_found' });
      expect((await api.request('GET', path, { token: false })).statusCode).toBe(401);
    }
    expect((await api.request('GET', '/admin/users/nadie/plans')).json()).toMatchObject({
      error: 'user_not_found',
    });
  });
});

describe('worker', () => {
  it('reports the worker status and the queue counts; restarts on request', async () => {
    const status = WorkerResponseSchema.parse((await api.request('GET', '/admin/worker')).json());
    expect(status.worker).toMatchObject({
      state: 'running',
      pid: 4242,
      last_exit: { at: new Date('2026-01-02T03:04:05.000Z') },
    });
    expect(status.jobs).toEqual({ pending: 0, running: 0, completed: 0, failed: 0 });

    const restarted = await api.request('POST', '/admin/worker/restart');
    expect(restarted.statusCode).toBe(200);
    expect(restarted.json()).toMatchObject({ success: true, worker: { restarts: 1, pid: 4243 } });
    expect((await api.request('POST', '/admin/worker/restart', { token: false })).statusCode).toBe(401);
  });
});
