import type { TFunction } from 'i18next';
import { ClientError } from '../api/coach-client';

/** A failure as a sentence the coach can act on (server messages are already Spanish and actionable). */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ClientError) {
    if (error.code === 'network_error') return t('errors.network_error');
    if (error.code === 'unauthorized') return t('errors.unauthorized');
    return error.message;
  }
  return error instanceof Error ? error.message : t('common.error');
}
