import type { TFunction } from 'i18next';
import { ClientError } from '../api/coach-client';
import { currentLang } from '../i18n';

/**
 * A failure as a sentence the coach can act on. The server's messages are Spanish and name what is
 * wrong precisely (ids, fields, limits): shown as they are in the Spanish UI. In another language the
 * code's own sentence is shown instead, with the fields at fault — never a Spanish sentence.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ClientError) {
    if (error.code === 'network_error') return t('errors.network_error');
    if (error.code === 'unauthorized') return t('errors.unauthorized');
    if (currentLang() === 'es') return error.message;
    const sentence =
      t(`errors.codes.${error.code}`, { defaultValue: '' }) || t('errors.codes.internal_error');
    const fields = [...new Set(error.fields.map((field) => field.field))];
    return fields.length > 0 ? `${sentence} ${t('errors.fields', { fields: fields.join(', ') })}` : sentence;
  }
  return error instanceof Error ? error.message : t('common.error');
}
