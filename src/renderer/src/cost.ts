import { knownJobCost, unpricedModelsOf } from '@shared/job';
import type { PlanMetrics } from '@shared/plans';

/**
 * A cost as the coach should read it. `usd` null means unknown: some agent ran on a model missing
 * from the price table (Ajustes), named in `unpricedModels`. Unknown is never shown, summed or
 * plotted as 0.
 */
export interface CostFigure {
  usd: number | null;
  unpricedModels: string[];
}

/** A job's running cost: its `cost_usd` leaves the unpriced agents out, so it is unknown then. */
export function jobCost(job: {
  cost_usd: number;
  unpriced_models?: readonly string[] | undefined;
}): CostFigure {
  return { usd: knownJobCost(job), unpricedModels: unpricedModelsOf(job) };
}

/** A plan in a list (`PlanSummary`): `cost_usd` is already null when unknown. */
export function planSummaryCost(plan: {
  cost_usd: number | null;
  unpriced_models?: readonly string[] | undefined;
}): CostFigure {
  return { usd: plan.cost_usd, unpricedModels: [...(plan.unpriced_models ?? [])] };
}

type MetricsForCost = Pick<PlanMetrics, 'cost_usd' | 'unpriced_models' | 'by_agent'>;

/** The models whose agents have no cost, for plans that did not list them. */
function agentModelsWithoutPrice(metrics: MetricsForCost): string[] {
  return Object.values(metrics.by_agent).flatMap((agent) =>
    agent.cost_usd === null && agent.model ? [agent.model] : [],
  );
}

/** The total of the plans of one job: unknown as soon as one plan's cost is. */
export function metricsCost(metrics: readonly MetricsForCost[]): CostFigure {
  const unpriced = new Set<string>();
  let usd = 0;
  let unknown = false;
  for (const m of metrics) {
    if (m.cost_usd === null) {
      unknown = true;
      const named = m.unpriced_models ?? [];
      for (const model of named.length > 0 ? named : agentModelsWithoutPrice(m)) unpriced.add(model);
    } else {
      usd += m.cost_usd;
    }
  }
  return { usd: unknown ? null : Math.round(usd * 1e6) / 1e6, unpricedModels: [...unpriced].sort() };
}

export interface UnknownCostLabels {
  /** "Precio desconocido", when no model is named. */
  unknown: string;
  /** "Precio desconocido (o3, o4-mini)". */
  unknownModels(models: string): string;
}

/** The figure as text: the formatted USD, or the unknown-price label naming the models. */
export function costText(
  figure: CostFigure,
  formatUsd: (usd: number) => string,
  labels: UnknownCostLabels,
): string {
  if (figure.usd !== null) return formatUsd(figure.usd);
  return figure.unpricedModels.length > 0
    ? labels.unknownModels(figure.unpricedModels.join(', '))
    : labels.unknown;
}
