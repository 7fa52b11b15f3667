import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-db';
import { runHttpFuzz } from './lib/http-fuzz';
import { FAULT_PARAMS } from './lib/params';
import { recordResult } from './lib/results';

const testDb = useTestDatabase();

describe('fault injection: HTTP fuzz', () => {
  it(`${FAULT_PARAMS.fuzzRequests} hostile requests over every route: 4xx never 5xx, healthy afterwards`, async () => {
    const result = await runHttpFuzz({
      db: testDb.db,
      client: testDb.client,
      uri: testDb.uri,
      requests: FAULT_PARAMS.fuzzRequests,
      seed: FAULT_PARAMS.seed,
      log: (m) => process.stderr.write(`[faults] ${m}\n`),
    });
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
  });
});
