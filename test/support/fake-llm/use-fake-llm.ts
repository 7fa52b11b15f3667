import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeLlmServer } from './server';

/**
 * A fake LLM server for one test file: started before its tests, stopped after, and back to a
 * plain instant model before each test (no faults left, no requests recorded, no latency, no
 * reasoning), so no test inherits another's setup.
 */
export function useFakeLlm(): FakeLlmServer {
  const llm = new FakeLlmServer();
  beforeAll(() => llm.start());
  afterAll(() => llm.stop());
  beforeEach(() => {
    llm.faults.clear();
    llm.requests.length = 0;
    llm.setLatency({ ttftMs: 0, tokensPerSecond: 0 });
    llm.setReasoning(0);
  });
  return llm;
}
