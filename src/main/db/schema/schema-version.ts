/**
 * Schema versions of the stored documents (docs/ARCHITECTURE.md "Schema versions and migrations").
 *
 * Every document the app inserts carries `schema_version: SCHEMA_VERSION`; a document without the
 * field was written before versions existed and is at version 1. Start-up brings every document to
 * SCHEMA_VERSION (`migrations.ts`). Raising SCHEMA_VERSION means adding the migration step that
 * reaches it.
 */

/** The schema this app writes and understands. */
export const SCHEMA_VERSION = 2;

/** The field every stored document carries (absent = version 1). */
export const SCHEMA_VERSION_FIELD = 'schema_version';

/** The version of a document without the field: everything written before versions existed. */
export const UNVERSIONED = 1;

/** Reason codes of a refusal because of a newer schema (callers map them to their own errors). */
export type SchemaRefusalReason = 'database_newer_than_app' | 'backup_from_newer_version';

/**
 * A database or a backup written by a newer app than this one: reading or changing it with this
 * app could lose what the newer one stored, so it is refused. The message tells the person what to
 * do; `reason` is stable for the start-up screen, the CLI and the doors.
 */
export class SchemaVersionError extends Error {
  constructor(
    readonly reason: SchemaRefusalReason,
    /** The version found (the newer one). */
    readonly found: number,
    /** The newest version this app understands (SCHEMA_VERSION). */
    readonly supported: number,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaVersionError';
  }
}

/** The refusal of a database a newer app already uses (a clinic's shared server). */
export function databaseNewerThanApp(found: number, supported = SCHEMA_VERSION): SchemaVersionError {
  return new SchemaVersionError(
    'database_newer_than_app',
    found,
    supported,
    `La base de datos ya la usa una versión más nueva de EDN360 (esquema ${found}); esta app entiende hasta el esquema ${supported}. Actualiza la app para usar esta base de datos; no se ha modificado nada en ella.`,
  );
}

/**
 * Refuses a backup taken by a newer app (restore calls it with the backup's schema version before
 * writing anything). Versions up to SCHEMA_VERSION are fine: an older backup is restored as it is
 * and migrated like any older document.
 */
export function assertSchemaSupported(version: number, supported = SCHEMA_VERSION): void {
  if (!Number.isInteger(version) || version < UNVERSIONED) {
    throw new RangeError(`schema version must be an integer ≥ ${UNVERSIONED}, got ${String(version)}`);
  }
  if (version > supported) {
    throw new SchemaVersionError(
      'backup_from_newer_version',
      version,
      supported,
      `Esta copia es de una versión más nueva de EDN360 (esquema ${version}); esta app entiende hasta el esquema ${supported}. Actualiza la app para restaurarla.`,
    );
  }
}

/** The document as stored: `doc` plus the current schema version (a copy; `doc` is not changed). */
export function stamped<T extends object>(doc: T): T & { schema_version: number } {
  return { ...doc, [SCHEMA_VERSION_FIELD]: SCHEMA_VERSION } as T & { schema_version: number };
}

/**
 * `doc` without the field: what the repositories return, so no door's view carries it. Stripped in
 * code rather than by projection: the test server ignores exclusion projections on `find`.
 */
export function unstamped<T extends object>(doc: T): T;
export function unstamped<T extends object>(doc: T | null): T | null;
export function unstamped<T extends object>(doc: T | null): T | null {
  if (doc === null || !(SCHEMA_VERSION_FIELD in doc)) return doc;
  const { [SCHEMA_VERSION_FIELD]: _version, ...rest } = doc as T & { schema_version?: unknown };
  return rest as T;
}
