import { create } from 'zustand';
import type { StartupState } from '@shared/startup';
import { hasIpcBridge, ipcCall, ipcSubscribe } from '../api/ipc-transport';

interface StartupStore {
  state: StartupState | null;
  bridgeMissing: boolean;
  connect(): () => void;
}

export const useStartupStore = create<StartupStore>((set) => ({
  state: null,
  bridgeMissing: false,
  connect() {
    if (!hasIpcBridge()) {
      set({ bridgeMissing: true });
      return () => undefined;
    }
    const unsubscribe = ipcSubscribe('startup', (state) => set({ state }));
    void ipcCall('getStartupState').then((state) => set({ state }));
    return unsubscribe;
  },
}));
