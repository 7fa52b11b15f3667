import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { STARTUP_CHANNELS, StartupStateSchema, type Edn360Bridge, type StartupState } from '@shared/startup';

// The renderer gets exactly these functions — never ipcRenderer itself (Electron security checklist).
const bridge: Edn360Bridge = {
  async getStartupState() {
    return StartupStateSchema.parse(await ipcRenderer.invoke(STARTUP_CHANNELS.get));
  },
  onStartupState(callback: (state: StartupState) => void) {
    const listener = (_event: IpcRendererEvent, payload: unknown): void => {
      const parsed = StartupStateSchema.safeParse(payload);
      if (parsed.success) callback(parsed.data);
    };
    ipcRenderer.on(STARTUP_CHANNELS.changed, listener);
    return () => {
      ipcRenderer.removeListener(STARTUP_CHANNELS.changed, listener);
    };
  },
};

contextBridge.exposeInMainWorld('edn360', bridge);
