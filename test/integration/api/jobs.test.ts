import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  CancelJobResponseSchema,
  GetJobResponseSchema,
  JobListResponseSchema,
  PublicJobJsonSchema,
  PublicJobStatusJsonSchema,
  JobStreamEventSchema,
  RetryJobResponseSchema,
} from '../../../src/shared/api';
import type { JobStatus, JobType } from '../../../src/shared/job';
import { getCollections } from '../../../src/main/db/collections';
import { useApiServer } from '../../support/api-harness';

const api = useApiServer();
const jobs = () => getCollections(api.testDb.db).jobs;

async function jobIn(status: JobStatus, user = 'u1', type: JobType = 'training') {
  const job = await api.queue.enqueue({ user_id: user, submission_id: 's1', type });
  if (status !== 'pending') {
    await jobs().updateOne(
      { _id: job._id },
      {
        $set: {
          status,
          lease:
            status === 'running'
              ? { owner: 'w', token: 'secreto', expires_at: new Date(Date.now() + 60_000) }
              : null,
          ...(status === 'failed' ? { error_reason: 'llm_error', error_message: 'fallo' } : {}),
          ...(status === 'completed' ? { completed_at: new Date() } : {}),
        },
      },
    );
  }
  return job._id;
}

let ids: Record<JobStatus, string>;
beforeAll(async () => {
  ids = {
    pending: await jobIn('pending'),
    running: await jobIn('running'),
    completed: await jobIn('completed', 'u2'),
    failed: await jobIn('failed', 'u2'),
  };
  await jobIn('pending', 'u3', 'nutrition');
});

function parseStream(body: string) {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => JobStreamEventSchema.parse(JSON.parse(block.split('\ndata: ')[1] ?? '')));
}

