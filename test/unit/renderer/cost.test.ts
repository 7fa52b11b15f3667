import { describe, expect, it } from 'vitest';
import {
  costText,
  jobCost,
  metricsCost,
  planSummaryCost,
  type CostFigure,
} from '../../../src/renderer/src/cost';

const labels = {
  unknown: 'Precio desconocido',
  unknownModels: (models: string) => `Precio desconocido (${models})`,
};
const usd = (value: number) => `$${value.toFixed(4)}`;
const text = (figure: CostFigure) => costText(figure, usd, labels);

const agent = (cost_usd: number | null | undefined, model = 'gpt-5-mini') => ({
  prompt_tokens: 10,
  completion_tokens: 5,
  total_tokens: 15,
  cost_usd,
  model,
});
const metrics = (
  cost_usd: number | null,
  by_agent: Record<string, ReturnType<typeof agent>>,
  unpriced?: string[],
) => ({
  cost_usd,
  by_agent,
  ...(unpriced ? { unpriced_models: unpriced } : {}),
});

describe('job cost', () => {
  it('is the job’s cost_usd while every model has a price', () => {
    expect(jobCost({ cost_usd: 0.0123, unpriced_models: [] })).toEqual({ usd: 0.0123, unpricedModels: [] });
    expect(text(jobCost({ cost_usd: 0.0123, unpriced_models: [] }))).toBe('$0.0123');
  });

  it('a job with no priced agent yet costs 0, not unknown', () => {
    expect(text(jobCost({ cost_usd: 0, unpriced_models: [] }))).toBe('$0.0000');
  });

  it('is unknown, naming the models, when some agent ran on a model without a price (never the partial sum)', () => {
    const figure = jobCost({ cost_usd: 0.01, unpriced_models: ['o3', 'o4-mini'] });
    expect(figure).toEqual({ usd: null, unpricedModels: ['o3', 'o4-mini'] });
    expect(text(figure)).toBe('Precio desconocido (o3, o4-mini)');
  });

  it('a job document from before the field reads as fully priced', () => {
    expect(jobCost({ cost_usd: 0.5 })).toEqual({ usd: 0.5, unpricedModels: [] });
  });
});

describe('plan summary cost', () => {
  it('null cost is unknown, with or without named models', () => {
    expect(text(planSummaryCost({ cost_usd: null, unpriced_models: ['o3'] }))).toBe(
      'Precio desconocido (o3)',
    );
    expect(text(planSummaryCost({ cost_usd: null }))).toBe('Precio desconocido');
    expect(text(planSummaryCost({ cost_usd: 0.2, unpriced_models: [] }))).toBe('$0.2000');
  });
});

describe('metrics cost (the plans of one job)', () => {
  it('sums the plans when every cost is known', () => {
    const figure = metricsCost([
      metrics(0.1, { E1: agent(0.1) }),
      metrics(0.0234, { N1: agent(0.0234) }, []),
    ]);
    expect(figure).toEqual({ usd: 0.1234, unpricedModels: [] });
  });

  it('one unknown plan makes the total unknown: no 0 is added for it', () => {
    const figure = metricsCost([
      metrics(null, { E1: agent(0.1), E2: agent(null, 'o3') }, ['o3']),
      metrics(0.02, { N1: agent(0.02) }, []),
    ]);
    expect(figure).toEqual({ usd: null, unpricedModels: ['o3'] });
    expect(text(figure)).toBe('Precio desconocido (o3)');
  });

  it('names the models from the agents when the plan did not list them, each once, sorted', () => {
    const figure = metricsCost([
      metrics(null, { E1: agent(null, 'zeta'), E2: agent(null, 'alfa'), E3: agent(0.1) }),
      metrics(null, { N1: agent(null, 'alfa'), N2: agent(undefined) }),
    ]);
    expect(figure).toEqual({ usd: null, unpricedModels: ['alfa', 'zeta'] });
  });

  it('no plans: nothing spent', () => {
    expect(metricsCost([])).toEqual({ usd: 0, unpricedModels: [] });
  });
});
