import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../src/shared/job-events';
import { getCollections } from '../../../src/main/db/collections';
import { enqueue } from '../../../src/main/queue';
import { bootTestDesktopHost } from '../../support/desktop-host-fakes';
import { useTestDatabase } from '../../support/test-db';
import { testWorkerSpawner, waitFor, workerEnv } from '../../support/worker-harness';

/*
 * Issue #17 point 1: two instances of a clinic on one database. Instance A is the desktop app's real
 * host (DesktopHost: core, job watcher, event throttle, renderer event queue), with Electron mocked
 * at its boundary only — the window is a fake webContents that records what it is sent, and A's
 * utilityProcess is a stand-in that says "ready", beats and never claims (so A runs nothing).
 * Instance B is a real worker process that runs the job. What A's window receives is what the
 * desktop renderer's `watchJob` and jobs table would get.
 */
const testDb = useTestDatabase();
const STEP_MS = 400; // slower than the watcher's poll, so every step is a state it can see

const stops: Array<() => unknown> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

describe('the desktop bridge on a shared database', () => {
  it('receives every progress event of a job run by another instance, then its completion', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'edn-remote-'));
    const received: JobEvent[] = [];
    // A's utilityProcess is a stand-in: alive and beating, claiming nothing (A runs no job).
    const hostA = await bootTestDesktopHost({
      dataDir,
      windowId: 7,
      workerOwner: 'A:1:idle',
      env: {
        EDN_DATA_DIR: dataDir,
        EDN_MONGO_URL: testDb.uri,
        EDN_DB_NAME: testDb.dbName,
        EDN_API_PORT: '0',
        EDN_POLL_INTERVAL_MS: '100',
        PATH: process.env['PATH'],
      },
      onSend: (channel, payload) => {
        if (channel.endsWith('job')) received.push(payload as JobEvent);
      },
    });
    stops.push(() => hostA.stop());
    expect(hostA.startupState().phase).toBe('ready');

    // Instance B: a real worker process of another app instance on the same database.
    const workerB = testWorkerSpawner(
      workerEnv({
        uri: testDb.uri,
        dbName: testDb.dbName,
        pipeline: { stepDelayMs: STEP_MS },
        env: { EDN_INSTANCE_NAME: 'consulta-2', EDN_WORKER_CONCURRENCY: '1' },
      }),
    )();
    stops.push(() => workerB.kill());
    const jobs = getCollections(testDb.db).jobs;
    const { _id } = await enqueue(jobs, { user_id: 'u', submission_id: 's', type: 'training' });

    await waitFor(
      async () => received.some((e) => e.job_id === _id && e.type === 'completed'),
      60_000,
      "the completion to reach A's window",
    );
    const ofJob = received.filter((e) => e.job_id === _id);
    const steps = new Set(
      ofJob
        .filter((e) => e.type === 'progress' || e.type === 'completed')
        .map((e) => e.job.progress.completed_steps),
    );
    // Every agent's completion (E1…E9) reached A although A's worker ran none of them. (On the
    // poll, the last agent and the job's completion, milliseconds apart, may arrive as one state;
    // with change streams every write arrives on its own.)
    expect([...steps].filter((n) => n > 0).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ofJob.filter((e) => e.type === 'progress').length).toBeGreaterThanOrEqual(8);
    // In revision order, each state once, and showing who runs it.
    const revisions = ofJob.map((e) => e.rev);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(ofJob.find((e) => e.type === 'progress')?.job.running_on).toBe('consulta-2');
    expect(ofJob.at(-1)?.job.status).toBe('completed');
  });
});
