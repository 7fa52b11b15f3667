import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import {
  runHostKillScenario,
  runOutageScenario,
  runResetScenario,
  runStepDownScenario,
} from '../../faults/lib/db-faults';
import { recordResult, resultsTable, type FaultResult } from '../../faults/lib/results';
import { TcpProxy } from '../../faults/lib/tcp-proxy';

// The short version of `npm run test:faults -- --only db` (test/faults/db.test.ts): database faults
// through a TCP proxy with small numbers — an 8 s outage instead of 30 s, a few jobs.
const testDb = useTestDatabase();
const results: FaultResult[] = [];
const keep = (result: FaultResult): FaultResult => {
  results.push(result);
  recordResult(result, 'short');
  return result;
};
afterAll(() => {
  if (results.length > 0) console.log(`\nDatabase faults (short):\n\n${resultsTable(results)}\n`);
});
const log = (m: string): void => void process.stderr.write(`[db-faults] ${m}\n`);

describe('TCP proxy (fault injection tool)', () => {
  it('forwards, refuses or black-holes during an outage, resets connections, and forwards again', async () => {
    const proxy = TcpProxy.forMongoUrl(testDb.uri);
    await proxy.start();
    const connect = (timeoutMs: number): Promise<MongoClient> =>
      MongoClient.connect(proxy.url(testDb.uri), {
        serverSelectionTimeoutMS: timeoutMs,
        connectTimeoutMS: timeoutMs,
        maxPoolSize: 1,
      });
    try {
      const client = await connect(5_000);
      expect((await client.db('admin').command({ ping: 1 }))['ok']).toBe(1);
      expect(proxy.live).toBeGreaterThan(0);
      // A reset fails the next command sent on the dead connection (runCommand is not retried);
      // the driver then opens a new one.
      expect(proxy.resetAll()).toBeGreaterThan(0);
      await client
        .db('admin')
        .command({ ping: 1 })
        .catch(() => undefined);
      expect((await client.db('admin').command({ ping: 1 }))['ok']).toBe(1);

      const outages = [
        { mode: 'refuse', existing: 'reset' },
        { mode: 'blackhole', existing: 'reset' },
        { mode: 'refuse', existing: 'freeze' },
      ] as const;
      for (const { mode, existing } of outages) {
        await proxy.pause({ mode, existing });
        if (existing === 'reset') expect(proxy.live).toBe(0);
        const started = Date.now();
        await expect(connect(800)).rejects.toThrow();
        expect(Date.now() - started).toBeLessThan(5_000);
        await proxy.resume();
        const again = await connect(5_000);
        expect((await again.db('admin').command({ ping: 1 }))['ok']).toBe(1);
        await again.close();
      }
      expect(proxy.counters.outages).toBe(3);
      expect(proxy.counters.blackholed).toBeGreaterThan(0);
      await client.close();
    } finally {
      await proxy.stop();
    }
  });
});

describe('database faults (short)', () => {
  const base = () => ({ db: testDb.db, uri: testDb.uri, dbName: testDb.dbName, log });

  it('an 8 s database outage mid-run (black hole): jobs pause and continue, none lost, duplicated or stuck', async () => {
    await clearCollections(testDb.db);
    const result = keep(
      await runOutageScenario({ ...base(), jobs: 6, seed: 5, outageMs: 8_000, settleTimeoutMs: 90_000 }),
    );
    expect(result.problems).toEqual([]);
    expect(result.details['completed']).toBe(6);
    expect(result.details['agents during outage']).toBe(0);
  }, 150_000);

  it('database connections reset at random mid-run: none lost, duplicated or stuck', async () => {
    await clearCollections(testDb.db);
    const result = keep(
      await runResetScenario({
        ...base(),
        jobs: 6,
        seed: 6,
        probability: 0.5,
        intervalMs: [200, 800],
        perMessage: 0.02,
        durationMs: 8_000,
        settleTimeoutMs: 90_000,
      }),
    );
    expect(result.losses).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.details['stuck']).toBe(0);
    expect(result.details['completed']).toBe(6);
    // A reset that loses the answer of a completion must still bring its `completed` event
    // (src/main/queue/job-update.ts checks whether an unanswered write landed).
    expect(result.problems).toEqual([]);
    expect(result.faults).toBeGreaterThan(0);
  }, 150_000);

  it('a replica set primary steps down mid-run (only on a replica set)', async (context) => {
    await clearCollections(testDb.db);
    const result = await runStepDownScenario({ ...base(), jobs: 6, seed: 8, stepDowns: 1 });
    if (!result) {
      console.log(
        `SKIPPED: no replica set on the test backend (${testDb.backend}: hello has no setName); set MONGO_URL to a replica set to run the step-down scenario`,
      );
      // Skipped, not passed: a step-down needs a replica set, which the test server is not.
      context.skip();
      return;
    }
    keep(result);
    expect(result.problems).toEqual([]);
  }, 300_000);

  it('edn360 serve and its worker SIGKILLed together mid-run: on restart every job resumes and completes once', async () => {
    await clearCollections(testDb.db);
    const result = keep(
      await runHostKillScenario({ ...base(), jobs: 6, seed: 9, kills: 1, settleTimeoutMs: 90_000 }),
    );
    expect(result.problems).toEqual([]);
    expect(result.details['completed']).toBe(6);
    expect(result.faults).toBe(1);
  }, 150_000);
});
