/** Start-up cannot continue without a database; the message tells the person what to do. */
export class DatabaseUnavailableError extends Error {
  readonly reason = 'database_unavailable';
}

/** `mongodb://user:secret@host` → `mongodb://user:***@host`: URLs reach logs and error screens. */
export function redactMongoUrl(url: string): string {
  return url.replace(/(mongodb(?:\+srv)?:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}
