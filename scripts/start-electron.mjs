// `npm start`: launch the built app in Electron. When the Electron binary is missing (first start,
// or an offline machine where it cannot be downloaded) say so once and point to the headless server.
// npm runs no install scripts here (.npmrc ignore-scripts=true): this is where the one download the
// desktop app needs — Electron's own installer, node_modules/electron/install.js — is run, explicitly.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Descargando Electron (solo la primera vez)…');
  // The installer's own output is a stack of fetch errors when offline; our message below says it all.
  spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    [
      'No se encontró el binario de Electron y no se pudo descargar (¿equipo sin conexión?).',
      'Opciones:',
      '  • Conéctate a internet y vuelve a ejecutar `npm start` (se descarga una sola vez).',
      '  • ELECTRON_OVERRIDE_DIST_PATH=/carpeta/con/electron npm start — usar un Electron ya descargado.',
      '  • Sin interfaz de escritorio: `npx edn360 serve` arranca la base de datos y la API en http://127.0.0.1:8360.',
      '(EN) Electron binary missing and not downloadable: connect once, set ELECTRON_OVERRIDE_DIST_PATH, or run `npx edn360 serve`.',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
