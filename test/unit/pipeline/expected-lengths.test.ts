import { describe, expect, it } from 'vitest';
import { AGENTS } from '../../../src/main/pipeline/agents/registry';
import { loadExpectedLengths, medianOf } from '../../../src/main/pipeline/expected-lengths';

describe('expected answer lengths', () => {
  it('the median of the agent’s recent steps; the typical length without history; 0 for a code agent', async () => {
    const history: Record<string, number[]> = { E5: [1200, 900, 5000, 1000, 1100] };
    const lengths = await loadExpectedLengths(AGENTS, async (id) => history[id] ?? []);
    expect(lengths.get('E5')).toBe(1100);
    // No history: the week and the menus are expected far longer than a review.
    expect(lengths.get('N6')!).toBeGreaterThan(5 * lengths.get('N8')!);
    expect(lengths.get('E9')).toBe(0);
  });

  it('a lookup that fails keeps the typical length (progress is a hint, never a reason to fail)', async () => {
    const lengths = await loadExpectedLengths(AGENTS, async () => Promise.reject(new Error('db down')));
    expect(lengths.get('E5')).toBeGreaterThan(0);
  });

  it('medianOf: the middle value, or the rounded mean of the middle two; null for no values', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([900, 100, 1000])).toBe(900);
    expect(medianOf([100, 200, 301, 5000])).toBe(251);
  });
});
