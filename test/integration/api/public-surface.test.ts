import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  HealthResponseSchema,
  JobStreamEventSchema,
  PublicHealthResponseSchema,
  PublicJobJsonSchema,
  PublicJobStatusJsonSchema,
  SUBMISSION_LIMITS,
  SubmitQuestionnaireResponseSchema,
} from '../../../src/shared/api';
import { apiOptionsFromEnv, ApiEnvError } from '../../../src/main/api/api-env';
import { publicSubmitOpen } from '../../../src/main/api/routes/questionnaire-routes';
import { getCollections } from '../../../src/main/db/collections';
import { failedPatch } from '../../../src/main/queue/failed-patch';
import type { WorkerControl } from '../../../src/main/api/deps';
import {
  TEST_HOST,
  TEST_TOKEN,
  testApiConfig,
  useApiServer,
  validResponses,
} from '../../support/api-harness';

/*
 * Issue #17 point 6, "Public surface closed": without the admin token the public routes answer
 * state and progress only; the token unlocks the details; the public submit route may only create
 * a new client, within size limits, and is closed off loopback unless enabled; event streams are
 * capped per address, overall and in lifetime; 401 and 500 answers carry no file paths.
 */

const api = useApiServer();
const jobs = () => getCollections(api.testDb.db).jobs;

/** What a screening failure quotes from the client's answers (never to leave without the token). */
const HEALTH_TEXT = 'dolor torácico al esfuerzo; toma sintrom 4 mg';

async function screeningFailedJob(): Promise<string> {
  const job = await api.queue.enqueue({ user_id: 'cliente-salud', submission_id: 'sub-salud', type: 'full' });
  const stored = (await jobs().findOne({ _id: job._id }))!;
  const patch = failedPatch(stored, {
    reason: 'screening_required',
    message: `El cuestionario necesita revisión médica: ${HEALTH_TEXT}`,
    fields: [{ field: 'SCR-01', code: 'SCR-01', message: `PAR-Q: ${HEALTH_TEXT}` }],
    now: new Date(),
  });
  await jobs().updateOne({ _id: job._id }, { $set: patch });
  return job._id;
}

function streamEvents(body: string) {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => JobStreamEventSchema.parse(JSON.parse(block.split('\ndata: ')[1] ?? '')));
}

let failedId: string;
beforeAll(async () => {
  failedId = await screeningFailedJob();
});

describe('GET /health: up/down in public, details with the token', () => {
  it('without the token answers only {status}; with it, version, database, worker and LLM', async () => {
    const open = await api.request('GET', '/health', { token: false });
    expect(open.statusCode).toBe(200);
    expect(PublicHealthResponseSchema.parse(open.json())).toEqual({ status: 'ok' });

    const full = await api.request('GET', '/health');
    expect(full.statusCode).toBe(200);
    expect(HealthResponseSchema.parse(full.json())).toMatchObject({
      status: 'ok',
      version: '0.0.0-test',
      database: { ok: true },
    });
  });
});

describe('a worker with running jobs: their ids only with the token', () => {
  const worker: WorkerControl = {
    getStatus: () => ({
      state: 'running',
      pid: 4242,
      concurrency: 1,
      restarts: 0,
      running_jobs: ['job-secreto-en-curso'],
      last_exit: null,
      next_restart_at: null,
    }),
    restart: () => Promise.resolve(),
  } as unknown as WorkerControl;
  const withWorker = useApiServer({ worker });

  it('public /health lists no job ids, no pid', async () => {
    const open = await withWorker.request('GET', '/health', { token: false });
    expect(open.json()).toEqual({ status: 'ok' });
    expect(open.body).not.toContain('job-secreto-en-curso');
    const full = await withWorker.request('GET', '/health');
    expect(full.body).toContain('job-secreto-en-curso');
  });
});

