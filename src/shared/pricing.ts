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
