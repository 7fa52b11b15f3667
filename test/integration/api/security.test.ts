import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorResponseSchema, HealthResponseSchema } from '../../../src/shared/api';
import { apiOptionsFromEnv, ApiEnvError } from '../../../src/main/api/api-env';
import { bearerToken, tokenMatches } from '../../../src/main/api/auth';
import { assertSafeBind, isLoopbackHost, UnsafeBindError } from '../../../src/main/api/bind-policy';
import { startCore } from '../../../src/main/core/start-core';
import { loadConfig } from '../../../src/main/config/load-config';
import { silentLogger } from '../../../src/main/log/logger';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { createApiServer } from '../../../src/main/api/server';
import {
  databaseHandle,
  TEST_HOST,
  TEST_TOKEN,
  testApiConfig,
  useApiServer,
  apiHostParts,
} from '../../support/api-harness';

const api = useApiServer();
const corsApi = useApiServer({
  apiOptions: { corsOrigins: ['http://localhost:5173'], allowedHosts: ['coach.clinica.local'] },
});
const limitedApi = useApiServer({ apiOptions: { rateLimit: { max: 3, windowMs: 60_000 } } });
const fakeLlm = new FakeLlmServer();
beforeAll(() => fakeLlm.start());
afterAll(() => fakeLlm.stop());

