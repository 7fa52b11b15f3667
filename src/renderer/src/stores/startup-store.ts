import { create } from 'zustand';
import type { StartupState } from '@shared/startup';
import { hasIpcBridge, ipcCall, ipcSubscribe } from '../api/ipc-transport';

export type StartupWarningReason = Extract<StartupState, { phase: 'ready' }>['warnings'][number]['reason'];

interface StartupStore {
  state: StartupState | null;
  bridgeMissing: boolean;
  /** Warnings the coach closed in this session (they come back at the next start if still true). */
  dismissed: readonly StartupWarningReason[];
  connect(): () => void;
  dismiss(reason: StartupWarningReason): void;
}

export const useStartupStore = create<StartupStore>((set) => ({
  state: null,
  bridgeMissing: false,
  dismissed: [],
  dismiss(reason) {
    set((store) => ({ dismissed: [...store.dismissed, reason] }));
  },
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
