// `npm run test:e2e`: end-to-end suites, each ending in the plain summary line
// "N passed, N failed, N skipped". `node scripts/run-e2e.mjs electron` runs only the desktop suite.
//
// - web (test/e2e-web): Playwright driving Debian's Chromium against `edn360 serve`.
// - electron (test/e2e-electron): Playwright-Electron against the built app. It needs an Electron
//   binary — ELECTRON_OVERRIDE_DIST_PATH or the one `npm install` downloads into node_modules/electron
//   — and, on Linux without a display, xvfb-run. Without a binary it prints exactly one line
//   "SKIPPED: no Electron binary" and counts the suite's tests as skipped. It never downloads Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const resultsDir = 'test-results';
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const wanted = process.argv.slice(2);
const runs = (suite) => wanted.length === 0 || wanted.includes(suite);

function testFiles(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')) : [];
}

/** Tests in a suite, counted without running it (for the skipped total). */
function countTests(dir) {
  let n = 0;
  for (const file of testFiles(dir))
    n += (readFileSync(join(dir, file), 'utf8').match(/^\s*it(\.each\([^)]*\))?\(/gm) ?? []).length;
  return n;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function runVitest(config, reportName, env, wrapper = []) {
  const report = join(resultsDir, reportName);
  rmSync(report, { force: true });
  const vitest = [process.execPath, 'node_modules/vitest/vitest.mjs', 'run', '-c', config];
  const args = [...vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const [command, ...rest] = [...wrapper, ...args];
  const run = spawnSync(command, rest, { stdio: 'inherit', env });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    totals.failed += json.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
  } catch {
    console.error(`${config}: vitest produced no report; counting the suite as failed`);
    totals.failed += 1;
  }
  if (run.status !== 0 && totals.failed === 0) totals.failed += 1;
}

if (!existsSync('out/main/index.js')) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('build failed: the end-to-end suites need out/');
    process.exit(1);
  }
}

if (runs('web') && existsSync('test/e2e-web/vitest.config.mts')) {
  const chromium = process.env.EDN_E2E_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(chromium)) runVitest('test/e2e-web/vitest.config.mts', 'vitest-e2e-web.json', process.env);
  else {
    console.log(`SKIPPED: no Chromium at ${chromium} (browser suite test/e2e-web; set EDN_E2E_CHROMIUM)`);
    totals.skipped += Math.max(countTests('test/e2e-web'), 1);
  }
}

if (runs('electron') && testFiles('test/e2e-electron').length > 0) {
  const binary = electronBinary();
  if (!binary) {
    console.log('SKIPPED: no Electron binary');
    totals.skipped += Math.max(countTests('test/e2e-electron'), 1);
  } else {
    const env = { ...process.env, EDN_E2E_ELECTRON: binary };
    delete env.ELECTRON_RUN_AS_NODE;
    let wrapper = [];
    let canRun = true;
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      if (hasCommand('xvfb-run')) {
        wrapper = ['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1440x900x24'];
      } else {
        console.error('Electron needs a display: install xvfb (apt-get install xvfb) or set DISPLAY.');
        totals.failed += 1;
        canRun = false;
      }
    }
    if (canRun) runVitest('test/e2e-electron/vitest.config.mts', 'vitest-e2e-electron.json', env, wrapper);
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
