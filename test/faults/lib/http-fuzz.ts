import { apiHostParts } from '../../support/api-harness';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Db, MongoClient } from 'mongodb';
import type { WorkerStatus } from '../../../src/shared/worker-status';
import { createApiServer } from '../../../src/main/api/server';
import type { WorkerControl } from '../../../src/main/api/deps';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { silentLogger } from '../../../src/main/log/logger';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { JobQueue } from '../../../src/main/queue/job-queue';
import { PROFILES } from '../../support/profiles';
import type { FaultResult } from './results';
import { between, seededRandom } from './random';
import { DEFAULT_PRICES } from '../../../src/shared/pricing';

const TOKEN = 'fuzz-token-0123456789abcdef0123456789';

/** Every route of the API (README “Local HTTP API”), with `:id` where a path parameter goes. */
export const ROUTES: ReadonlyArray<{ method: string; path: string }> = [
  { method: 'POST', path: '/submit-nutrition-questionnaire' },
  { method: 'POST', path: '/admin/users/:id/plans/generate_async' },
  { method: 'GET', path: '/jobs/:id' },
  { method: 'GET', path: '/jobs/:id/events' },
  { method: 'GET', path: '/admin/jobs' },
  { method: 'POST', path: '/admin/jobs/:id/cancel' },
  { method: 'POST', path: '/admin/jobs/:id/retry' },
  { method: 'GET', path: '/admin/users' },
  { method: 'POST', path: '/admin/users' },
  { method: 'GET', path: '/admin/users/:id' },
  { method: 'PATCH', path: '/admin/users/:id' },
  { method: 'GET', path: '/admin/users/:id/plans' },
  { method: 'GET', path: '/admin/training-plans/:id' },
  { method: 'GET', path: '/admin/nutrition-plans/:id' },
  { method: 'GET', path: '/admin/worker' },
  { method: 'POST', path: '/admin/worker/restart' },
  { method: 'GET', path: '/health' },
];

/** Ids an attacker or a broken client sends: traversal, encodings, operators, sizes, controls. */
const HOSTILE_IDS = [
  '..',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  'abc%00def',
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%C0%AE%C0%AE%2F',
  '{"$gt":""}',
  '%7B%22%24ne%22%3Anull%7D',
  '$where',
  'a'.repeat(129),
  'x'.repeat(5_000),
  '%20',
  'ñandú-ü-€',
  '%F0%9F%92%A9',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  '0',
  '-1',
  '1e309',
];

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'];

