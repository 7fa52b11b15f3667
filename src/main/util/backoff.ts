/**
 * Exponential backoff with "full jitter" (AWS architecture blog): spreads retries of many jobs that
 * failed together, e.g. when the network came back for a whole clinic at once.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
