import {
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

/** Start-up cannot continue without a database; the message tells the person what to do. */
export class DatabaseUnavailableError extends Error {
  readonly reason = 'database_unavailable';
}

/** `mongodb://user:secret@host` → `mongodb://user:***@host`: URLs reach logs and error screens. */
export function redactMongoUrl(url: string): string {
  return url.replace(/(mongodb(?:\+srv)?:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}

/**
 * Replica-set state changes (a primary stepping down, an election, a member shutting down): the
 * write went to a server that is no longer the one to take it. The driver retries these once on a
 * replica set; when that retry also lands mid-election they reach us.
 */
const REPLICA_STATE_CODES = new Set([
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/**
 * The database could not be reached (connection refused, reset, timed out, no server selectable)
 * or its primary is changing: a fault of the network or the server, not of the job. Jobs that meet
 * it wait and resume without spending an attempt (docs/ARCHITECTURE.md "Job lifecycle"). A cleared
 * connection pool (PoolClearedError) is a MongoNetworkError too.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError
  )
    return true;
  return (
    error instanceof MongoServerError &&
    (REPLICA_STATE_CODES.has(Number(error.code)) || error.hasErrorLabel('RetryableWriteError'))
  );
}
