import { COACH_LOGO_MAX_BYTES } from '@shared/settings-descriptor';
import type { SettingsPatch, SettingsValues } from '@shared/ipc-contract';

/*
 * Ajustes → "Tu marca en el PDF del cliente": the coach's name, contact line and logo as the form
 * holds them (empty text = unset) and the settings patch that saves only what changed. The logo is
 * read from a file the coach picks, checked here with the limits main enforces (PNG/JPEG, 300 KB).
 */

export interface CoachBrandForm {
  coach_name: string;
  coach_contact: string;
  /** A data URL, or '' for none. */
  coach_logo: string;
}

export function brandFormFromValues(values: SettingsValues): CoachBrandForm {
  return {
    coach_name: values.coach_name ?? '',
    coach_contact: values.coach_contact ?? '',
    coach_logo: values.coach_logo ?? '',
  };
}

export function brandPatch(form: CoachBrandForm, initial: CoachBrandForm): SettingsPatch {
  const patch: SettingsPatch = {};
  for (const key of ['coach_name', 'coach_contact', 'coach_logo'] as const) {
    const value = form[key].trim();
    if (value !== initial[key].trim()) patch[key] = value === '' ? null : value;
  }
  return patch;
}

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** Why a picked file cannot be the logo (an i18n key), or null when it can. */
export function logoFileProblem(file: { type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'settings.brand.logoType';
  if (file.size > COACH_LOGO_MAX_BYTES) return 'settings.brand.logoTooLarge';
  return null;
}
