import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-db';
import { runMultiWorker } from './lib/multi-worker';
import { FAULT_PARAMS } from './lib/params';
import { recordResult } from './lib/results';

const testDb = useTestDatabase();

describe('fault injection: several workers on one database', () => {
  it(`${FAULT_PARAMS.workers} worker processes, ${FAULT_PARAMS.jobs} jobs: every job and every step exactly once`, async () => {
    const result = await runMultiWorker({
      db: testDb.db,
      uri: testDb.uri,
      dbName: testDb.dbName,
      workers: FAULT_PARAMS.workers,
      jobs: FAULT_PARAMS.jobs,
    });
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
  });
});