describe('admin token', () => {
  it('missing, wrong or malformed → 401 JSON with where to find the token; right → 200', async () => {
    const missing = await api.request('GET', '/admin/users', { token: false });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toContain('Bearer');
    const body = ApiErrorResponseSchema.parse(missing.json());
    expect(body.error).toBe('unauthorized');
    expect(body.message).toContain('settings.json');
    expect(body.message).not.toContain(TEST_TOKEN);

    const wrong = await api.request('GET', '/admin/users', { token: `${TEST_TOKEN}x` });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<{ message: string }>().message).toContain('incorrecto');
    const basic = await api.request('GET', '/admin/users', {
      token: false,
      headers: { authorization: `Basic ${TEST_TOKEN}` },
    });
    expect(basic.statusCode).toBe(401);
    const short = await api.request('GET', '/admin/users', { token: 'a' });
    expect(short.statusCode).toBe(401);

    expect((await api.request('GET', '/admin/users')).statusCode).toBe(200);
    const lowercase = await api.request('GET', '/admin/users', {
      token: false,
      headers: { authorization: `bearer ${TEST_TOKEN}` },
    });
    expect(lowercase.statusCode).toBe(200);
  });

  it('compares in constant time over digests of any length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(bearerToken('Bearer  tok ')).toBe('tok');
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('Host header (DNS rebinding)', () => {
  it('refuses foreign names and wrong ports on every route with 403 JSON', async () => {
    for (const host of [
      'evil.example:8360',
      'evil.example',
      '127.0.0.1:9999',
      '127.0.0.1.evil.example:8360',
    ]) {
      for (const path of ['/health', '/jobs/x', '/admin/users', '/no-existe']) {
        const response = await api.request('GET', path, { headers: { host } });
        expect(response.statusCode, `${host} ${path}`).toBe(403);
        expect(ApiErrorResponseSchema.parse(response.json()).error).toBe('forbidden_host');
      }
    }
    const message = (await api.request('GET', '/health', { headers: { host: 'evil.example' } })).json<{
      message: string;
    }>().message;
    expect(message).toContain('DNS rebinding');
    expect(message).toContain('EDN_API_ALLOWED_HOSTS');
  });

  it('accepts loopback names on the right port, and configured extra names', async () => {
    for (const host of [TEST_HOST, 'localhost:8360', 'LOCALHOST:8360', '[::1]:8360']) {
      expect((await api.request('GET', '/health', { headers: { host } })).statusCode, host).toBe(200);
    }
    expect(
      (await api.request('GET', '/health', { headers: { host: 'coach.clinica.local:8360' } })).statusCode,
    ).toBe(403);
    expect(
      (await corsApi.request('GET', '/health', { headers: { host: 'coach.clinica.local:8360' } })).statusCode,
    ).toBe(200);
  });
});

describe('CORS', () => {
  it('is closed by default: no Access-Control-Allow-Origin, preflights are not answered', async () => {
    const get = await api.request('GET', '/health', { headers: { origin: 'http://localhost:5173' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api.request('OPTIONS', '/admin/users', {
      token: false,
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(404);
  });

  it('opens to exactly the configured origins (EDN_API_CORS_ORIGINS)', async () => {
    const allowed = await corsApi.request('GET', '/jobs/x', { headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await corsApi.request('GET', '/jobs/x', { headers: { origin: 'http://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    expect(
      apiOptionsFromEnv({ EDN_API_CORS_ORIGINS: 'http://localhost:5173, https://panel.clinica.es/' }),
    ).toMatchObject({
      corsOrigins: ['http://localhost:5173', 'https://panel.clinica.es'],
    });
    for (const bad of ['*', 'http://a.example/ruta', 'ftp://a.example', 'localhost:5173']) {
      expect(() => apiOptionsFromEnv({ EDN_API_CORS_ORIGINS: bad }), bad).toThrow(ApiEnvError);
    }
  });
});

describe('rate limit and unknown routes', () => {
  it('public routes answer 429 JSON past the limit; admin routes are not limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await limitedApi.request('GET', '/jobs/x', { token: false })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await limitedApi.request('GET', '/jobs/x', { token: false });
    expect(limited.headers['retry-after']).toBeDefined();
    const body = ApiErrorResponseSchema.parse(limited.json());
    expect(body.error).toBe('rate_limited');
    expect(body.message).toContain('máximo 3 cada 60 s');
    for (let i = 0; i < 5; i++) expect((await limitedApi.request('GET', '/admin/jobs')).statusCode).toBe(200);
  });

  it('unknown routes and wrong methods → 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/no-existe'],
      ['DELETE', '/jobs/x'],
      ['GET', '/admin/no-existe'],
    ] as const) {
      const response = await api.request(method, path);
      expect(response.statusCode).toBe(404);
      expect(ApiErrorResponseSchema.parse(response.json()).error).toBe('not_found');
    }
  });
});

describe('worker routes without a worker in this instance', () => {
  it('status is null and a restart says where the worker runs', async () => {
    expect((await api.request('GET', '/admin/worker')).json()).toMatchObject({ success: true, worker: null });
    const restart = await api.request('POST', '/admin/worker/restart');
    expect(restart.statusCode).toBe(409);
    expect(restart.json()).toMatchObject({ error: 'no_worker' });
  });
});

describe('GET /health', () => {
  it('with the admin token, reports database, worker and an unconfigured LLM, with no secrets', async () => {
    const response = await api.request('GET', '/health');
    expect(response.statusCode).toBe(200);
    const health = HealthResponseSchema.parse(response.json());
    expect(health).toMatchObject({
      status: 'ok',
      database: { ok: true },
      worker: null,
      llm: { status: 'not_configured', api_key_configured: false },
    });
    expect(response.body).not.toContain('mongodb://');
  });

  it('probes the configured LLM endpoint (reachable / unreachable) and never shows the key', async () => {
    const reachable = await serverWithLlm(fakeLlm.baseUrl);
    const down = await serverWithLlm('http://127.0.0.1:1/v1');
    try {
      const upResponse = await reachable.inject({
        method: 'GET',
        url: '/health',
        headers: { host: TEST_HOST, authorization: `Bearer ${TEST_TOKEN}` },
      });
      const up = HealthResponseSchema.parse(upResponse.json());
      expect(up.llm).toMatchObject({ status: 'reachable', endpoint: 'custom', api_key_configured: true });
      const response = await down.inject({
        method: 'GET',
        url: '/health',
        headers: { host: TEST_HOST, authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(HealthResponseSchema.parse(response.json()).llm).toMatchObject({
        status: 'unreachable',
        error: expect.any(String),
      });
      for (const body of [upResponse.body, response.body]) expect(body).not.toContain('clave-secreta-llm');
    } finally {
      await Promise.all([reachable.close(), down.close()]);
    }
  });
});

describe('start-up refuses a network bind without a chosen token', () => {
  it('assertSafeBind: loopback always; other addresses only with EDN_API_TOKEN', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.10')).toBe(false);
    expect(() => assertSafeBind({ host: '127.0.0.1', tokenSource: 'settings' })).not.toThrow();
    expect(() => assertSafeBind({ host: '0.0.0.0', tokenSource: 'env' })).not.toThrow();
    expect(() => assertSafeBind({ host: '0.0.0.0', tokenSource: 'settings' })).toThrow(/EDN_API_TOKEN/);
  });

  it('startCore fails before opening the database', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-bind-'));
    const config = await loadConfig({
      env: {
        EDN_DATA_DIR: dataDir,
        EDN_API_HOST: '0.0.0.0',
        EDN_MONGO_URL: 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100',
      },
    });
    await expect(
      startCore({ config, logger: silentLogger(), repoResourcesDir: dataDir, workerFactory: null }),
    ).rejects.toBeInstanceOf(UnsafeBindError);
  });
});

/** A second server with an LLM endpoint configured (health probes are cached per server). */
function serverWithLlm(baseUrl: string) {
  return createApiServer({
    config: testApiConfig({}, { baseUrl, apiKey: 'clave-secreta-llm' }),
    database: databaseHandle(api.testDb),
    repositories: api.repos,
    queue: api.queue,
    events: api.events,
    ...apiHostParts(api.testDb.db, api.events),
    worker: null,
    logger: silentLogger(),
    version: 'test',
    options: { checkResponses: true },
  });
}
