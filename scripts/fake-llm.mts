/**
 * `npm run fake-llm`: the fake OpenAI-compatible server for demos and manual runs.
 * FAKE_LLM_PORT (default 8361), FAKE_LLM_TTFT_MS and FAKE_LLM_TPS set the latency model.
 */
import { FakeLlmServer } from '../test/support/fake-llm/server.ts';

const server = new FakeLlmServer({
  ttftMs: Number(process.env['FAKE_LLM_TTFT_MS'] ?? 300),
  tokensPerSecond: Number(process.env['FAKE_LLM_TPS'] ?? 80),
});
await server.start(Number(process.env['FAKE_LLM_PORT'] ?? 8361));
console.log(`Fake LLM listening: EDN_LLM_BASE_URL=${server.baseUrl} EDN_LLM_API_KEY=fake`);
process.on('SIGINT', () => void server.stop().then(() => process.exit(0)));
