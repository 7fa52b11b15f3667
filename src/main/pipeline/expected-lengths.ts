import type { RecentAnswer } from '../db/repositories/steps-repository';
import type { AgentId, RunnableAgent } from './agent-definition';

/**
 * How each agent's answer usually goes — its length in streamed tokens, the wait for its first chunk,
 * the time to write it: the medians of its latest steps in this database, or, before it has any,
 * the typical length below and no timings. Two uses (issue #19): progress
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

/** What an agent's answer usually looks like. */
export interface ExpectedAnswer {
  /** Its length in streamed tokens. */
  tokens: number;
  /** The wait before its first chunk (a reasoning model thinks first); 0 when unknown. */
  waitMs: number;
  /** The time from the first chunk to the end; 0 when unknown. */
  writeMs: number;
}

export type ExpectedLengths = ReadonlyMap<AgentId, ExpectedAnswer>;

/** Capped below 1: a longer answer than usual must not show the agent done before it is. */
const MAX_FRACTION = 0.95;

/** The middle of the recent lengths: one long repair round does not move it. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? upper;
  return Math.round((lower + upper) / 2);
}

/** Agents written by code have no answer: 0 tokens, they take no time worth scheduling around. */
export async function loadExpectedLengths(
  agents: readonly RunnableAgent[],
  recentAnswers: (agentId: AgentId) => Promise<RecentAnswer[]>,
): Promise<ExpectedLengths> {
  const entries = await Promise.all(
    agents.map(async (agent): Promise<[AgentId, ExpectedAnswer]> => {
      if (!agent.usesLlm) return [agent.id, { tokens: 0, waitMs: 0, writeMs: 0 }];
      // A failed lookup leaves the typical length: progress and order are hints, never a reason to fail.
      const recent = await recentAnswers(agent.id).catch((): RecentAnswer[] => []);
      const timed = recent.filter((a) => a.firstTokenMs !== null);
      const waitMs = medianOf(timed.map((a) => a.firstTokenMs ?? 0)) ?? 0;
      const writeMs = medianOf(timed.map((a) => Math.max(0, a.durationMs - (a.firstTokenMs ?? 0)))) ?? 0;
      const tokens =
        medianOf(recent.map((a) => a.tokens)) ?? TYPICAL_ANSWER_TOKENS[agent.id] ?? FALLBACK_TOKENS;
      return [agent.id, { tokens, waitMs, writeMs }];
    }),
  );
  return new Map(entries);
}

/**
 * How far an answer has come (0–0.95): while the model thinks, by time against its usual wait for
 * the first chunk; then by tokens received against its usual length. Without timings (no history,
 * or a model that answers at once) the tokens alone.
 */
export function answerFraction(expected: ExpectedAnswer, elapsedMs: number, received: number): number {
  const total = expected.waitMs + expected.writeMs;
  const written = Math.min(1, received / Math.max(1, expected.tokens));
  if (expected.waitMs <= 0 || expected.writeMs <= 0) return Math.min(MAX_FRACTION, written);
  const thinking = expected.waitMs / total;
  const fraction =
    received === 0 ? Math.min(thinking, elapsedMs / total) : thinking + (1 - thinking) * written;
  return Math.min(MAX_FRACTION, fraction);
}
