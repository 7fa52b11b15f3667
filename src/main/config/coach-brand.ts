import type { CoachBrand } from '@shared/client-plan-request';
import { readEnvSettings, resolveSettings, type Env } from './load-config';
import { readSettingsFile } from './settings-store';

/**
 * The coach's brand as the settings say now (environment > settings file), read at each call: it
 * applies live, so a name or logo changed in Ajustes is on the next PDF without a restart.
 */
export async function readCoachBrand(dataDir: string, env: Env = process.env): Promise<CoachBrand> {
  const values = resolveSettings(readEnvSettings(env), await readSettingsFile(dataDir));
  return {
    name: values.coach_name ?? null,
    contact: values.coach_contact ?? null,
    logo: values.coach_logo ?? null,
  };
}
