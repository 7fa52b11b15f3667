import type { StartupState } from '@shared/startup';

const KNOWN_REASONS = new Set([
  'database_unavailable',
  'database_newer_than_app',
  'port_in_use',
  'invalid_config',
  'invalid_settings',
]);

/** Maps a start-up failure to the error screen's state; unexpected errors keep their message. */
export function startupErrorState(error: unknown): Extract<StartupState, { phase: 'error' }> {
  const reason =
    error instanceof Error &&
    'reason' in error &&
    typeof error.reason === 'string' &&
    KNOWN_REASONS.has(error.reason)
      ? (error.reason as Extract<StartupState, { phase: 'error' }>['reason'])
      : 'internal_error';
  const message = error instanceof Error ? error.message : String(error);
  return { phase: 'error', reason, message };
}
