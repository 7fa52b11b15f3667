import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations; it exports one function.
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { REPO_ROOT } from '../../support/spawn-cli';

const binary = (electronBinary as () => string | null)();
if (binary) console.log(`SKIPPED: npm start without Electron — an Electron binary is present (${binary})`);

describe('npm start without an Electron binary', () => {
  it.skipIf(binary !== null)('says so in one clear message and points to the headless server', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/start-electron.mjs')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No se encontró el binario de Electron');
    expect(run.stderr).toContain('npx edn360 serve');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout + run.stderr).not.toMatch(/TypeError|fetch failed/);
  });
});
