/**
 * Reasons the core gives for a refused request, the same over HTTP and IPC so the UI handles them
 * once whatever transport it uses. Each transport adds its own (HTTP: auth, Host, rate limits; IPC:
 * sender checks, start-up state).
 */
export const DOMAIN_ERROR_CODES = [
  'validation_error',
  'user_not_found',
  'user_exists',
  'submission_not_found',
  'plan_not_found',
  /** The plan's audit blocked its delivery and no coach approved it (export, previous plan). */
  'plan_blocked',
  /** An approval despite the block was asked for a plan that is not blocked. */
  'plan_not_blocked',
  /** A save, restore or approval named a version that is no longer the plan's current one. */
  'plan_version_conflict',
  /** The client's copy was asked for a plan whose current version the coach has not approved. */
  'plan_not_approved',
  'job_not_found',
  'job_not_cancellable',
  'job_not_retryable',
  /** A client with jobs queued or running cannot be erased until they are cancelled or finish. */
  'client_has_active_jobs',
  /** A restore or a move waits until the target database has no job queued or running. */
  'database_has_active_jobs',
  /** The file is not a backup of ours, or it is damaged or cut short (checksums, sealed chunks). */
  'backup_unreadable',
  /** A restore stopped during its writes: the database may be part restored (safety backup named). */
  'restore_incomplete',
  /** An encrypted backup was opened without its passphrase. */
  'backup_passphrase_required',
  'backup_wrong_passphrase',
  /** The backup (format or schema) was written by a newer version of the app. */
  'backup_from_newer_version',
  /** A move's target database could not be reached or is the source itself. */
  'move_target_invalid',
  /** This instance runs no worker (UI-only on a clinic database). */
  'no_worker',
  'internal_error',
] as const;

/** The code of the application layer's one error type (`DomainError`, src/main/application/domain-error.ts). */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
