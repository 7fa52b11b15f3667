/** Percentiles over raw samples; benchmarks report distributions, not single averages. */
export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentile: with few samples p99 is the maximum, which is the honest answer.
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(sorted.length, 1);
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Shows a number with sensible precision for a table: 3 significant digits, no trailing noise. */
export function pretty(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 100) return String(Math.round(x));
  if (abs >= 10) return String(round(x, 1));
  if (abs >= 1) return String(round(x, 2));
  return String(Number(x.toPrecision(3)));
}

export { seededRandom, sleep } from '../../test/faults/lib/random';
