import { describe, expect, it } from 'vitest';
import type { AgentId } from '../../../src/main/pipeline/agent-definition';
import { AGENTS } from '../../../src/main/pipeline/agents/registry';
import { criticalPath } from '../../../src/main/pipeline/critical-path';
import { planAgents, type PlannedAgent } from '../../../src/main/pipeline/orchestrator';

const planned = (edges: Record<string, string[]>): PlannedAgent[] =>
  Object.entries(edges).map(([id, dependsOn]) => ({
    agent: { id: id as AgentId } as PlannedAgent['agent'],
    dependsOn: dependsOn as AgentId[],
  }));

describe('criticalPath', () => {
  it('is the longest weighted chain, not the longest in agents', () => {
    const plan = planned({ E1: [], E2: ['E1'], E3: ['E2'], N0: [], N1: ['N0', 'E1'] });
    expect(criticalPath(plan, () => 1)).toEqual({ agents: ['E1', 'E2', 'E3'], length: 3 });
    const slowN1 = (id: AgentId): number => (id === 'N1' ? 10 : id === 'E1' ? 2 : 1);
    expect(criticalPath(plan, slowN1)).toEqual({ agents: ['E1', 'N1'], length: 12 });
  });

  it('refuses a cycle instead of looping', () => {
    expect(() => criticalPath(planned({ E1: ['E2'], E2: ['E1'] }), () => 1)).toThrow(/cycle/);
  });

  it('the real DAG of every job type: a chain of the planned agents, ending with the last to finish', () => {
    for (const type of ['training', 'nutrition', 'full'] as const) {
      const plan = planAgents(type, AGENTS);
      const path = criticalPath(plan, () => 1);
      expect(path.length).toBe(path.agents.length);
      expect(path.length).toBeLessThanOrEqual(plan.length);
      // Each agent of the chain depends on the one before it.
      for (const [i, id] of path.agents.entries()) {
        if (i === 0) continue;
        expect(plan.find((p) => p.agent.id === id)?.dependsOn).toContain(path.agents[i - 1]);
      }
    }
  });
});
