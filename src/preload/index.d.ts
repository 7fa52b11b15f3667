import type { Edn360Bridge } from '../shared/startup';

declare global {
  interface Window {
    /** Present inside Electron; absent in the browser build served by `edn360 serve`. */
    edn360?: Edn360Bridge;
  }
}
