import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-db';
import { runLlmFaultTrials } from './lib/llm';
import { FAULT_PARAMS } from './lib/params';
import { recordResult } from './lib/results';

const testDb = useTestDatabase();

describe('fault injection: LLM endpoint', () => {
  it(`${FAULT_PARAMS.llmTrials} random LLM fault trials end with the right outcome and retry counts`, async () => {
    const result = await runLlmFaultTrials({
      db: testDb.db,
      trials: FAULT_PARAMS.llmTrials,
      seed: FAULT_PARAMS.seed,
      log: (m) => process.stderr.write(`[faults] ${m}\n`),
    });
    recordResult(result, 'full');
    expect(result.problems).toEqual([]);
  });
});
