// `npm run test:faults [-- options]`: the fault-injection suite (test/faults), ending with its
// results table (trials, faults, losses, duplicates, mismatches) and the summary line
// "N passed, N failed, N skipped". A short version of the same scenarios runs in `npm test`.
//
//   --kills N          random SIGKILLs of the worker while jobs run            (default 100)
//   --llm-trials N     LLM fault trials (429, 5xx, hangs, bad JSON, refused…)  (default 160)
//   --workers N        worker processes on one database                       (default 3)
//   --jobs N           jobs for the multi-worker run                           (default 300)
//   --fuzz N           hostile HTTP requests over every route                  (default 5000)
//   --seed N           seed of every random choice (a failing run replays exactly)
//   --db-outage-ms N   length of the database outage in the db scenario       (default 30000)
//   --db-jobs N        jobs per db scenario                                   (default 24)
//   --only a,b         scenarios: kill, llm, multi-worker, http-fuzz, db
//   --ci               small numbers for CI (kills 5, llm 24, jobs 60, fuzz 1000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    kills: { type: 'string' },
    'llm-trials': { type: 'string' },
    workers: { type: 'string' },
    jobs: { type: 'string' },
    fuzz: { type: 'string' },
    'db-outage-ms': { type: 'string' },
    'db-jobs': { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string' },
    ci: { type: 'boolean', default: false },
  },
});
const ci = values.ci
  ? { kills: '5', 'llm-trials': '24', jobs: '60', fuzz: '1000', 'db-outage-ms': '10000', 'db-jobs': '12' }
  : {};
const param = (name) => values[name] ?? ci[name];
const env = { ...process.env };
for (const [flag, variable] of [
  ['kills', 'EDN_FAULTS_KILLS'],
  ['llm-trials', 'EDN_FAULTS_LLM_TRIALS'],
  ['workers', 'EDN_FAULTS_WORKERS'],
  ['jobs', 'EDN_FAULTS_JOBS'],
  ['fuzz', 'EDN_FAULTS_FUZZ_REQUESTS'],
  ['seed', 'EDN_FAULTS_SEED'],
  ['db-outage-ms', 'EDN_FAULTS_DB_OUTAGE_MS'],
  ['db-jobs', 'EDN_FAULTS_DB_JOBS'],
]) {
  if (param(flag) !== undefined) env[variable] = param(flag);
}

const scenarios = ['kill', 'llm', 'multi-worker', 'http-fuzz', 'db'];
const only = values.only ? values.only.split(',').map((s) => s.trim()) : scenarios;
const unknown = only.filter((s) => !scenarios.includes(s));
if (unknown.length > 0) {
  console.error(`unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.join(', ')}`);
  process.exit(2);
}

const resultsDir = join('test-results', 'faults');
rmSync(join(resultsDir, 'full'), { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const report = join(resultsDir, 'vitest.json');
rmSync(report, { force: true });
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'test/faults/vitest.config.mts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...only.map((s) => `test/faults/${s}.test.ts`),
  ],
  { stdio: 'inherit', env },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed = json.numPassedTests;
  totals.failed =
    json.numFailedTests +
    json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  totals.skipped = json.numPendingTests + json.numTodoTests;
} else {
  totals.failed = 1;
}

// The table comes from the rows each scenario wrote (test/faults/lib/results.ts prints them).
spawnSync(process.execPath, ['--import', 'tsx', 'test/faults/print-results.ts', 'full'], {
  stdio: 'inherit',
  env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
});
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(run.status !== 0 || totals.failed > 0 ? 1 : 0);
