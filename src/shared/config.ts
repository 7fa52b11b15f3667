import { z } from 'zod';
import { SETTINGS, settingsFileShape } from './settings-descriptor';

export {
  LANGUAGES,
  LanguageSchema,
  ModelPriceSchema,
  type Language,
  type ModelPrice,
} from './settings-descriptor';

/**
 * Settings stored in `<data dir>/settings.json`, derived from the settings descriptor
 * (`@shared/settings-descriptor`). Every field is optional: what is absent falls back to the environment
 * (README.md "Configuration") and then to defaults. Environment variables win over the file, so the
 * same build runs on a laptop, a clinic server and in tests. `llm_api_key_encrypted` is encrypted with
 * Electron safeStorage when available (issue 6) and never logged.
 */
export const SettingsFileSchema = z.strictObject(settingsFileShape());
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export const DEFAULTS = {
  db_name: SETTINGS.db_name.default,
  llm_model: SETTINGS.llm_model.default,
  api_host: SETTINGS.api_host.default,
  api_port: SETTINGS.api_port.default,
  worker_concurrency: SETTINGS.worker_concurrency.default,
  job_timeout_ms: SETTINGS.job_timeout_ms.default,
  poll_interval_ms: SETTINGS.poll_interval_ms.default,
} as const;
