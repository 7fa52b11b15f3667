// Where the Electron binary is, if anywhere — without `require('electron')`, whose fallback starts a
// download (noisy, and slow to fail on an offline machine).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

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

/**
 * The binary, downloaded first when missing. npm runs no install scripts here (.npmrc
 * ignore-scripts=true): this is where Electron's own installer, node_modules/electron/install.js,
 * is run — explicitly, by `npm start` and `npm run dev`. Null when it cannot be had (offline).
 */
export function ensureElectronBinary(env = process.env) {
  const found = electronBinary(env);
  if (found || env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  console.log('Descargando Electron (solo la primera vez)…');
  // The installer's own output is a stack of fetch errors when offline; the caller says it all.
  spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return electronBinary(env);
}

export const NO_ELECTRON_MESSAGE = [
  'No se encontró el binario de Electron y no se pudo descargar (¿equipo sin conexión?).',
  'Opciones:',
  '  • Conéctate a internet y vuelve a ejecutar `npm start` (se descarga una sola vez).',
  '  • ELECTRON_OVERRIDE_DIST_PATH=/carpeta/con/electron npm start — usar un Electron ya descargado.',
  '  • Sin interfaz de escritorio: `npx edn360 serve` arranca la base de datos y la API en http://127.0.0.1:8360.',
  '(EN) Electron binary missing and not downloadable: connect once, set ELECTRON_OVERRIDE_DIST_PATH, or run `npx edn360 serve`.',
].join('\n');
