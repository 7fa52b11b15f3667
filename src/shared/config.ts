import { z } from 'zod';

/**
 * Settings stored in `<data dir>/settings.json`. Every field is optional: what is absent falls back to
 * the environment (README.md "Configuration") and then to defaults. Environment variables win over the file, so the
 * same build runs on a laptop, a clinic server and in tests.
 */
export const ModelPriceSchema = z.object({
  input_per_1m: z.number().min(0),
  cached_input_per_1m: z.number().min(0),
  output_per_1m: z.number().min(0),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

export const LANGUAGES = ['es', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const SettingsFileSchema = z
  .object({
    mongo_url: z.string().min(1).optional(),
    db_name: z.string().min(1).optional(),
    llm_base_url: z.url().optional(),
    llm_model: z.string().min(1).optional(),
    /** Encrypted with Electron safeStorage when available (issue 6); never logged. */
    llm_api_key_encrypted: z.string().optional(),
    agent_models: z.record(z.string(), z.string()).optional(),
    prices: z.record(z.string(), ModelPriceSchema).optional(),
    api_host: z.string().min(1).optional(),
    api_port: z.number().int().min(0).max(65535).optional(),
    api_token: z.string().min(16).optional(),
    worker_concurrency: z.number().int().min(1).max(16).optional(),
    job_timeout_ms: z.number().int().min(1000).optional(),
    poll_interval_ms: z.number().int().min(50).optional(),
    language: LanguageSchema.optional(),
    plan_language: LanguageSchema.optional(),
    theme: z.enum(['light', 'dark', 'auto']).optional(),
  })
  .strict();
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export const DEFAULTS = {
  db_name: 'edn360',
  llm_model: 'gpt-5-mini',
  api_host: '127.0.0.1',
  api_port: 8360,
  worker_concurrency: 2,
  job_timeout_ms: 30 * 60 * 1000,
  poll_interval_ms: 1000,
} as const;
