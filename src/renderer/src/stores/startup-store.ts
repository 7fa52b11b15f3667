import { create } from 'zustand';
import type { StartupState } from '@shared/startup';

interface StartupStore {
  state: StartupState | null;
  bridgeMissing: boolean;
  connect(): () => void;
}

export const useStartupStore = create<StartupStore>((set) => ({
  state: null,
  bridgeMissing: false,
  connect() {
    const bridge = window.edn360;
    if (!bridge) {
      set({ bridgeMissing: true });
      return () => undefined;
    }
    const unsubscribe = bridge.onStartupState((state) => set({ state }));
    void bridge.getStartupState().then((state) => set({ state }));
    return unsubscribe;
  },
}));
