import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorResponseSchema } from '../../../src/shared/api';
import type { JobStatus } from '../../../src/shared/job';
import type { WorkerStatus } from '../../../src/shared/worker-status';
import type { WorkerControl } from '../../../src/main/api/deps';
import { createApiServer } from '../../../src/main/api/server';
import { getCollections } from '../../../src/main/db/collections';
import { silentLogger } from '../../../src/main/log/logger';
import {
  databaseHandle,
  TEST_TOKEN,
  testApiConfig,
  useApiServer,
  apiHostParts,
} from '../../support/api-harness';

// Issue 14 §6: the original FastAPI ignored the body of its action routes, so its clients send
// `Content-Type: application/json` with nothing after it (or `curl -d ''`, a zero-byte form). Over a
// real socket, as those clients do.

class FakeWorker implements WorkerControl {
  status: WorkerStatus = {
    state: 'running',
    pid: 100,
    concurrency: 1,
    running_jobs: [],
    restarts: 0,
    last_exit: null,
    next_restart_at: null,
  };
  getStatus(): WorkerStatus {
    return this.status;
  }
  async restart(): Promise<void> {
    this.status = { ...this.status, restarts: this.status.restarts + 1 };
  }
}

const api = useApiServer();
const worker = new FakeWorker();
let server: FastifyInstance | undefined;
let base = '';
beforeAll(async () => {
  server = await createApiServer({
    config: testApiConfig({ port: 0 }),
    database: databaseHandle(api.testDb),
    repositories: api.repos,
    queue: api.queue,
    events: api.events,
    ...apiHostParts(api.testDb.db, api.events),
    worker,
    logger: silentLogger(),
    version: '0.0.0-test',
    options: { checkResponses: true },
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
});

async function jobIn(status: Extract<JobStatus, 'pending' | 'failed'>): Promise<string> {
  const job = await api.queue.enqueue({ user_id: 'u-empty', submission_id: 's1', type: 'training' });
  if (status === 'failed') {
    await getCollections(api.testDb.db).jobs.updateOne(
      { _id: job._id },
      { $set: { status: 'failed', lease: null, error_reason: 'llm_error', error_message: 'fallo' } },
    );
  }
  return job._id;
}

async function post(path: string, contentType: string | null, body?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${TEST_TOKEN}` };
  if (contentType !== null) headers['content-type'] = contentType;
  return fetch(`${base}${path}`, { method: 'POST', headers, ...(body !== undefined ? { body } : {}) });
}

// Each action route and what a successful call answers (a fresh job per call).
const actions: { name: string; path: () => Promise<string>; status: number }[] = [
  { name: 'cancel', path: async () => `/admin/jobs/${await jobIn('pending')}/cancel`, status: 200 },
  { name: 'retry', path: async () => `/admin/jobs/${await jobIn('failed')}/retry`, status: 200 },
  { name: 'worker restart', path: async () => '/admin/worker/restart', status: 200 },
];
const contentTypes = [
  null,
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  // A header with no value at all.
  '',
];

describe('bodiless action routes', () => {
  for (const action of actions) {
    it(`${action.name}: an empty body is accepted whatever the Content-Type`, async () => {
      for (const contentType of contentTypes) {
        for (const body of [undefined, '']) {
          const response = await post(await action.path(), contentType, body);
          const label = `${contentType ?? 'sin Content-Type'} ${body === undefined ? 'sin cuerpo' : "cuerpo ''"}`;
          expect(response.status, label).toBe(action.status);
          expect(await response.json(), label).toMatchObject({ success: true });
        }
      }
      expect((await post(await action.path(), 'application/json', '{}')).status).toBe(action.status);
    });
  }

  it('malformed JSON is still a 400 in the error shape, in Spanish', async () => {
    for (const action of actions) {
      const response = await post(await action.path(), 'application/json', '{"a":');
      expect(response.status, action.name).toBe(400);
      const body = ApiErrorResponseSchema.parse(await response.json());
      expect(body.error).toBe('invalid_json');
      expect(body.message).toContain('no es JSON válido');
    }
  });

  it('a body with fields is refused naming them; a non-JSON body is a 415', async () => {
    const withField = await post(await actions[0]!.path(), 'application/json', '{"force":true}');
    expect(withField.status).toBe(400);
    expect(await withField.json()).toMatchObject({
      error: 'validation_error',
      errors: [{ field: 'body.force', code: 'unknown_field' }],
    });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', null]) {
      const text = await post(await actions[0]!.path(), contentType, 'force=1');
      expect(text.status, String(contentType)).toBe(415);
      expect(ApiErrorResponseSchema.parse(await text.json()).error).toBe('unsupported_media_type');
    }
  });
});

describe('routes that need a body', () => {
  it('an empty JSON body (or none) is a 400 naming the body and its required fields', async () => {
    for (const contentType of ['application/json', null]) {
      for (const body of [undefined, '']) {
        const response = await post('/admin/users', contentType, body);
        const label = `${contentType ?? 'sin Content-Type'} ${body === undefined ? 'sin cuerpo' : "cuerpo ''"}`;
        expect(response.status, label).toBe(400);
        const error = ApiErrorResponseSchema.parse(await response.json());
        expect(error, label).toMatchObject({ error: 'validation_error', errors: [{ field: 'body' }] });
        expect(error.message, label).toContain('nombre_completo');
      }
    }
    const submit = await fetch(`${base}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '',
    });
    expect(submit.status).toBe(400);
    const error = ApiErrorResponseSchema.parse(await submit.json());
    expect(error.errors?.[0]?.field).toBe('body');
    expect(error.message).toContain('user_id, responses');
  });

  it('malformed JSON on a body route is a 400 invalid_json', async () => {
    const response = await post('/admin/users', 'application/json', '{"nombre_completo": ');
    expect(response.status).toBe(400);
    expect(ApiErrorResponseSchema.parse(await response.json()).error).toBe('invalid_json');
  });
});
