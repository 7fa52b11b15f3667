import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { JobQueue } from '../../../src/main/queue/job-queue';
import { CLI, runCli } from '../../support/spawn-cli';
import { useTestDatabase } from '../../support/test-db';
import { waitFor } from '../../support/worker-harness';

const testDb = useTestDatabase();

describe('edn360 worker (clinic server: worker only, shared MongoDB)', () => {
  it('runs jobs another instance enqueued, and stops gracefully on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-worker-cli-'));
    const child = spawn(process.execPath, [CLI, 'worker'], {
      env: {
        ...process.env,
        EDN_DATA_DIR: dataDir,
        EDN_MONGO_URL: testDb.uri,
        EDN_DB_NAME: testDb.dbName,
        EDN_PIPELINE: 'simulated',
        EDN_SIMULATED_PIPELINE: JSON.stringify({ stepDelayMs: 5 }),
        EDN_POLL_INTERVAL_MS: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(
        async () => out.includes('proceso de trabajo listo'),
        20_000,
        `worker ready\n${out}\n${err}`,
      );
      expect(out).toContain(testDb.dbName);

      // An app instance elsewhere enqueues (no local worker to nudge): the polling worker takes it.
      const queue = new JobQueue(getCollections(testDb.db).jobs, new JobEventBus(), null);
      const job = await queue.enqueue({ user_id: 'u', submission_id: 's', type: 'training' });
      const jobs = getCollections(testDb.db).jobs;
      await waitFor(
        async () => (await jobs.findOne({ _id: job._id }))?.status === 'completed',
        20_000,
        'job completed',
      );
      await waitFor(
        async () => out.includes(`job ${job._id} [training]: completado`),
        5_000,
        'completion printed',
      );
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('without EDN_MONGO_URL it explains what it needs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-worker-nourl-'));
    const result = await runCli(['worker'], { EDN_DATA_DIR: dataDir, EDN_MONGO_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('EDN_MONGO_URL');
    expect(result.stderr).toContain('edn360 serve');
  });

  it('with an unreachable database it fails fast with the address (no restart loop)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-worker-badurl-'));
    const result = await runCli(['worker'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: 'mongodb://admin:secreto@127.0.0.1:1/?serverSelectionTimeoutMS=300',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No se pudo conectar a MongoDB en mongodb://admin:***@127.0.0.1:1');
    expect(result.stderr).not.toContain('secreto');
  });
});