describe('GET /jobs/{job_id}', () => {
  it('is public: without the token, only state and progress (PublicJobStatusSchema), no client data', async () => {
    const response = await api.request('GET', `/jobs/${ids.running}`, { token: false });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    const view = PublicJobStatusJsonSchema.parse(body);
    expect(view).toMatchObject({
      _id: ids.running,
      job_id: ids.running,
      type: 'training',
      status: 'running',
      progress: { total_steps: 9, completed_steps: 0, message: 'Generando el plan…' },
      result: { training_plan_id: null, nutrition_plan_id: null },
      error_reason: null,
    });
    for (const hidden of [
      'user_id',
      'submission_id',
      'error_message',
      'execution_log',
      'token_usage',
      'cost_usd',
      'lease',
    ])
      expect(body, hidden).not.toHaveProperty(hidden);
    expect(typeof body['created_at']).toBe('string');
  });

  it('a wrong token on a public route is a 401, not the public view', async () => {
    for (const path of [`/jobs/${ids.running}`, `/jobs/${ids.completed}/events`, '/health']) {
      const response = await api.request('GET', path, { token: 'token-equivocado' });
      expect(response.statusCode, path).toBe(401);
      expect(ApiErrorResponseSchema.parse(response.json()).error).toBe('unauthorized');
    }
    const malformed = await api.request('GET', `/jobs/${ids.running}`, {
      token: false,
      headers: { authorization: 'Bearer' },
    });
    expect(malformed.statusCode).toBe(401);
    // Another scheme (a proxy's Basic credentials) is not an attempt at the token: the public view.
    const basic = await api.request('GET', `/jobs/${ids.running}`, {
      token: false,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.statusCode).toBe(200);
    expect(PublicJobStatusJsonSchema.safeParse(basic.json()).success).toBe(true);
  });

  it('with the admin token, answers the job document without queue internals, dates as ISO strings', async () => {
    const response = await api.request('GET', `/jobs/${ids.running}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(GetJobResponseSchema.safeParse(body).success).toBe(true);
    const job = PublicJobJsonSchema.parse(body);
    expect(job).toMatchObject({ _id: ids.running, status: 'running', progress: { total_steps: 9 } });
    expect(body).not.toHaveProperty('lease');
    expect(body).not.toHaveProperty('rev');
    expect(response.body).not.toContain('secreto');
    expect(typeof body['created_at']).toBe('string');
    // The original's fields are all present.
    for (const field of [
      'user_id',
      'submission_id',
      'type',
      'progress',
      'result',
      'error_message',
      'error_reason',
      'token_usage',
      'started_at',
      'completed_at',
      'execution_log',
    ]) {
      expect(body).toHaveProperty(field);
    }
  });

  it('names the models missing from the price table (unpriced_models), [] for documents without it', async () => {
    await jobs().updateOne(
      { _id: ids.completed },
      { $set: { cost_usd: 0.0123, unpriced_models: ['modelo-sin-precio'] } },
    );
    const priced = await api.request('GET', `/jobs/${ids.completed}`);
    expect(GetJobResponseSchema.parse(priced.json())).toMatchObject({
      cost_usd: 0.0123,
      unpriced_models: ['modelo-sin-precio'],
    });
    await jobs().updateOne({ _id: ids.failed }, { $unset: { unpriced_models: '' } });
    const older = await api.request('GET', `/jobs/${ids.failed}`);
    expect(older.json<Record<string, unknown>>()['unpriced_models']).toEqual([]);
    const listed = JobListResponseSchema.parse((await api.request('GET', '/admin/jobs?user_id=u2')).json());
    expect(listed.items.find((job) => job._id === ids.completed)?.unpriced_models).toEqual([
      'modelo-sin-precio',
    ]);
  });

  it('names the fields of a failed questionnaire (error_fields), error_message untouched; [] for older documents', async () => {
    const fields = [
      { field: 'responses.peso', code: 'invalid_number', message: 'peso: se esperaba un número' },
      { field: 'SCR-03', code: 'SCR-03', message: 'Menor de edad (15 años)' },
    ];
    await jobs().updateOne({ _id: ids.failed }, { $set: { error_fields: fields } });
    const failed = await api.request('GET', `/jobs/${ids.failed}`);
    expect(failed.statusCode).toBe(200);
    expect(GetJobResponseSchema.parse(failed.json())).toMatchObject({
      status: 'failed',
      error_message: 'fallo',
      error_fields: fields,
    });
    const listed = JobListResponseSchema.parse(
      (await api.request('GET', '/admin/jobs?status=failed')).json(),
    );
    expect(listed.items.find((job) => job._id === ids.failed)?.error_fields).toEqual(fields);

    await jobs().updateOne({ _id: ids.completed }, { $unset: { error_fields: '' } });
    const older = await api.request('GET', `/jobs/${ids.completed}`);
    expect(older.json<Record<string, unknown>>()['error_fields']).toEqual([]);
  });

  it('unknown id → 404 JSON', async () => {
    const response = await api.request('GET', '/jobs/no-existe', { token: false });
    expect(response.statusCode).toBe(404);
    expect(ApiErrorResponseSchema.parse(response.json()).error).toBe('job_not_found');
  });
});

describe('GET /admin/jobs', () => {
  it('filters by status, user and type, and pages', async () => {
    const all = JobListResponseSchema.parse((await api.request('GET', '/admin/jobs')).json());
    expect(all.total).toBe(5);
    const failed = JobListResponseSchema.parse(
      (await api.request('GET', '/admin/jobs?status=failed')).json(),
    );
    expect(failed.items.map((job) => job._id)).toEqual([ids.failed]);
    const u2 = JobListResponseSchema.parse((await api.request('GET', '/admin/jobs?user_id=u2')).json());
    expect(u2.total).toBe(2);
    const nutrition = JobListResponseSchema.parse(
      (await api.request('GET', '/admin/jobs?type=nutrition')).json(),
    );
    expect(nutrition.items.map((job) => job.user_id)).toEqual(['u3']);
    const page = JobListResponseSchema.parse(
      (await api.request('GET', '/admin/jobs?limit=2&offset=1')).json(),
    );
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.items).toHaveLength(2);
    expect(JSON.stringify(all)).not.toContain('lease');
  });

  it('refuses bad filters and unknown parameters by name', async () => {
    const response = await api.request('GET', '/admin/jobs?status=hecho&limit=0&color=azul');
    expect(response.statusCode).toBe(400);
    const fields = ApiErrorResponseSchema.parse(response.json()).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['query.status', 'query.limit', 'query.color']));
  });
});

describe('POST /admin/jobs/{id}/cancel and /retry', () => {
  it('cancels a pending job at once and flags a running one', async () => {
    const pending = await api.request('POST', `/admin/jobs/${ids.pending}/cancel`);
    expect(pending.statusCode).toBe(200);
    expect(CancelJobResponseSchema.parse(pending.json())).toMatchObject({
      outcome: 'cancelled',
      job: { status: 'failed', error_reason: 'cancelled' },
    });
    const running = await api.request('POST', `/admin/jobs/${ids.running}/cancel`, { body: {} });
    expect(running.statusCode).toBe(202);
    expect(CancelJobResponseSchema.parse(running.json())).toMatchObject({
      outcome: 'cancel_requested',
      job: { status: 'running', cancel_requested: true },
    });
  });

  it('a finished job cannot be cancelled; unknown ids are 404; a body with fields is refused', async () => {
    const done = await api.request('POST', `/admin/jobs/${ids.completed}/cancel`);
    expect(done.statusCode).toBe(409);
    expect(done.json()).toMatchObject({ error: 'job_not_cancellable' });
    const unknown = await api.request('POST', '/admin/jobs/no-existe/cancel');
    expect(unknown.statusCode).toBe(404);
    const withBody = await api.request('POST', `/admin/jobs/${ids.completed}/cancel`, {
      body: { motivo: 'x' },
    });
    expect(withBody.statusCode).toBe(400);
    expect(withBody.json()).toMatchObject({ errors: [{ field: 'body.motivo', code: 'unknown_field' }] });
  });

  it('retries a failed job; other states are 409, unknown ids 404', async () => {
    const retried = await api.request('POST', `/admin/jobs/${ids.failed}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(RetryJobResponseSchema.parse(retried.json()).job).toMatchObject({
      status: 'pending',
      error_reason: null,
      error_fields: [],
    });
    const after = await api.request('GET', `/jobs/${ids.failed}`);
    expect(after.json<Record<string, unknown>>()['error_fields']).toEqual([]);
    const again = await api.request('POST', `/admin/jobs/${ids.completed}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'job_not_retryable' });
    expect((await api.request('POST', '/admin/jobs/no-existe/retry')).statusCode).toBe(404);
  });

  it('admin job routes need the token', async () => {
    for (const [method, path] of [
      ['GET', '/admin/jobs'],
      ['POST', `/admin/jobs/${ids.completed}/cancel`],
      ['POST', `/admin/jobs/${ids.completed}/retry`],
    ] as const) {
      expect((await api.request(method, path, { token: false })).statusCode, path).toBe(401);
    }
  });
});

describe('GET /jobs/{id}/events on a finished job', () => {
  it('sends the snapshot and ends the stream at once', async () => {
    const response = await api.request('GET', `/jobs/${ids.completed}/events`, { token: false });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const messages = parseStream(response.body);
    expect(messages.map((message) => message.type)).toEqual(['snapshot']);
    expect(messages[0]?.job.status).toBe('completed');
  });

  it('skips events older than what was already sent, forwards newer ones, ends on completion', async () => {
    const stored = (await api.repos.jobs.getPublic(ids.running))!;
    const { rev } = (await api.repos.jobs.get(ids.running))!;
    const at = (ms: number) => new Date(stored.updated_at.getTime() + ms);
    // Publish only once the stream listens (events before that would be lost to it, by design).
    const bus = api.events;
    const subscribe = bus.subscribe.bind(bus);
    const listening = new Promise<void>((resolve) => {
      bus.subscribe = (listener) => {
        const unsubscribe = subscribe(listener);
        resolve();
        return unsubscribe;
      };
    });
    const response = api.request('GET', `/jobs/${ids.running}/events`, { token: false });
    await listening;
    bus.subscribe = subscribe;
    const progress = (ms: number, steps: number) => ({
      ...stored,
      updated_at: at(ms),
      progress: { ...stored.progress, completed_steps: steps },
    });
    // Order is by revision, not by clock: the snapshot's revision and older ones are skipped.
    const other = { ...stored, _id: 'otro-job', updated_at: at(50) };
    const publish = (type: 'progress' | 'completed', job: typeof stored, revision: number) =>
      api.events.publish({ type, job_id: job._id, at: new Date(), rev: revision, job });
    publish('progress', other, rev + 5);
    publish('progress', progress(1000, 1), rev);
    publish('progress', progress(100, 5), rev + 2);
    publish('progress', progress(5000, 4), rev + 1);
    publish('completed', { ...progress(200, 9), status: 'completed' as const }, rev + 3);
    const events = parseStream((await response).body);
    expect(events.map((e) => [e.type, e.job.progress.completed_steps])).toEqual([
      ['snapshot', stored.progress.completed_steps],
      ['progress', 5],
      ['completed', 9],
    ]);
    expect(events.every((e) => e.job_id === ids.running)).toBe(true);
  });

  it('unknown job → 404 JSON, not a stream', async () => {
    const response = await api.request('GET', '/jobs/no-existe/events', { token: false });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'job_not_found' });
  });

  it("estimates a plan before generating it, with the server's models and prices, behind the token", async () => {
    const full = await api.request('GET', '/admin/estimate?type=full');
    expect(full.statusCode).toBe(200);
    const body = full.json() as { success: boolean; usd: number; agents: number; unpriced_models: string[] };
    // E9 is written by code: 17 LLM agents to pay for.
    expect(body).toMatchObject({ success: true, agents: 17, unpriced_models: [] });
    expect(body.usd).toBeGreaterThan(0);
    const training = (await api.request('GET', '/admin/estimate?type=training')).json() as { usd: number };
    // Training: 8 of the 17 paid agents, all on the same model.
    expect(training.usd).toBeCloseTo((body.usd * 8) / 17, 6);

    const bad = await api.request('GET', '/admin/estimate?type=todo');
    expect(bad.statusCode).toBe(400);
    expect(ApiErrorResponseSchema.parse(bad.json()).errors?.[0]?.field).toBe('query.type');
    expect((await api.request('GET', '/admin/estimate?type=full', { token: false })).statusCode).toBe(401);
  });

  it('lists the jobs changed since an instant, oldest change first, for followers of every job', async () => {
    const older = await jobIn('pending', 'u-follow');
    const since = new Date(Date.now() + 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = await jobIn('pending', 'u-follow');
    const second = await jobIn('running', 'u-follow');
    await jobs().updateOne({ _id: first }, { $set: { updated_at: new Date(Date.now() + 1_000) } });

    const listed = JobListResponseSchema.parse(
      (
        await api.request('GET', `/admin/jobs?updated_since=${encodeURIComponent(since.toISOString())}`)
      ).json(),
    );
    const ids = listed.items.map((job) => job._id);
    expect(ids).not.toContain(older);
    // Oldest change first: `second` changed before `first` was touched again.
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(ids.indexOf(second)).toBeGreaterThanOrEqual(0);

    const bad = await api.request('GET', '/admin/jobs?updated_since=ayer');
    expect(bad.statusCode).toBe(400);
    expect(ApiErrorResponseSchema.parse(bad.json()).errors?.[0]?.field).toBe('query.updated_since');
  });
});
