import { describe, expect, it } from 'vitest';
import { clearCollections, useTestDatabase } from '../support/test-db';
import {
  DB_FAULT_PARAMS as P,
  runHostKillScenario,
  runOutageScenario,
  runResetScenario,
  runStepDownScenario,
} from './lib/db-faults';
import { FAULT_PARAMS } from './lib/params';
import { recordResult } from './lib/results';

// Database faults (issue #17 point 5): the app's workers reach MongoDB through a TCP proxy that
// cuts the link mid-run. Knobs: EDN_FAULTS_DB_JOBS, _INSTANCES, _OUTAGE_MS, _RESET_MS, _RESET_P,
// _RESET_PER_MESSAGE,
// _STEPDOWNS, _HOST_KILLS (see DB_FAULT_PARAMS) and EDN_FAULTS_SEED.
const testDb = useTestDatabase();
const log = (m: string): void => void process.stderr.write(`[faults:db] ${m}\n`);
const base = () => ({
  db: testDb.db,
  uri: testDb.uri,
  dbName: testDb.dbName,
  jobs: P.jobs,
  instances: P.instances,
  seed: FAULT_PARAMS.seed,
  settleTimeoutMs: 300_000,
  log,
});

describe('fault injection: database faults', () => {
  for (const mode of ['blackhole', 'refuse'] as const) {
    it(`(a) ${P.outageMs / 1000} s database outage mid-run (${mode}): jobs pause and continue, 0 lost, 0 duplicated, none stuck`, async () => {
      await clearCollections(testDb.db);
      const result = await runOutageScenario({
        ...base(),
        outageMs: P.outageMs,
        mode,
        existing: mode === 'blackhole' ? 'freeze' : 'reset',
      });
      recordResult(result, 'full');
      expect(result.problems).toEqual([]);
      expect(result.details['completed']).toBe(P.jobs);
      expect(result.details['agents during outage']).toBe(0);
    });
  }

  it(`(b) database connections reset at random for ${P.resetMs / 1000} s (p=${P.resetProbability} per connection, ${P.resetPerMessage} per message): 0 lost, 0 duplicated, none stuck`, async () => {
    await clearCollections(testDb.db);
    const result = await runResetScenario({
      ...base(),
      probability: P.resetProbability,
      intervalMs: [200, 1_500],
      perMessage: P.resetPerMessage,
      durationMs: P.resetMs,
    });
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
    expect(result.details['completed']).toBe(P.jobs);
  });

  it(`(c) replica set primary steps down ${P.stepDowns}× mid-run (only where MONGO_URL is a replica set)`, async (context) => {
    await clearCollections(testDb.db);
    const result = await runStepDownScenario({ ...base(), stepDowns: P.stepDowns });
    if (!result) {
      console.log(
        `SKIPPED: no replica set on the test backend (${testDb.backend}: hello has no setName); set MONGO_URL to a replica set to run the step-down scenario`,
      );
      // Skipped, not passed: a step-down needs a replica set, which the test server is not.
      context.skip();
      return;
    }
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
    expect(result.details['completed']).toBe(P.jobs);
  });

  it(`(d) edn360 serve and its worker SIGKILLed together ${P.hostKills}× mid-run: on restart everything resumes`, async () => {
    await clearCollections(testDb.db);
    const result = await runHostKillScenario({ ...base(), kills: P.hostKills });
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
    expect(result.details['completed']).toBe(P.jobs);
  });
});
