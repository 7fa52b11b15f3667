// `npm test`: runs every test suite and ends with one plain summary line, "N passed, N failed, N skipped",
// summed over the suites (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = 'test-results';
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function runVitest(extraArgs = [], reportName = 'vitest.json') {
  const report = join(resultsDir, reportName);
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      ...extraArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: process.env },
  );
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    // A suite that failed to load has no failed tests but a failed file: count it.
    const brokenFiles = json.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    );
    totals.failed += brokenFiles.length;
  } catch {
    console.error('vitest produced no report: counting the suite as failed');
    totals.failed += 1;
  }
  if (run.status !== 0) broken = true;
}

// The CLI tests run the built `edn360` as a user would; build once when a fresh checkout has no output.
if (!existsSync('out/main/cli.js')) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('build failed: the CLI tests cannot run');
    broken = true;
  }
}

runVitest();

// Browser end-to-end suite (test/e2e-web): Playwright driving Debian's Chromium against `edn360 serve`.
// Without a Chromium binary it is reported as skipped, clearly, instead of failing.
const chromium = process.env.EDN_E2E_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync('test/e2e-web/vitest.config.mts')) {
  if (existsSync(chromium)) {
    runVitest(['-c', 'test/e2e-web/vitest.config.mts'], 'vitest-e2e-web.json');
  } else {
    console.log(`SKIPPED: no Chromium at ${chromium} (browser suite test/e2e-web; set EDN_E2E_CHROMIUM)`);
    totals.skipped += 1;
  }
}

// Desktop suite (test/e2e-electron): runs where an Electron binary exists (under xvfb-run on Linux);
// elsewhere run-e2e.mjs prints "SKIPPED: no Electron binary" and reports its tests as skipped.
if (existsSync('test/e2e-electron')) {
  const electron = spawnSync(process.execPath, ['scripts/run-e2e.mjs', 'electron'], { encoding: 'utf8' });
  process.stdout.write(electron.stdout ?? '');
  process.stderr.write(electron.stderr ?? '');
  const summary = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(electron.stdout ?? '');
  if (summary) {
    totals.passed += Number(summary[1]);
    totals.failed += Number(summary[2]);
    totals.skipped += Number(summary[3] ?? 0);
  } else {
    console.error('the Electron suite printed no summary: counting it as failed');
    totals.failed += 1;
  }
  if (electron.status !== 0) broken = true;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
