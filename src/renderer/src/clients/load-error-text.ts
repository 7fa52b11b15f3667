import type { TFunction } from 'i18next';
import { ClientError } from '../api/coach-client';
import { errorText } from '../components/error-text';

/**
 * Why a client's screen could not load, for the coach: an unknown id in plain words (the API's own
 * message points at its HTTP routes), anything else as `errorText` words it.
 */
export function clientLoadErrorText(error: unknown, id: string, t: TFunction): string {
  if (error instanceof ClientError && error.code === 'user_not_found') return t('client.notFound', { id });
  return errorText(error, t);
}
