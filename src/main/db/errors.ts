import { MongoNetworkError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';

/** Start-up cannot continue without a database; the message tells the person what to do. */
export class DatabaseUnavailableError extends Error {
  readonly reason = 'database_unavailable';
}

/** `mongodb://user:secret@host` → `mongodb://user:***@host`: URLs reach logs and error screens. */
export function redactMongoUrl(url: string): string {
  return url.replace(/(mongodb(?:\+srv)?:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}

/**
 * The database could not be reached (connection refused, reset, timed out, no server selectable):
 * a fault of the network or the server, not of the job. Jobs that meet it wait and resume without
 * spending an attempt (docs/ARCHITECTURE.md "Job lifecycle").
 */
// A cleared connection pool (PoolClearedError) is a MongoNetworkError too.
export function isDatabaseUnreachable(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError
  );
}
