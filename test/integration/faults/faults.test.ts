import { afterAll, describe, expect, it } from 'vitest';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { runHttpFuzz } from '../../faults/lib/http-fuzz';
import { runKillScenario } from '../../faults/lib/kill';
import { runLlmFaultTrials, type Trial } from '../../faults/lib/llm';
import { runMultiWorker } from '../../faults/lib/multi-worker';
import { recordResult, resultsTable, type FaultResult } from '../../faults/lib/results';

// The short version of `npm run test:faults` (test/faults): the same scenarios with small numbers.
const testDb = useTestDatabase();
const results: FaultResult[] = [];
const keep = (result: FaultResult): FaultResult => {
  results.push(result);
  recordResult(result, 'short');
  return result;
};
afterAll(() => {
  if (results.length > 0) console.log(`\nFault injection (short):\n\n${resultsTable(results)}\n`);
});

describe('fault injection (short)', () => {
  it('LLM faults of every kind: each job completes or fails with the right reason; retries in execution_log match', async () => {
    // Every kind once, with counts that cover recovery in-call, recovery by a job-level retry,
    // and failure after the last attempt.
    const trials: Trial[] = [
      { kind: 'rate_limit', type: 'training', agent: 'E2', count: 5 },
      { kind: 'server_error', type: 'nutrition', agent: 'N5', count: 12, status: 503 },
      { kind: 'hang', type: 'training', agent: 'E7', count: 1 },
      { kind: 'malformed_json', type: 'full', agent: 'N0', count: 2 },
      { kind: 'schema_violation', type: 'training', agent: 'E4', count: 6 },
      { kind: 'dropped_connection', type: 'nutrition', agent: '(first request)', count: 1 },
      { kind: 'refused', type: 'training', agent: '(first request)', count: 2 },
      { kind: 'rejected_request', type: 'training', agent: 'E3', count: 1, status: 401 },
    ];
    const result = keep(await runLlmFaultTrials({ db: testDb.db, trials, seed: 1 }));
    expect(result.problems).toEqual([]);
    expect(result.trials).toBe(trials.length);
  });

  it('random SIGKILLs of the worker while jobs run: every job completes exactly once, none left running', async () => {
    await clearCollections(testDb.db);
    const result = keep(
      await runKillScenario({
        db: testDb.db,
        uri: testDb.uri,
        dbName: testDb.dbName,
        kills: 2,
        seed: 7,
        inFlight: 3,
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.faults).toBe(2);
  });

  it('3 worker processes on one database: every job and every step exactly once', async () => {
    await clearCollections(testDb.db);
    const result = keep(
      await runMultiWorker({ db: testDb.db, uri: testDb.uri, dbName: testDb.dbName, workers: 3, jobs: 24 }),
    );
    expect(result.problems).toEqual([]);
  });

  it('HTTP fuzz of every route: 4xx never 5xx, JSON errors, healthy afterwards', async () => {
    const result = keep(
      await runHttpFuzz({ db: testDb.db, client: testDb.client, uri: testDb.uri, requests: 400, seed: 11 }),
    );
    expect(result.problems).toEqual([]);
  });
});
