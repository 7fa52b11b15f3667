// `npm start`: launch the built app in Electron. When the Electron binary is missing (first start,
// or an offline machine where it cannot be downloaded) say so once and point to the headless server.
import { spawn } from 'node:child_process';
import { ensureElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

const binary = ensureElectronBinary();
if (!binary) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
