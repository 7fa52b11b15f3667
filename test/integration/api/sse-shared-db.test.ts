import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/main/config/load-config';
import { startCore, type Core } from '../../../src/main/core/start-core';
import { getCollections } from '../../../src/main/db/collections';
import { silentLogger } from '../../../src/main/log/logger';
import { claimNextJob, completeJob, enqueue } from '../../../src/main/queue';
import { openSse } from '../../support/api-sse';
import { useTestDatabase } from '../../support/test-db';

// A clinic: this host has no worker; another instance (simulated by direct queue operations on the
// same MongoDB) runs the job, so nothing is published on this host's event bus.
const testDb = useTestDatabase();
let core: Core;
beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'edn-sse-shared-'));
  const env = {
    EDN_DATA_DIR: dataDir,
    EDN_MONGO_URL: testDb.uri,
    EDN_DB_NAME: testDb.dbName,
    EDN_API_PORT: '0',
    EDN_API_TOKEN: 'token-de-prueba-0123456789abcdef',
    // The job watcher's shared poll (the test server has no change streams).
    EDN_POLL_INTERVAL_MS: '100',
  };
  core = await startCore({
    config: await loadConfig({ env }),
    logger: silentLogger(),
    repoResourcesDir: dataDir,
    env,
    workerFactory: null,
  });
});
afterAll(async () => {
  await core.stop();
});

describe('GET /jobs/{id}/events on a shared database', () => {
  it('follows a job that another instance runs, in order, and ends with its completion', async () => {
    const jobs = getCollections(testDb.db).jobs;
    const job = await enqueue(jobs, { user_id: 'u', submission_id: 's', type: 'training' });
    const sse = await openSse(`${core.apiUrl}/jobs/${job._id}/events`);
    await new Promise((r) => setTimeout(r, 250));
    const claimed = (await claimNextJob(jobs, { owner: 'otra-instancia', leaseMs: 60_000 }))!;
    await new Promise((r) => setTimeout(r, 250));
    await completeJob(jobs, claimed._id, claimed.lease!.token, {
      training_plan_id: 'tp_x',
      nutrition_plan_id: null,
    });
    const messages = await sse.done;
    // The claim read from the database is a claim, as this instance's own worker would say.
    expect(messages.map((m) => m.event)).toEqual(['snapshot', 'claimed', 'completed']);
    const last = JSON.parse(messages.at(-1)!.data) as {
      job: { status: string; result: { training_plan_id: string } };
    };
    expect(last.job).toMatchObject({ status: 'completed', result: { training_plan_id: 'tp_x' } });
  });
});
