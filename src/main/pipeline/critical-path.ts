import type { AgentId } from './agent-definition';
import type { PlannedAgent } from './orchestrator';

export interface CriticalPath {
  /** The chain of agents that bounds the plan's wall time, first to last. */
  agents: AgentId[];
  /** Its length under `cost` (calls when every agent costs 1, milliseconds under a latency model). */
  length: number;
}

/**
 * The longest chain of dependent agents in a job's DAG, each weighted by `cost`: no schedule can
 * finish the plan sooner (with enough agents at once). The bench compares the measured wall time
 * with it (docs/BENCHMARKS.md "Pipeline: critical path, calls and cache").
 */
export function criticalPath(plan: readonly PlannedAgent[], cost: (agent: AgentId) => number): CriticalPath {
  const byId = new Map(plan.map((planned) => [planned.agent.id, planned]));
  const best = new Map<AgentId, CriticalPath>();
  const visit = (id: AgentId, seen: ReadonlySet<AgentId>): CriticalPath => {
    const known = best.get(id);
    if (known) return known;
    if (seen.has(id)) throw new Error(`the DAG has a cycle through ${id}`);
    const planned = byId.get(id);
    // A dependency outside the plan (a regeneration's seeded agent) costs nothing here.
    if (!planned) return { agents: [], length: 0 };
    const next = new Set(seen).add(id);
    let longest: CriticalPath = { agents: [], length: 0 };
    for (const dependency of planned.dependsOn) {
      const path = visit(dependency, next);
      if (path.length > longest.length) longest = path;
    }
    const path = { agents: [...longest.agents, id], length: longest.length + cost(id) };
    best.set(id, path);
    return path;
  };
  let result: CriticalPath = { agents: [], length: 0 };
  for (const { agent } of plan) {
    const path = visit(agent.id, new Set());
    if (path.length > result.length) result = path;
  }
  return result;
}
