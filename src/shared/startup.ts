import { z } from 'zod';

/** What the start-up screen shows while the core comes up in the Electron main process. */
export const StartupStateSchema = z.discriminatedUnion('phase', [
  z.object({
    phase: z.literal('starting'),
    /** `reconnect`: the core stops and boots again on another database (after a move, issue #18). */
    step: z.enum(['config', 'database', 'api', 'reconnect']),
  }),
  z.object({
    phase: z.literal('ready'),
    apiUrl: z.string(),
    databaseMode: z.enum(['embedded', 'configured']),
    version: z.string(),
    /** Problems that leave the app usable (e.g. no LLM key yet: generation fails until one is set). */
    warnings: z
      .array(z.object({ reason: z.enum(['llm_key_missing', 'key_not_encrypted']), message: z.string() }))
      .default([]),
  }),
  z.object({
    phase: z.literal('error'),
    reason: z.enum([
      'database_unavailable',
      /** A newer app already uses the database (docs/ARCHITECTURE.md "Schema versions and migrations"). */
      'database_newer_than_app',
      'port_in_use',
      'invalid_config',
      'invalid_settings',
      'internal_error',
    ]),
    message: z.string(),
  }),
]);
export type StartupState = z.infer<typeof StartupStateSchema>;
