import { beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorResponseSchema, GenerateAsyncResponseSchema } from '../../../src/shared/api';
import { trainingPlanIdForJob, type TrainingPlanDocument } from '../../../src/shared/plans';
import { useApiServer, validResponses } from '../../support/api-harness';

const api = useApiServer();
const url = (userId: string) => `/admin/users/${userId}/plans/generate_async`;
let submissionId = '';
let otherSubmissionId = '';

function trainingPlan(jobId: string, userId: string): TrainingPlanDocument {
  const section = { agente: 'simulado' };
  return {
    _id: trainingPlanIdForJob(jobId),
    user_id: userId,
    job_id: jobId,
    submission_id: 'sub',
    previous_training_plan_id: null,
    created_at: new Date(),
    language: 'es',
    model: 'simulado',
    metrics: {
      total_tokens: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      cost_usd: 0,
      duration_ms: 0,
      by_agent: {},
    },
    training: {
      client_summary: {},
      capacity: {},
      adaptation: {},
      mesocycle: {},
      sessions: section,
      safe_sessions: section,
      formatted_plan: section,
      audit: { status: 'aprobado', checks: [] },
      bridge_for_nutrition: {},
    },
  };
}

beforeAll(async () => {
  await api.repos.users.create({ _id: 'ana', nombre_completo: 'Ana' });
  await api.repos.users.create({ _id: 'bea', nombre_completo: 'Bea' });
  submissionId = (await api.repos.submissions.create('ana', validResponses()))._id;
  otherSubmissionId = (await api.repos.submissions.create('bea', validResponses()))._id;
  await api.repos.trainingPlans.saveOnce(trainingPlan('job-previo-ana', 'ana'));
  await api.repos.trainingPlans.saveOnce(trainingPlan('job-previo-bea', 'bea'));
});

describe('POST /admin/users/{user_id}/plans/generate_async', () => {
  it('creates a pending job and answers with its id and the original message', async () => {
    const response = await api.request('POST', url('ana'), {
      body: {
        type: 'full',
        submission_id: submissionId,
        previous_training_plan_id: trainingPlanIdForJob('job-previo-ana'),
      },
    });
    expect(response.statusCode).toBe(200);
    const body = GenerateAsyncResponseSchema.parse(response.json());
    expect(body.message).toBe(`Job de generación creado. Consulta el estado en /jobs/${body.job_id}`);
    const job = await api.repos.jobs.get(body.job_id);
    expect(job).toMatchObject({
      status: 'pending',
      type: 'full',
      user_id: 'ana',
      submission_id: submissionId,
      previous_training_plan_id: trainingPlanIdForJob('job-previo-ana'),
    });
  });

  it("unknown user, submission, another client's submission, unknown or foreign previous plan → 404", async () => {
    const cases = [
      { user: 'nadie', body: { type: 'training', submission_id: submissionId }, error: 'user_not_found' },
      { user: 'ana', body: { type: 'training', submission_id: 'no-existe' }, error: 'submission_not_found' },
      {
        user: 'ana',
        body: { type: 'training', submission_id: otherSubmissionId },
        error: 'submission_not_found',
      },
      {
        user: 'ana',
        body: { type: 'training', submission_id: submissionId, previous_training_plan_id: 'tp_no-existe' },
        error: 'plan_not_found',
      },
      {
        user: 'ana',
        body: {
          type: 'training',
          submission_id: submissionId,
          previous_training_plan_id: trainingPlanIdForJob('job-previo-bea'),
        },
        error: 'plan_not_found',
      },
    ];
    for (const { user, body, error } of cases) {
      const response = await api.request('POST', url(user), { body });
      expect(response.statusCode, error).toBe(404);
      const parsed = ApiErrorResponseSchema.parse(response.json());
      expect(parsed.error).toBe(error);
      expect(parsed.message.length).toBeGreaterThan(20);
    }
    expect((await api.repos.jobs.list({ user_id: 'ana', type: 'training' })).total).toBe(0);
  });

  it('a bad type, wrong types, missing and unknown fields → 400 naming them', async () => {
    const badType = await api.request('POST', url('ana'), {
      body: { type: 'yoga', submission_id: submissionId },
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({
      error: 'validation_error',
      errors: [{ field: 'body.type', message: 'body.type: type debe ser "training", "nutrition" o "full"' }],
    });

    const wrongTypes = await api.request('POST', url('ana'), {
      body: { type: 'training', submission_id: 7, extra: true },
    });
    expect(wrongTypes.statusCode).toBe(400);
    const fields = ApiErrorResponseSchema.parse(wrongTypes.json()).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.submission_id', 'body.extra']));

    const missing = await api.request('POST', url('ana'), { body: {} });
    expect(ApiErrorResponseSchema.parse(missing.json()).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.type', 'body.submission_id']),
    );
  });

  it('needs the admin token', async () => {
    const response = await api.request('POST', url('ana'), {
      body: { type: 'training', submission_id: submissionId },
      token: false,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ success: false, error: 'unauthorized' });
  });
});
