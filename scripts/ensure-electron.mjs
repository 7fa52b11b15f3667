// Before `electron-vite dev`: the Electron binary, downloaded once (npm runs no install scripts).
import { ensureElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

if (!ensureElectronBinary()) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}
