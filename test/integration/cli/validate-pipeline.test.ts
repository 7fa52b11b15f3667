import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { runCli } from '../../support/spawn-cli';

// The built CLI, its real worker process and the real agents, against the fake LLM over HTTP.
const llm = new FakeLlmServer();
beforeAll(() => llm.start());
afterAll(() => llm.stop());

async function validate(
  type: string,
  extraEnv: Record<string, string> = {},
  settings?: Record<string, unknown>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'edn-validate-'));
  const output = join(dir, 'informe.json');
  if (settings) await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  const result = await runCli(['validate-pipeline', '--type', type, '--output', output], {
    EDN_DATA_DIR: dir,
    EDN_MONGO_URL: inject('mongoUri'),
    EDN_DB_NAME: `edn_validate_${type}_${Date.now()}`,
    EDN_LLM_BASE_URL: llm.baseUrl,
    EDN_LLM_API_KEY: 'sk-fake',
    EDN_POLL_INTERVAL_MS: '100',
    ...extraEnv,
  });
  const report = JSON.parse(await readFile(output, 'utf8')) as Record<string, unknown> & {
    passed: boolean;
    coherence: Array<{ check: string; passed: boolean }>;
  };
  return { result, report };
}

describe('edn360 validate-pipeline', () => {
  it('runs a full plan end to end and writes a report with every section', async () => {
    const { result, report } = await validate('full');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('VALIDACIÓN OK');
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'questionnaire_schema',
        'client',
        'job',
        'progress',
        'metrics',
        'outputs',
        'coherence',
      ]),
    );
    expect(report.passed).toBe(true);
    expect(report.coherence.map((c) => c.check)).toEqual(
      expect.arrayContaining([
        'E9 training days = E5 session days',
        'nutrition day types = E9 day types',
        'macro kcal = energy target (alto)',
        'training audit passed (no blocking check failed)',
        'nutrition audit passed (no blocking check failed)',
      ]),
    );
    const metrics = report['metrics'] as {
      agents: unknown[];
      token_usage: { by_agent: Record<string, unknown> };
    };
    expect(metrics.agents).toHaveLength(18);
    expect(Object.keys(metrics.token_usage.by_agent)).toHaveLength(18);
    const progress = report['progress'] as Array<{ type: string; completed: number; agent: string | null }>;
    const steps = progress.filter((p) => p.type === 'progress').map((p) => p.completed);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect([...new Set(steps)].filter((n) => n > 0)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    // The DAG runs training and nutrition at once: the agents running now are all named.
    expect(
      progress.some((p) => ['E1', 'N0', 'N5'].every((id) => (p.agent ?? '').split(', ').includes(id))),
      progress.map((p) => p.agent).join(' | '),
    ).toBe(true);
    const outputs = report['outputs'] as {
      training: Record<string, unknown>;
      nutrition: Record<string, unknown>;
    };
    expect(Object.keys(outputs.training)).toEqual([
      'sessions',
      'formatted_plan',
      'audit',
      'bridge_for_nutrition',
    ]);
    expect(outputs.nutrition).toHaveProperty('menu_plan');
  }, 120_000);

  it('an agent on a model missing from the price table: the cost is reported unknown, naming the model', async () => {
    const { result, report } = await validate('training', {}, { agent_models: { E3: 'modelo-sin-precio' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/coste desconocido: .*modelo-sin-precio/);
    const metrics = report['metrics'] as {
      cost_usd: number | null;
      unpriced_models: string[];
      agents: Array<{ agent: string; cost_usd: number | null; requested_model: string }>;
    };
    expect(metrics.cost_usd).toBeNull();
    expect(metrics.unpriced_models).toEqual(['modelo-sin-precio']);
    expect(metrics.agents.find((a) => a.agent === 'E3')).toMatchObject({
      cost_usd: null,
      requested_model: 'modelo-sin-precio',
    });
    // E9 is written by code: no cost at all.
    const priced = metrics.agents.filter((a) => a.agent !== 'E3' && a.agent !== 'E9');
    expect(priced).toHaveLength(7);
    for (const agent of priced) expect(agent.cost_usd, agent.agent).toBeGreaterThan(0);
  }, 120_000);

  it('exits non-zero with a report saying why when the job fails', async () => {
    await fetch(`http://127.0.0.1:${llm.port}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ type: 'server_error', agent: 'E1', count: 1000 }] }),
    });
    const { result, report } = await validate('training', {
      EDN_LLM_MAX_RETRIES: '0',
      EDN_RETRY_BACKOFF_MS: '10',
      EDN_RETRY_BACKOFF_MAX_MS: '20',
    });
    await fetch(`http://127.0.0.1:${llm.port}/__faults`, { method: 'DELETE' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('VALIDACIÓN FALLIDA');
    expect(report.passed).toBe(false);
    expect(report['job']).toMatchObject({ status: 'failed', error_reason: 'llm_error', attempts: 3 });
  }, 120_000);
});

describe('edn360 validate-pipeline arguments', () => {
  it.each([
    [['--type', 'bogus'], /--type debe ser training, nutrition o full/],
    [['--tipo', 'full'], /Unknown option '--tipo'[\s\S]*Uso: edn360 validate-pipeline/],
  ])('%j → a clear message and exit 1, no stack trace', async (args, message) => {
    const result = await runCli(['validate-pipeline', ...args], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
