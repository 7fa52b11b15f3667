// `npm run test:e2e`: end-to-end suites. Playwright-Electron tests (test/e2e-electron) need an Electron
// binary and run under xvfb-run on Linux; where none is present they are reported as skipped, clearly.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const suites = ['test/e2e-web', 'test/e2e-electron'].filter(
  (dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.spec.ts')),
);
if (suites.length === 0) {
  console.log(
    'No end-to-end suites yet: test/e2e-web and test/e2e-electron arrive with the UI and shell issues.',
  );
  console.log('0 passed, 0 failed, 0 skipped');
  process.exit(0);
}
if (suites.includes('test/e2e-electron') && !electronBinary()) {
  console.log('SKIPPED: no Electron binary (Playwright-Electron suite test/e2e-electron)');
}
console.error(`e2e runner for ${suites.join(', ')} is not wired yet`);
process.exit(1);
