import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// The renderer gets exactly the contract's functions and `on` — never ipcRenderer itself (Electron
// security checklist §3; ipcRenderer cannot cross the bridge since Electron 29 anyway).
contextBridge.exposeInMainWorld('edn360', createBridge(ipcRenderer));
