import type { TFunction } from 'i18next';
import type { FieldError } from '@shared/field-error';
import { currentLang } from '../i18n';

/**
 * Why an edit was refused, for a notification: the shared functions' Spanish sentences in the
 * Spanish UI, the fields at fault otherwise (never a Spanish sentence in English).
 */
export function refusalText(errors: readonly FieldError[], t: TFunction): string {
  if (currentLang() === 'es') return errors.map((error) => error.message).join(' · ');
  const fields = [...new Set(errors.map((error) => error.field))].join(', ');
  return t('editor.refusedFields', { fields });
}
