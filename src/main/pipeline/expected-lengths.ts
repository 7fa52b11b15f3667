import type { AgentId, RunnableAgent } from './agent-definition';

/**
 * How long each agent's answer usually is, in completion tokens: the median of its latest steps in
 * this database, or, before it has any, the typical length below. Two uses (issue #19): progress
 * within a streamed answer (tokens received / expected), and the scheduler, which starts first the
 * ready agents with the most expected writing still ahead of them.
 */

/**
 * Before any run: about what a schema-valid answer of each agent takes (measured on the bench's
 * profiles, docs/BENCHMARKS.md). Only the proportions matter much: the week (E5) and the menus (N6)
 * are long, the reviews short.
 */
const TYPICAL_ANSWER_TOKENS: Partial<Record<AgentId, number>> = {
  E1: 150,
  E2: 60,
  E3: 80,
  E4: 450,
  E5: 950,
  E6: 60,
  E7: 600,
  E8: 60,
  N0: 80,
  N1: 60,
  N2: 60,
  N3: 60,
  N4: 50,
  N5: 180,
  N6: 750,
  N7: 140,
  N8: 60,
};
const FALLBACK_TOKENS = 300;

export type ExpectedLengths = ReadonlyMap<AgentId, number>;

/** The middle of the recent lengths: one long repair round does not move it. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? upper;
  return Math.round((lower + upper) / 2);
}

/** Agents written by code have no answer: 0, they take no time worth scheduling around. */
export async function loadExpectedLengths(
  agents: readonly RunnableAgent[],
  recentCompletionTokens: (agentId: AgentId) => Promise<number[]>,
): Promise<ExpectedLengths> {
  const entries = await Promise.all(
    agents.map(async (agent): Promise<[AgentId, number]> => {
      if (!agent.usesLlm) return [agent.id, 0];
      // A failed lookup leaves the typical length: progress and order are hints, never a reason to fail.
      const recent = await recentCompletionTokens(agent.id).catch(() => []);
      return [agent.id, medianOf(recent) ?? TYPICAL_ANSWER_TOKENS[agent.id] ?? FALLBACK_TOKENS];
    }),
  );
  return new Map(entries);
}
