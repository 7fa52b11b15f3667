import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-db';
import { runKillScenario } from './lib/kill';
import { FAULT_PARAMS } from './lib/params';
import { recordResult } from './lib/results';

const testDb = useTestDatabase();

describe('fault injection: worker SIGKILLs', () => {
  it(`${FAULT_PARAMS.kills} random SIGKILLs while jobs run: every job completes exactly once, none left running`, async () => {
    const result = await runKillScenario({
      db: testDb.db,
      uri: testDb.uri,
      dbName: testDb.dbName,
      kills: FAULT_PARAMS.kills,
      seed: FAULT_PARAMS.seed,
      log: (m) => process.stderr.write(`[faults] ${m}\n`),
    });
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
    expect(result.faults).toBe(FAULT_PARAMS.kills);
  });
});