describe('GET /jobs/{id} and its events: state and progress only without the token', () => {
  it('a screening failure: public view has the reason code and a generic message, no health text', async () => {
    const open = await api.request('GET', `/jobs/${failedId}`, { token: false });
    expect(open.statusCode).toBe(200);
    const view = PublicJobStatusJsonSchema.parse(open.json());
    expect(view).toMatchObject({
      status: 'failed',
      error_reason: 'screening_required',
      progress: { message: 'El plan necesita la revisión del entrenador antes de generarse.' },
    });
    expect(open.body).not.toContain('torácico');
    expect(open.body).not.toContain('sintrom');
    expect(open.body).not.toContain('cliente-salud');
    expect(open.body).not.toContain('sub-salud');
  });

  it('with the token, the whole document as before (user, error message, fields, log)', async () => {
    const full = await api.request('GET', `/jobs/${failedId}`);
    const job = PublicJobJsonSchema.parse(full.json());
    expect(job).toMatchObject({ user_id: 'cliente-salud', error_reason: 'screening_required' });
    expect(job.error_message).toContain(HEALTH_TEXT);
    expect(job.error_fields[0]?.message).toContain(HEALTH_TEXT);
  });

  it('the event stream gives the same view: public without the token, whole with it', async () => {
    const open = await api.request('GET', `/jobs/${failedId}/events`, { token: false });
    expect(open.statusCode).toBe(200);
    const [snapshot] = streamEvents(open.body);
    const data = JSON.parse(open.body.split('\ndata: ')[1]?.split('\n')[0] ?? '') as { job: unknown };
    expect(PublicJobStatusJsonSchema.safeParse(data.job).success).toBe(true);
    expect(snapshot?.job.status).toBe('failed');
    for (const text of ['torácico', 'sintrom', 'cliente-salud', 'execution_log', 'error_message'])
      expect(open.body, text).not.toContain(text);

    const full = await api.request('GET', `/jobs/${failedId}/events`);
    expect(full.body).toContain('cliente-salud');
    expect(full.body).toContain('torácico');
  });
});

describe('POST /submit-nutrition-questionnaire without the token', () => {
  const submit = (body: unknown, token: string | false = false) =>
    api.request('POST', '/submit-nutrition-questionnaire', { body, token });

  it('creates a new client', async () => {
    const response = await submit({
      user_id: 'nueva-publica',
      responses: validResponses({ email: 'nueva.publica@example.com' }),
    });
    expect(response.statusCode).toBe(201);
    expect(SubmitQuestionnaireResponseSchema.parse(response.json())).toMatchObject({ user_created: true });
  });

  it('refuses an existing client by id, naming user_id; the token allows it', async () => {
    await api.repos.users.create({ _id: 'cliente-ficha', nombre_completo: 'Ficha Existente' });
    const before = await api.repos.submissions.listForUser('cliente-ficha', {});
    const refused = await submit({
      user_id: 'cliente-ficha',
      responses: validResponses({
        email: 'otro.email@example.com',
        autorizacion_medica: { tiene: true, notas: 'me autorizo yo' },
      }),
    });
    expect(refused.statusCode).toBe(409);
    const body = ApiErrorResponseSchema.parse(refused.json());
    expect(body).toMatchObject({ error: 'user_exists', errors: [{ field: 'user_id', code: 'user_exists' }] });
    expect(body.message).toContain('token de administración');
    expect((await api.repos.submissions.listForUser('cliente-ficha', {})).total).toBe(before.total);

    const allowed = await submit(
      { user_id: 'cliente-ficha', responses: validResponses({ email: 'otro.email@example.com' }) },
      TEST_TOKEN,
    );
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json()).toMatchObject({ user_created: false });
  });

  it('refuses a new id with the email of an existing client, naming responses.email', async () => {
    await api.repos.users.create({
      _id: 'cliente-con-email',
      nombre_completo: 'Con Email',
      email: 'Ya.Registrada@example.com',
    });
    const refused = await submit({
      user_id: 'id-inventado',
      responses: validResponses({ email: 'ya.registrada@EXAMPLE.com' }),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ errors: [{ field: 'responses.email' }] });
    expect(await api.repos.users.get('id-inventado')).toBeNull();
  });

  it('limits the number of fields and the length of texts, naming the field and the limit', async () => {
    const many = Object.fromEntries(
      Array.from({ length: SUBMISSION_LIMITS.fields + 1 }, (_, i) => [`campo_${i}`, 'x']),
    );
    const tooMany = await submit({ user_id: 'limites-1', responses: { ...validResponses(), ...many } });
    expect(tooMany.statusCode).toBe(400);
    const manyBody = ApiErrorResponseSchema.parse(tooMany.json());
    expect(manyBody.errors?.[0]?.field).toBe('body.responses');
    expect(manyBody.message).toContain(`máximo ${SUBMISSION_LIMITS.fields}`);

    const long = await submit({
      user_id: 'limites-2',
      responses: validResponses({ motivacion: 'a'.repeat(SUBMISSION_LIMITS.textLength + 1) }),
    });
    expect(long.statusCode).toBe(400);
    const longBody = ApiErrorResponseSchema.parse(long.json());
    expect(longBody.errors?.[0]?.field).toBe('body.responses.motivacion');
    expect(longBody.message).toContain(`máximo ${SUBMISSION_LIMITS.textLength} caracteres`);

    const list = await submit({
      user_id: 'limites-3',
      responses: validResponses({ alimentos_no_gustan: Array.from({ length: 101 }, () => 'x') }),
    });
    expect(list.statusCode).toBe(400);
    expect(list.json()).toMatchObject({ errors: [{ field: 'body.responses.alimentos_no_gustan' }] });
    expect(await api.repos.users.get('limites-1')).toBeNull();
  });
});

