import { z } from 'zod';

/** What the start-up screen shows while the core comes up in the Electron main process. */
export const StartupStateSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('starting'), step: z.enum(['config', 'database', 'api']) }),
  z.object({
    phase: z.literal('ready'),
    apiUrl: z.string(),
    databaseMode: z.enum(['embedded', 'configured']),
    version: z.string(),
  }),
  z.object({
    phase: z.literal('error'),
    reason: z.enum([
      'database_unavailable',
      'port_in_use',
      'invalid_config',
      'invalid_settings',
      'internal_error',
    ]),
    message: z.string(),
  }),
]);
export type StartupState = z.infer<typeof StartupStateSchema>;

/** IPC channel names for the start-up bridge; the full typed contract arrives with issue 6. */
export const STARTUP_CHANNELS = {
  get: 'app:get-startup-state',
  changed: 'app:startup-state',
} as const;

/** The API the preload exposes as `window.edn360`. */
export interface Edn360Bridge {
  getStartupState(): Promise<StartupState>;
  onStartupState(callback: (state: StartupState) => void): () => void;
}
