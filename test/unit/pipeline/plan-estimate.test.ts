import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, estimatePlanCost, TYPICAL_AGENT_USAGE, costUsd } from '../../../src/shared/pricing';
import { estimateJobCost, modelForAgent } from '../../../src/main/pipeline/plan-estimate';

const llm = { model: 'gpt-5-mini', agentModels: {}, prices: DEFAULT_PRICES };
const perAgent = (model: string): number => costUsd(TYPICAL_AGENT_USAGE, model, DEFAULT_PRICES) ?? NaN;

describe('plan cost estimate', () => {
  it('counts the agents of each job type, each on its own model and price', () => {
    // E9 is written by code and costs nothing.
    expect(estimateJobCost('training', llm).agents).toBe(8);
    expect(estimateJobCost('nutrition', llm).agents).toBe(9);
    const full = estimateJobCost('full', llm);
    expect(full.agents).toBe(17);
    expect(full.usd).toBeCloseTo(17 * perAgent('gpt-5-mini'), 6);

    // A stronger model for the two auditors raises the estimate by exactly their difference.
    const audited = estimateJobCost('full', { ...llm, agentModels: { E8: 'gpt-5', N8: 'gpt-5' } });
    expect(audited.usd).toBeCloseTo(15 * perAgent('gpt-5-mini') + 2 * perAgent('gpt-5'), 6);
    // Overrides of the other phase leave a training estimate alone.
    expect(estimateJobCost('training', { ...llm, agentModels: { N8: 'gpt-5' } }).usd).toBeCloseTo(
      8 * perAgent('gpt-5-mini'),
      6,
    );
    expect(modelForAgent({ ...llm, agentModels: { E8: 'gpt-5' } }, 'E8')).toBe('gpt-5');
    expect(modelForAgent(llm, 'E8')).toBe('gpt-5-mini');
  });

  it('is unknown, naming the models, when some agent runs on a model without a price', () => {
    const estimate = estimateJobCost('training', {
      ...llm,
      agentModels: { E2: 'modelo-local', E3: 'modelo-local', E4: 'otro' },
    });
    expect(estimate).toEqual({ usd: null, agents: 8, unpriced_models: ['modelo-local', 'otro'] });
    expect(estimatePlanCost([], DEFAULT_PRICES)).toEqual({ usd: 0, agents: 0, unpriced_models: [] });
  });
});
