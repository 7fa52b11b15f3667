import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One row of the fault table. `losses` are jobs that did not end as they should have (left
 * pending/running, failed when they should complete, or the wrong error_reason); `duplicates` are
 * jobs completed more than once or with more than one plan; `mismatches` are any other expectation
 * that did not hold (retry counts in execution_log, a 5xx answer, an unhealthy server).
 */
export interface FaultResult {
  scenario: string;
  trials: number;
  faults: number;
  losses: number;
  duplicates: number;
  mismatches: number;
  /** Human-readable detail of every mismatch, loss or duplicate (empty when all held). */
  problems: string[];
  /** Extra counts worth reading (re-executed agents, kills skipped, status codes seen…). */
  details: Record<string, number | string>;
  duration_s: number;
}

export const RESULTS_DIR = resolve(__dirname, '../../../test-results/faults');

/** Each scenario writes its row; `scripts/test-faults.mjs` prints them all as one table. */
export function recordResult(result: FaultResult, suite: 'full' | 'short'): void {
  mkdirSync(join(RESULTS_DIR, suite), { recursive: true });
  writeFileSync(
    join(RESULTS_DIR, suite, `${result.scenario.replace(/[^a-z0-9]+/gi, '-')}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
}

export function readResults(suite: 'full' | 'short'): FaultResult[] {
  try {
    const dir = join(RESULTS_DIR, suite);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FaultResult);
  } catch {
    return [];
  }
}

export function resultsTable(results: readonly FaultResult[]): string {
  const details = (r: FaultResult): string =>
    Object.entries(r.details)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
  return [
    '| scenario | trials | faults injected | losses | duplicates | mismatches | time (s) | details |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.trials} | ${r.faults} | ${r.losses} | ${r.duplicates} | ${r.mismatches} | ${r.duration_s} | ${details(r).replaceAll('|', '\\|')} |`,
    ),
  ].join('\n');
}
