import { z } from 'zod';
import { ModelPriceSchema, type ModelPrice } from './config';

/**
 * Default USD prices per 1M tokens, used until the coach edits the table in Ajustes (stored in
 * settings.json as `prices`). Data, not logic: update the table, not the code, when prices change.
 */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'gpt-5-mini': { input_per_1m: 0.25, cached_input_per_1m: 0.025, output_per_1m: 2.0 },
  'gpt-5': { input_per_1m: 1.25, cached_input_per_1m: 0.125, output_per_1m: 10.0 },
  'gpt-5-nano': { input_per_1m: 0.05, cached_input_per_1m: 0.005, output_per_1m: 0.4 },
  'gpt-4.1-mini': { input_per_1m: 0.4, cached_input_per_1m: 0.1, output_per_1m: 1.6 },
};

export const PriceTableSchema = z.record(z.string(), ModelPriceSchema);
export type PriceTable = z.infer<typeof PriceTableSchema>;

export interface UsageForCost {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens?: number;
}

/** Cost in USD, or null when the model is not in the table (shown as "precio desconocido"). */
export function costUsd(usage: UsageForCost, model: string, prices: PriceTable): number | null {
  const price = prices[model];
  if (!price) return null;
  const cached = Math.min(usage.cached_tokens ?? 0, usage.prompt_tokens);
  const fresh = usage.prompt_tokens - cached;
  const cost =
    (fresh * price.input_per_1m +
      cached * price.cached_input_per_1m +
      usage.completion_tokens * price.output_per_1m) /
    1_000_000;
  return Math.round(cost * 1e8) / 1e8;
}

/** Typical tokens of one agent call with field-scoped inputs (measured with the fake and real LLMs). */
export const TYPICAL_AGENT_USAGE: UsageForCost = { prompt_tokens: 2500, completion_tokens: 1200 };

/** What "Generar" shows before a job starts; `usd` is null when some model has no price. */
export const PlanEstimateSchema = z.object({
  usd: z.number().min(0).nullable(),
  agents: z.number().int().min(0),
  unpriced_models: z.array(z.string()),
});
export type PlanEstimate = z.infer<typeof PlanEstimateSchema>;

/** The estimate for agents calling these models (one entry per agent): typical usage × price. */
export function estimatePlanCost(models: readonly string[], prices: PriceTable): PlanEstimate {
  const unpriced = new Set<string>();
  let usd = 0;
  for (const model of models) {
    const cost = costUsd(TYPICAL_AGENT_USAGE, model, prices);
    if (cost === null) unpriced.add(model);
    else usd += cost;
  }
  return {
    usd: unpriced.size > 0 ? null : Math.round(usd * 1e6) / 1e6,
    agents: models.length,
    unpriced_models: [...unpriced].sort(),
  };
}
