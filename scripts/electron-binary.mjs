// Where the Electron binary is, if anywhere — without `require('electron')`, whose fallback starts a
// download (noisy, and slow to fail on an offline machine).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mirrors node_modules/electron/index.js without its download-on-require fallback. */
export function electronBinary(env = process.env) {
  const pkg = 'node_modules/electron';
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(
      env.ELECTRON_OVERRIDE_DIST_PATH,
      relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(pkg, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}
