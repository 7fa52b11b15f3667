import type { PlanSummary } from '@shared/ipc-contract';

export interface PlanBlock {
  /** 1 for a plan that continues none; the previous block's number + 1 otherwise. */
  block: number;
  previous: PlanSummary | null;
  /** It continues a plan that is not in this list (older than the page): the number is a floor. */
  continuesUnlisted: boolean;
}

/**
 * Training blocks by lineage ("generar siguiente bloque" sets the previous plan), not by list
 * position: two plans generated from scratch are both block 1, a continuation counts on from its
 * previous plan. A broken or cyclic chain (not produced by the app) stops where it breaks.
 */
export function planBlocks(plans: readonly PlanSummary[]): Map<string, PlanBlock> {
  const byId = new Map(plans.map((plan) => [plan._id, plan]));
  const blocks = new Map<string, PlanBlock>();
  const blockOf = (plan: PlanSummary, seen: Set<string>): PlanBlock => {
    const known = blocks.get(plan._id);
    if (known) return known;
    const previous = plan.previous_plan_id ? (byId.get(plan.previous_plan_id) ?? null) : null;
    let result: PlanBlock;
    if (!plan.previous_plan_id) result = { block: 1, previous: null, continuesUnlisted: false };
    else if (!previous || seen.has(previous._id))
      result = { block: 2, previous: null, continuesUnlisted: true };
    else {
      const before = blockOf(previous, new Set([...seen, plan._id]));
      result = { block: before.block + 1, previous, continuesUnlisted: before.continuesUnlisted };
    }
    blocks.set(plan._id, result);
    return result;
  };
  for (const plan of plans) blockOf(plan, new Set([plan._id]));
  return blocks;
}
