import type { Edn360Api } from '../shared/ipc-contract';

declare global {
  interface Window {
    /** Present inside Electron; absent in the browser build served by `edn360 serve`. */
    edn360?: Edn360Api;
  }
}