describe('the public submit route and what people really write', () => {
  // Its own server with the rate limit out of the way: hundreds of submissions in a row.
  const roomy = useApiServer({ apiOptions: { rateLimit: { max: 100_000, windowMs: 60_000 } } });

  it("the size limits never refuse what people really write: every phrasing of the reader's fixtures (es/en) is taken as sent", async () => {
    const cases = [
      'health-phrasings.json',
      'health-phrasings-fresh.json',
      'health-phrasings-heldout.json',
    ].flatMap(
      (file) =>
        (
          JSON.parse(readFileSync(join(__dirname, '../../fixtures', file), 'utf8')) as {
            cases: Array<{ id: string; responses: Record<string, unknown> }>;
          }
        ).cases,
    );
    expect(cases.length).toBeGreaterThan(100);
    const refused: string[] = [];
    for (const [i, { id, responses }] of cases.entries()) {
      const userId = `frase-${i}`;
      const response = await roomy.request('POST', '/submit-nutrition-questionnaire', {
        token: false,
        body: {
          user_id: userId,
          responses: { ...validResponses({ email: `${userId}@example.com` }), ...responses },
        },
      });
      if (response.statusCode !== 201) refused.push(`${id}: ${response.statusCode} ${response.body}`);
      else {
        const [stored] = (await roomy.repos.submissions.listForUser(userId, {})).items;
        for (const [field, answer] of Object.entries(responses))
          if (
            JSON.stringify((stored?.responses as Record<string, unknown>)[field]) !== JSON.stringify(answer)
          )
            refused.push(`${id}: ${field} not stored as sent`);
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('the public submit route off loopback', () => {
  const lan = useApiServer({ config: testApiConfig({ host: '0.0.0.0', tokenSource: 'env' }) });
  const lanOpen = useApiServer({
    config: testApiConfig({ host: '0.0.0.0', tokenSource: 'env' }),
    apiOptions: { publicSubmit: true },
  });
  const body = (id: string) => ({ user_id: id, responses: validResponses({ email: `${id}@example.com` }) });

  it('is refused (403) without the token unless EDN_PUBLIC_SUBMIT=1; the token always passes', async () => {
    const refused = await lan.request('POST', '/submit-nutrition-questionnaire', {
      body: body('lan-1'),
      token: false,
    });
    expect(refused.statusCode).toBe(403);
    const error = ApiErrorResponseSchema.parse(refused.json());
    expect(error.error).toBe('forbidden');
    expect(error.message).toContain('EDN_PUBLIC_SUBMIT=1');
    expect(await lan.repos.users.get('lan-1')).toBeNull();

    expect(
      (await lan.request('POST', '/submit-nutrition-questionnaire', { body: body('lan-2') })).statusCode,
    ).toBe(201);
    const enabled = await lanOpen.request('POST', '/submit-nutrition-questionnaire', {
      body: body('lan-3'),
      token: false,
    });
    expect(enabled.statusCode).toBe(201);
  });

  it('the policy: loopback always open; other addresses only when enabled; EDN_PUBLIC_SUBMIT parsed strictly', () => {
    expect(publicSubmitOpen('127.0.0.1', false)).toBe(true);
    expect(publicSubmitOpen('localhost', false)).toBe(true);
    expect(publicSubmitOpen('0.0.0.0', false)).toBe(false);
    expect(publicSubmitOpen('192.168.1.10', false)).toBe(false);
    expect(publicSubmitOpen('192.168.1.10', true)).toBe(true);
    expect(apiOptionsFromEnv({ EDN_PUBLIC_SUBMIT: '1' }).publicSubmit).toBe(true);
    expect(apiOptionsFromEnv({ EDN_PUBLIC_SUBMIT: 'false' }).publicSubmit).toBe(false);
    expect(apiOptionsFromEnv({}).publicSubmit).toBe(false);
    expect(() => apiOptionsFromEnv({ EDN_PUBLIC_SUBMIT: 'si' })).toThrow(ApiEnvError);
  });
});

describe('event streams: caps per address and overall, maximum lifetime', () => {
  const capped = useApiServer({
    apiOptions: { sseMaxPerClient: 2, sseMaxTotal: 3, sseMaxLifetimeMs: 1_500, sseHeartbeatMs: 60_000 },
  });
  const open = (jobId: string, remoteAddress: string) =>
    capped.app.inject({
      method: 'GET',
      url: `/jobs/${jobId}/events`,
      headers: { host: TEST_HOST },
      remoteAddress,
    });

  it('429 with Retry-After past the cap of one address and of the server; a stream ends after its lifetime', async () => {
    const job = await capped.queue.enqueue({ user_id: 'u-sse', submission_id: 's', type: 'training' });
    await getCollections(capped.testDb.db).jobs.updateOne({ _id: job._id }, { $set: { status: 'running' } });
    const started = Date.now();
    const first = [open(job._id, '10.0.0.1'), open(job._id, '10.0.0.1')];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const perClient = await open(job._id, '10.0.0.1');
    expect(perClient.statusCode).toBe(429);
    expect(perClient.headers['retry-after']).toBe('30');
    expect(ApiErrorResponseSchema.parse(perClient.json())).toMatchObject({ error: 'rate_limited' });
    expect(perClient.json<{ message: string }>().message).toContain('máximo 2 por dirección');

    const other = open(job._id, '10.0.0.2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const overall = await open(job._id, '10.0.0.3');
    expect(overall.statusCode).toBe(429);

    // The job never finishes: each stream ends at its maximum lifetime, with a comment saying so.
    const ended = await Promise.all([...first, other]);
    for (const response of ended) {
      expect(response.statusCode).toBe(200);
      expect(streamEvents(response.body).map((event) => event.type)).toEqual(['snapshot']);
      expect(response.body).toContain(': duración máxima del flujo alcanzada');
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    // Their places are free again.
    const again = open(job._id, '10.0.0.1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await getCollections(capped.testDb.db).jobs.updateOne(
      { _id: job._id },
      { $set: { status: 'completed', completed_at: new Date() } },
    );
    capped.events.publish({
      type: 'completed',
      job_id: job._id,
      at: new Date(),
      rev: (await capped.repos.jobs.get(job._id))!.rev + 1,
      job: (await capped.repos.jobs.getPublic(job._id))!,
    });
    expect((await again).statusCode).toBe(200);
  });
});

describe('401 and 500 answers carry no file paths', () => {
  const boom = new Error('fallo en /work/main/src/main/api/x.ts:12 (node_modules/fastify/lib/route.js:1)');
  const broken = useApiServer({
    worker: {
      getStatus: () => {
        throw boom;
      },
      restart: () => Promise.reject(boom),
    } as unknown as WorkerControl,
  });
  const PATH_LIKE = ['/work', '/tmp', 'node_modules', '.ts:', '.js:', '/settings.json', 'edn-api-'];

  it('an unexpected failure is a 500 with a generic message', async () => {
    const response = await broken.request('GET', '/health');
    expect(response.statusCode).toBe(500);
    const body = ApiErrorResponseSchema.parse(response.json());
    expect(body.error).toBe('internal_error');
    for (const text of PATH_LIKE) expect(response.body, text).not.toContain(text);
    expect(response.body).not.toContain('fallo en');
  });

  it('401s name where the token lives without its path', async () => {
    for (const [url, token] of [
      ['/admin/users', false],
      ['/admin/users', 'mal'],
      ['/jobs/x', 'mal'],
    ] as const) {
      const response = await api.request('GET', url, { token });
      expect(response.statusCode, url).toBe(401);
      for (const text of PATH_LIKE) expect(response.body, `${url} ${text}`).not.toContain(text);
      expect(response.body).toContain('settings.json');
    }
  });
});
