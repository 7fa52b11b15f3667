import { describe, expect, it } from 'vitest';
import { AGENTS } from '../../../src/main/pipeline/agents/registry';
import { answerFraction, loadExpectedLengths, medianOf } from '../../../src/main/pipeline/expected-lengths';
import type { RecentAnswer } from '../../../src/main/db/repositories/steps-repository';

const answer = (tokens: number, firstTokenMs: number | null = null, durationMs = 0): RecentAnswer => ({
  tokens,
  firstTokenMs,
  durationMs,
});

describe('expected answers', () => {
  it('the medians of the agent’s recent steps; the typical length without history; 0 for a code agent', async () => {
    const history: Record<string, RecentAnswer[]> = {
      E5: [
        answer(1200, 3000, 9000),
        answer(900, 2000, 8000),
        answer(5000, 4000, 30000),
        answer(1000),
        answer(1100),
      ],
    };
    const lengths = await loadExpectedLengths(AGENTS, async (id) => history[id] ?? []);
    // Timings from the steps that have them (older steps have no first-token time).
    expect(lengths.get('E5')).toEqual({ tokens: 1100, waitMs: 3000, writeMs: 6000 });
    // No history: the week and the menus are expected far longer than a review, with no timings.
    expect(lengths.get('N6')!.tokens).toBeGreaterThan(5 * lengths.get('N8')!.tokens);
    expect(lengths.get('N6')).toMatchObject({ waitMs: 0, writeMs: 0 });
    expect(lengths.get('E9')!.tokens).toBe(0);
  });

  it('a lookup that fails keeps the typical length (progress is a hint, never a reason to fail)', async () => {
    const lengths = await loadExpectedLengths(AGENTS, async () => Promise.reject(new Error('db down')));
    expect(lengths.get('E5')!.tokens).toBeGreaterThan(0);
  });

  it('medianOf: the middle value, or the rounded mean of the middle two; null for no values', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([900, 100, 1000])).toBe(900);
    expect(medianOf([100, 200, 301, 5000])).toBe(251);
  });
});

describe('answerFraction', () => {
  it('without timings: the tokens received against the usual length, below 1', () => {
    const expected = { tokens: 1000, waitMs: 0, writeMs: 0 };
    expect(answerFraction(expected, 60_000, 0)).toBe(0);
    expect(answerFraction(expected, 0, 250)).toBeCloseTo(0.25);
    expect(answerFraction(expected, 0, 5000)).toBe(0.95);
  });

  it('a model that thinks first: time moves the bar until the first chunk, then the tokens', () => {
    // Usually 6 s of thinking, then 4 s of writing 800 tokens.
    const expected = { tokens: 800, waitMs: 6000, writeMs: 4000 };
    expect(answerFraction(expected, 3000, 0)).toBeCloseTo(0.3);
    // Thinking longer than usual stops at the thinking share, never beyond.
    expect(answerFraction(expected, 20_000, 0)).toBeCloseTo(0.6);
    expect(answerFraction(expected, 7000, 400)).toBeCloseTo(0.8);
    expect(answerFraction(expected, 9000, 2000)).toBe(0.95);
    // A wait without a writing time (a one-off history) would put the whole share in the thinking.
    expect(answerFraction({ tokens: 800, waitMs: 6000, writeMs: 0 }, 20_000, 0)).toBe(0);
  });
});