export interface FuzzOptions {
  db: Db;
  client: MongoClient;
  uri: string;
  requests: number;
  seed: number;
  log?: (message: string) => void;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | null,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, timeout: 15_000 }, (res) => {
      const contentType = String(res.headers['content-type'] ?? '');
      // An SSE stream that opened is a valid answer; do not wait for it to end.
      if (contentType.startsWith('text/event-stream')) {
        res.destroy();
        return resolve({ status: res.statusCode ?? 0, contentType, body: '' });
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in 15 s: ${method} ${path.slice(0, 80)}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/**
 * Hostile requests against every route of the real server (its own socket, its Host check, auth,
 * body parsing and limits, zod validation): malformed JSON, huge and deeply nested bodies, wrong
 * types, random bytes, path traversal and operator injection in ids, wrong methods and headers.
 * Every answer must be a 4xx in the API's JSON error shape (or a 2xx where the input happens to be
 * valid) — never a 5xx, never a hang — and the server must work normally afterwards.
 */
export async function runHttpFuzz(options: FuzzOptions): Promise<FaultResult> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[between(random, 0, items.length - 1)]!;
  const repositories = createRepositories(options.db);
  const events = new JobEventBus();
  const status: WorkerStatus = {
    state: 'running',
    pid: process.pid,
    concurrency: 2,
    running_jobs: [],
    restarts: 0,
    last_exit: null,
    next_restart_at: null,
  };
  // No worker process: restarting one is not what is being fuzzed, answering the request is.
  const worker: WorkerControl = { getStatus: () => status, restart: async () => undefined };
  const queue = new JobQueue(getCollections(options.db).jobs, events, null);
  const app = await createApiServer({
    config: {
      dataDir: mkdtempSync(join(tmpdir(), 'edn-fuzz-')),
      api: { host: '127.0.0.1', port: 0, token: TOKEN, tokenSource: 'settings' },
      llm: { baseUrl: null, apiKey: null, model: 'gpt-5-mini', agentModels: {}, prices: DEFAULT_PRICES },
    },
    database: {
      client: options.client,
      db: options.db,
      mode: 'configured',
      url: options.uri,
      displayUrl: options.uri,
      mongodSource: null,
      close: async () => undefined,
    },
    repositories,
    queue,
    events,
    ...apiHostParts(options.db, events),
    worker,
    logger: silentLogger(),
    version: '0.0.0-fuzz',
    // The public routes' rate limit would answer most requests with 429 before the handler runs.
    // Every answer is checked against the HTTP contract: a fuzzed input must never break it (500).
    options: { rateLimit: { max: 1_000_000, windowMs: 60_000 }, checkResponses: true },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(address).port);
  const host = `127.0.0.1:${port}`;

  // Real documents, so that some fuzzed requests reach handlers past the "not found" checks.
  const responses = PROFILES['rodillaLactosa']!;
  const submitted = await send(
    port,
    'POST',
    '/submit-nutrition-questionnaire',
    { host, 'content-type': 'application/json' },
    Buffer.from(JSON.stringify({ user_id: 'fuzz-user', responses })),
  );
  const submissionId = (JSON.parse(submitted.body) as { submission_id: string }).submission_id;
  const { _id: jobId } = await queue.enqueue({
    user_id: 'fuzz-user',
    submission_id: submissionId,
    type: 'full',
  });
  const liveIds = ['fuzz-user', submissionId, jobId];

  const jsonSamples = fc.sample(fc.jsonValue({ maxDepth: 4 }), { seed: options.seed, numRuns: 200 });
  const stringSamples = fc.sample(fc.string({ unit: 'binary', maxLength: 60 }), {
    seed: options.seed + 1,
    numRuns: 200,
  });
  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

  const bodies: Array<{ name: string; make: () => { body: Buffer | null; type: string | null } }> = [
    { name: 'none', make: () => ({ body: null, type: null }) },
    { name: 'empty json', make: () => ({ body: Buffer.alloc(0), type: 'application/json' }) },
    {
      name: 'malformed json',
      make: () => ({
        body: Buffer.from(
          pick(['{', '{"a":', '{"user_id": "x",}', "{'a':1}", '[1,2', 'nul', '{"a":1}}', '\u0000']),
        ),
        type: 'application/json',
      }),
    },
    {
      name: 'random json',
      make: () => ({
        body: Buffer.from(JSON.stringify(pick(jsonSamples)) ?? 'null'),
        type: 'application/json',
      }),
    },
    {
      name: 'wrong types',
      make: () => ({
        body: Buffer.from(
          JSON.stringify({
            user_id: pick(jsonSamples),
            responses: pick([
              pick(jsonSamples),
              { ...responses, peso: pick(jsonSamples), fecha_nacimiento: pick(jsonSamples) },
            ]),
            type: pick(['training', 'full', 'x', 1, null, ['full']]),
            submission_id: pick([submissionId, 1, null, {}, [], pick(HOSTILE_IDS)]),
            previous_training_plan_id: pick([null, 1, 'nope', {}]),
            nombre_completo: pick(jsonSamples),
            archived: pick([true, 'yes', 1, null]),
          }),
        ),
        type: 'application/json',
      }),
    },
    {
      name: 'random bytes',
      make: () => ({
        body: Buffer.from(Array.from({ length: between(random, 1, 4_096) }, () => between(random, 0, 255))),
        type: pick([
          'application/json',
          'application/octet-stream',
          'text/plain',
          'multipart/form-data; boundary=x',
        ]),
      }),
    },
    {
      name: 'huge body (2 MB)',
      make: () => ({
        body: Buffer.from(
          JSON.stringify({ user_id: 'x', responses: { notas: 'a'.repeat(2 * 1024 * 1024) } }),
        ),
        type: 'application/json',
      }),
    },
    {
      name: 'large body under the limit',
      make: () => ({
        body: Buffer.from(
          JSON.stringify({
            user_id: `fuzz-${between(random, 0, 9)}`,
            responses: { ...responses, notas: 'b'.repeat(900_000) },
          }),
        ),
        type: 'application/json',
      }),
    },
    {
      name: 'deep nesting',
      make: () => ({
        body: Buffer.from(
          `{"user_id":"deep","responses":{"lesiones":${deep(between(random, 1_000, 5_000))}}}`,
        ),
        type: 'application/json',
      }),
    },
    {
      name: 'deep nesting (raw)',
      make: () => ({ body: Buffer.from(deep(100_000)), type: 'application/json' }),
    },
    {
      name: 'prototype keys',
      make: () => ({
        body: Buffer.from(
          pick([
            '{"__proto__":{"admin":true}}',
            '{"constructor":{"prototype":{"x":1}}}',
            '{"user_id":"p","responses":{"__proto__":{"x":1}}}',
          ]),
        ),
        type: 'application/json',
      }),
    },
    {
      name: 'form post',
      make: () => ({ body: Buffer.from('user_id=x&responses=y'), type: 'application/x-www-form-urlencoded' }),
    },
  ];
  const queries = [
    '',
    '?limit=-1',
    '?limit=abc',
    '?limit=1e309',
    '?offset=99999999999999999999',
    '?status=nope',
    '?status[$ne]=x',
    '?user_id[$gt]=',
    '?search=%00',
    '?search=.*(a+)+$',
    '?limit=5&limit=6',
    '?type=full&include_archived=maybe',
    '?a=%ZZ',
  ];

  const counts = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, 'not JSON errors': 0, 'no answer': 0 };
  const problems = new Set<string>();
  for (let i = 0; i < options.requests; i++) {
    const route = pick(ROUTES);
    const method = random() < 0.85 ? route.method : pick(METHODS);
    const id = random() < 0.2 ? pick(liveIds) : random() < 0.8 ? pick(HOSTILE_IDS) : pick(stringSamples);
    // Raw where HTTP allows it (traversal, bad % escapes); percent-encoded where a client must encode.
    const rawId = /[^\u0021-\u007e]/.test(id) ? encodeURIComponent(id) : id;
    const path = route.path.replace(':id', rawId) + (random() < 0.3 ? pick(queries) : '');
    const variant =
      method === 'GET' || method === 'HEAD' ? (random() < 0.1 ? pick(bodies) : bodies[0]!) : pick(bodies);
    const body = variant.make();
    const headers: Record<string, string> = {
      host: random() < 0.05 ? pick(['evil.example', 'localhost:1', '', `127.0.0.1:${port}.evil`]) : host,
    };
    const auth = random();
    if (auth < 0.8) headers['authorization'] = `Bearer ${TOKEN}`;
    else if (auth < 0.9)
      headers['authorization'] = pick([
        'Bearer ',
        'Bearer x',
        `Basic ${TOKEN}`,
        `Bearer ${TOKEN}x`,
        'Bearer '.repeat(200),
      ]);
    if (body.type) headers['content-type'] = body.type;
    if (body.body) headers['content-length'] = String(body.body.length);
    let answer: Answer;
    try {
      answer = await send(port, method, path, headers, body.body);
    } catch (error) {
      counts['no answer'] += 1;
      problems.add(`${method} ${route.path} (${variant.name}): ${String(error)}`);
      continue;
    }
    const klass = `${Math.floor(answer.status / 100)}xx` as keyof typeof counts;
    counts[klass] = (counts[klass] ?? 0) + 1;
    if (answer.status >= 500) {
      problems.add(
        `${method} ${path.slice(0, 100)} (${variant.name}) → ${answer.status} ${answer.body.slice(0, 160)}`,
      );
    } else if (answer.status >= 400 && method !== 'HEAD') {
      const shaped = ((): boolean => {
        try {
          const parsed = JSON.parse(answer.body) as { success?: unknown; error?: unknown; message?: unknown };
          return (
            parsed.success === false && typeof parsed.error === 'string' && typeof parsed.message === 'string'
          );
        } catch {
          return false;
        }
      })();
      if (!shaped || !answer.contentType.includes('application/json')) {
        counts['not JSON errors'] += 1;
        problems.add(
          `${method} ${path.slice(0, 100)} → ${answer.status} not in the JSON error shape: ${answer.body.slice(0, 120)}`,
        );
      }
    }
    if ((i + 1) % 500 === 0)
      options.log?.(`fuzz: ${i + 1}/${options.requests} requests, ${counts['5xx']} × 5xx`);
  }

  // Still healthy: /health, and a client's normal flow end to end.
  const healthy: string[] = [];
  const health = await send(port, 'GET', '/health', { host }, null);
  if (health.status !== 200) healthy.push(`/health → ${health.status}`);
  const again = await send(
    port,
    'POST',
    '/submit-nutrition-questionnaire',
    { host, 'content-type': 'application/json' },
    // A new client's first questionnaire, as the public route takes it without the token (the fuzz
    // may have registered a client with the profile's email, and a public submit never attaches).
    Buffer.from(
      JSON.stringify({ user_id: 'after-fuzz', responses: { ...responses, email: 'after.fuzz@example.com' } }),
    ),
  );
  const sid =
    again.status === 201 ? (JSON.parse(again.body) as { submission_id: string }).submission_id : null;
  if (!sid) healthy.push(`submit after fuzz → ${again.status}`);
  const generated = sid
    ? await send(
        port,
        'POST',
        '/admin/users/after-fuzz/plans/generate_async',
        { host, 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        Buffer.from(JSON.stringify({ type: 'full', submission_id: sid })),
      )
    : null;
  const newJob = generated?.status === 200 ? (JSON.parse(generated.body) as { job_id: string }).job_id : null;
  if (!newJob) healthy.push(`generate_async after fuzz → ${generated?.status}`);
  if (newJob && (await send(port, 'GET', `/jobs/${newJob}`, { host }, null)).status !== 200)
    healthy.push('GET /jobs/{id} after fuzz failed');
  // Without the token the public routes tell nothing of the client: no client id in the job's view.
  if (newJob && (await send(port, 'GET', `/jobs/${newJob}`, { host }, null)).body.includes('after-fuzz'))
    healthy.push('GET /jobs/{id} without the token shows the client id');
  await app.close();

  return {
    scenario: 'HTTP fuzz of every route',
    trials: options.requests,
    faults: options.requests,
    losses: 0,
    duplicates: 0,
    mismatches:
      counts['5xx'] + counts['not JSON errors'] + counts['no answer'] + (healthy.length > 0 ? 1 : 0),
    problems: [...problems].slice(0, 40).concat(healthy.map((h) => `unhealthy after fuzz: ${h}`)),
    details: { routes: ROUTES.length, ...counts, 'healthy after': healthy.length === 0 ? 'yes' : 'no' },
    duration_s: Math.round((Date.now() - started) / 1000),
  };
}
