import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GenerateAsyncResponseSchema,
  JobStreamEventSchema,
  type JobStreamEvent,
} from '../../../src/shared/api';
import { loadConfig } from '../../../src/main/config/load-config';
import { startCore, type Core } from '../../../src/main/core/start-core';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { silentLogger } from '../../../src/main/log/logger';
import { TEST_TOKEN, validResponses } from '../../support/api-harness';
import { runOriginalTrainingFlow } from '../../support/api-original-client';
import { openSse } from '../../support/api-sse';
import { useTestDatabase } from '../../support/test-db';
import { testWorkerSpawner, waitFor, workerEnv } from '../../support/worker-harness';

// Real sockets and a real worker process (simulated pipeline): what a client on this machine sees.
const testDb = useTestDatabase();
let core: Core;
let activeSubscriptions = 0;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'edn-live-'));
  const env = {
    EDN_DATA_DIR: dataDir,
    EDN_MONGO_URL: testDb.uri,
    EDN_DB_NAME: testDb.dbName,
    EDN_API_PORT: '0',
    EDN_API_TOKEN: TEST_TOKEN,
    EDN_POLL_INTERVAL_MS: '200',
  };
  const config = await loadConfig({ env });
  core = await startCore({
    config,
    logger: silentLogger(),
    repoResourcesDir: dataDir,
    env,
    apiOptions: { sseHeartbeatMs: 40 },
    workerFactory: (hostEnv) =>
      testWorkerSpawner({
        ...workerEnv({ uri: testDb.uri, dbName: testDb.dbName, pipeline: { stepDelayMs: 30 } }),
        ...hostEnv,
      }),
  });
  await waitFor(async () => core.worker?.getStatus().state === 'running', 30_000, 'worker running');
  // Count live bus subscriptions, to see SSE streams let go of theirs.
  const subscribe = core.events.subscribe.bind(core.events);
  core.events.subscribe = (listener) => {
    activeSubscriptions += 1;
    const unsubscribe = subscribe(listener);
    return () => {
      activeSubscriptions -= 1;
      unsubscribe();
    };
  };
});
afterAll(async () => {
  await core?.stop();
});

async function generate(userId: string, type: 'training' | 'nutrition' | 'full'): Promise<string> {
  const submit = await fetch(`${core.apiUrl}/submit-nutrition-questionnaire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId, responses: validResponses({ email: `${userId}@example.com` }) }),
  });
  const { submission_id } = (await submit.json()) as { submission_id: string };
  const response = await fetch(`${core.apiUrl}/admin/users/${userId}/plans/generate_async`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
    body: JSON.stringify({ type, submission_id }),
  });
  return GenerateAsyncResponseSchema.parse(await response.json()).job_id;
}

describe('compatibility with clients of the original API', () => {
  it('submit → generate_async → poll GET /jobs/{id} → fetch the plan, unchanged', async () => {
    const percentages: number[] = [];
    const result = await runOriginalTrainingFlow(
      {
        baseUrl: core.apiUrl,
        adminToken: TEST_TOKEN,
        pollIntervalMs: 100,
        timeoutMs: 30_000,
        onProgress: (_status, percentage) => percentages.push(percentage),
      },
      'cliente-original',
      // The original's documented format: optional answers as free text, even for keys this app types.
      validResponses({
        entrenado_gimnasio: 'Sí, 3 años',
        lesiones: 'Ninguna',
        horas_sueno: '7',
        nivel_estres: 'Medio',
        material_disponible: 'Gimnasio completo',
        alergias: 'Nada, solo que el kiwi me pica',
      }),
    );
    expect(result.generateMessage).toBe(
      `Job de generación creado. Consulta el estado en /jobs/${result.jobId}`,
    );
    expect(result.job.status).toBe('completed');
    expect(result.job.progress.percentage).toBe(100);
    expect(result.plan).toMatchObject({
      _id: result.job.result.training_plan_id,
      user_id: 'cliente-original',
    });
    expect(result.plan.training).toHaveProperty('formatted_plan');
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
    expect(await core.repositories.submissions.getRaw(result.submissionId)).toMatchObject({
      user_id: 'cliente-original',
      responses: expect.objectContaining({ horas_sueno: '7', material_disponible: 'Gimnasio completo' }),
    });
  });
});

describe('GET /jobs/{id}/events (SSE)', () => {
  it('streams the snapshot, then every change in order, and ends after completion', async () => {
    const jobId = await generate('cliente-sse', 'training');
    const connection = await openSse(`${core.apiUrl}/jobs/${jobId}/events`);
    const messages = await connection.done;
    const events: JobStreamEvent[] = messages.map((message) => {
      const event = JobStreamEventSchema.parse(JSON.parse(message.data));
      expect(event.type).toBe(message.event);
      return event;
    });
    expect(events[0]?.type).toBe('snapshot');
    expect(events.at(-1)).toMatchObject({ type: 'completed', job: { status: 'completed' } });
    expect(events.filter((event) => event.type === 'completed')).toHaveLength(1);
    // Never backwards: each message's state is at least as advanced as the previous one.
    const steps = events.map((event) => event.job.progress.completed_steps);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const updated = events.map((event) => event.job.updated_at.getTime());
    expect(updated).toEqual([...updated].sort((a, b) => a - b));
    // Every step after the snapshot arrives (9 training agents).
    const progressed = new Set(
      events.filter((e) => e.type === 'progress').map((e) => e.job.progress.completed_steps),
    );
    for (let step = (events[0]?.job.progress.completed_steps ?? 0) + 1; step <= 9; step++)
      expect(progressed).toContain(step);
    expect(connection.raw()).toContain(': ping');
    await waitFor(async () => activeSubscriptions === 0, 2_000, 'SSE subscription released');
  });

  it('a client that disconnects releases its subscription at once', async () => {
    const job = buildPendingJob({ user_id: 'u', submission_id: 's', type: 'training' });
    // Waiting out a backoff for an hour: no worker takes it, so the stream stays open until we leave.
    await core.repositories.jobs.insert({
      ...job,
      waiting_reason: 'backoff',
      run_after: new Date(Date.now() + 3_600_000),
    });
    const connection = await openSse(`${core.apiUrl}/jobs/${job._id}/events`);
    await waitFor(async () => connection.messages.length === 1, 2_000, 'snapshot');
    expect(connection.messages[0]?.event).toBe('snapshot');
    expect(activeSubscriptions).toBe(1);
    connection.abort();
    await waitFor(async () => activeSubscriptions === 0, 2_000, 'subscription released after disconnect');
  });

  it('stopping the server ends open streams instead of waiting for them', async () => {
    const job = buildPendingJob({ user_id: 'u', submission_id: 's', type: 'training' });
    await core.repositories.jobs.insert({
      ...job,
      waiting_reason: 'backoff',
      run_after: new Date(Date.now() + 3_600_000),
    });
    const connection = await openSse(`${core.apiUrl}/jobs/${job._id}/events`);
    const started = Date.now();
    await core.stop();
    await connection.done;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(activeSubscriptions).toBe(0);
  });
});
