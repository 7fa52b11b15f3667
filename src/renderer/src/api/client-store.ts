import { create } from 'zustand';
import type { CoachClient } from './coach-client';
import { HttpCoachClient, storeToken, storedToken } from './http-transport';
import { IpcCoachClient } from './ipc-client';
import { hasIpcBridge } from './ipc-transport';

/**
 * Which transport this window uses, chosen once at start: the preload bridge when present
 * (Electron), else HTTP to the server that served the page (`edn360 serve`), after a token prompt.
 */
interface ClientStore {
  client: CoachClient | null;
  mode: 'ipc' | 'http';
  /** HTTP: tries a token; resolves false when the server refuses it. */
  signIn(token: string): Promise<boolean>;
  signOut(): void;
}

function httpBase(): string {
  return window.location.origin;
}

export const useClientStore = create<ClientStore>((set) => {
  const ipc = hasIpcBridge();
  const token = ipc ? null : storedToken();
  return {
    mode: ipc ? 'ipc' : 'http',
    client: ipc ? new IpcCoachClient() : token ? new HttpCoachClient(httpBase(), token) : null,
    async signIn(candidate) {
      const client = new HttpCoachClient(httpBase(), candidate.trim());
      try {
        await client.verify();
      } catch {
        return false;
      }
      storeToken(candidate.trim());
      set({ client });
      return true;
    },
    signOut() {
      storeToken(null);
      set({ client: null });
    },
  };
});

/** The client for screens rendered inside the signed-in shell. */
export function useClient(): CoachClient {
  const client = useClientStore((state) => state.client);
  if (!client) throw new Error('CoachClient used before sign-in');
  return client;
}
