import type { AnyBulkWriteOperation, Collection, Db, Document, Filter } from 'mongodb';
import type { Logger } from '../../log/logger';
import { COLLECTIONS } from '../collections';
import { newId } from '../ids';
import { ERASURES_COLLECTION } from '../repositories/client-data-repository';
import { databaseNewerThanApp, SCHEMA_VERSION, SCHEMA_VERSION_FIELD, UNVERSIONED } from './schema-version';

/*
 * Start-up migrations of the stored documents (docs/ARCHITECTURE.md "Schema versions and
 * migrations"). Each step moves every document of every app collection from version `from` to
 * `to`: first its backfill (the new shape), then the stamp, and the stamp takes only documents that
 * already have the new shape (`ready`). Both filter on the version, so running it twice, or two app
 * instances at once on a clinic's shared database, changes nothing more; a document an older app
 * writes meanwhile keeps its old version and is migrated at the next start (reads still tolerate
 * the old shapes). Only plain find / updateMany / bulkWrite: they run on the test server too.
 */

/** One record per applied step: which, when, how many documents of each collection. */
export const MIGRATIONS_COLLECTION = 'schema_migrations';

/** Every collection the app writes: all of them are brought to SCHEMA_VERSION. */
export const MIGRATED_COLLECTIONS: readonly string[] = [...Object.values(COLLECTIONS), ERASURES_COLLECTION];

/** What a step does in one collection (collections without one are only stamped). */
export interface CollectionMigration {
  /** Documents that already have the new shape; only these are stamped with the new version. */
  ready: Filter<Document>;
  /**
   * Gives documents matching `atFrom` the new shape; idempotent (conditional on the field still
   * missing). Returns how many documents it changed.
   */
  backfill(collection: Collection, atFrom: Filter<Document>): Promise<number>;
}

export interface Migration {
  from: number;
  to: number;
  description: string;
  collections: Readonly<Record<string, CollectionMigration>>;
}

export interface MigrationRecord {
  _id: string;
  /** The version the step reached. */
  version: number;
  from: number;
  description: string;
  applied_at: Date;
  /** Documents stamped with `version`, per collection (only collections with some). */
  documents: Record<string, number>;
  /** Of those, documents whose shape the step changed, per collection. */
  backfilled: Record<string, number>;
}

export interface MigrationStepReport {
  from: number;
  to: number;
  description: string;
  documents: Record<string, number>;
  backfilled: Record<string, number>;
  /** Documents still at `from` after the step (written meanwhile by an older app): next start. */
  remaining: Record<string, number>;
  total: number;
}

export interface MigrationReport {
  /** SCHEMA_VERSION: what every document is at now (but `remaining`). */
  version: number;
  /** Steps that changed documents (or were recorded for the first time on this database). */
  steps: MigrationStepReport[];
  /** Documents migrated, all steps together. */
  documents: number;
  /** True when nothing was changed: the database was already at SCHEMA_VERSION. */
  upToDate: boolean;
}

/** Documents at `version`; version 1 is every document without the field. */
export function atVersion(version: number): Filter<Document> {
  return version === UNVERSIONED
    ? { $or: [{ [SCHEMA_VERSION_FIELD]: { $exists: false } }, { [SCHEMA_VERSION_FIELD]: UNVERSIONED }] }
    : { [SCHEMA_VERSION_FIELD]: version };
}

function both(a: Filter<Document>, b: Filter<Document>): Filter<Document> {
  return { $and: [a, b] };
}

/** Sets `field` to `value` on documents at the version that lack it. */
function setWhereMissing(field: string, value: unknown): CollectionMigration['backfill'] {
  return async (collection, atFrom) =>
    (await collection.updateMany(both(atFrom, { [field]: { $exists: false } }), { $set: { [field]: value } }))
      .modifiedCount;
}

const BULK_BATCH = 500;

/**
 * Sets `field` to the value of `from` on documents at the version that lack it (one conditional
 * update per document, in batches: no update pipelines, which the test server lacks). Documents
 * where `from` is not a string are left as they are (and so not stamped).
 */
function copyWhereMissing(field: string, from: string): CollectionMigration['backfill'] {
  return async (collection, atFrom) => {
    let changed = 0;
    let batch: AnyBulkWriteOperation[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      changed += (await collection.bulkWrite(batch, { ordered: false })).modifiedCount;
      batch = [];
    };
    const cursor = collection.find(both(atFrom, { [field]: { $exists: false } }), {
      projection: { _id: 1, [from]: 1 },
    });
    for await (const doc of cursor) {
      const value: unknown = doc[from];
      if (typeof value !== 'string') continue;
      batch.push({
        updateOne: {
          filter: { _id: doc._id, [field]: { $exists: false } },
          update: { $set: { [field]: value } },
        },
      });
      if (batch.length >= BULK_BATCH) await flush();
    }
    await flush();
    return changed;
  };
}

const planVersionOne: CollectionMigration = {
  ready: { version: { $exists: true } },
  backfill: setWhereMissing('version', 1),
};

/**
 * The steps, oldest first: step i goes from version i+1 to i+2, and the last reaches SCHEMA_VERSION
 * (`checkMigrationChain`). A new step backfills what a newer shape adds and what the code would
 * otherwise read with a default (docs/ARCHITECTURE.md "Schema versions and migrations").
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description:
      'schema_version en cada documento; trabajos: error_fields y unpriced_models ([]); planes: version (1); ' +
      'pasos: requested_model (el modelo que respondió)',
    collections: {
      // The job's reads default both to [] (`errorFieldsOf`, `unpricedModelsOf` in shared/job.ts).
      [COLLECTIONS.jobs]: {
        ready: { error_fields: { $exists: true }, unpriced_models: { $exists: true } },
        backfill: async (collection, atFrom) => {
          const missing = await collection.countDocuments(
            both(atFrom, {
              $or: [{ error_fields: { $exists: false } }, { unpriced_models: { $exists: false } }],
            }),
          );
          await setWhereMissing('error_fields', [])(collection, atFrom);
          await setWhereMissing('unpriced_models', [])(collection, atFrom);
          return missing;
        },
      },
      // Plans stored before versions are at 1 (`versionOf`, `atVersion` in plans-repository.ts).
      [COLLECTIONS.trainingPlans]: planVersionOne,
      [COLLECTIONS.nutritionPlans]: planVersionOne,
      // Checkpoints from before `requested_model`: `model` stands in (agent-pipeline.ts, job-run.ts).
      [COLLECTIONS.steps]: {
        ready: { requested_model: { $exists: true } },
        backfill: copyWhereMissing('requested_model', 'model'),
      },
    },
  },
];

/** Throws unless the steps run 1→2→…→SCHEMA_VERSION without a gap (checked by a unit test too). */
export function checkMigrationChain(
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): void {
  let version = UNVERSIONED;
  for (const step of migrations) {
    if (step.from !== version || step.to !== version + 1) {
      throw new Error(`migration ${step.from}→${step.to} out of order: expected ${version}→${version + 1}`);
    }
    version = step.to;
  }
  if (version !== target) throw new Error(`migrations reach version ${version}, the app writes ${target}`);
}

/**
 * The newest schema version the database shows: its migration records and its documents. Reads only.
 * A version above `supported` means a newer app already uses it.
 */
export async function newestStoredVersion(db: Db, supported: number = SCHEMA_VERSION): Promise<number> {
  let newest = UNVERSIONED;
  const [record] = await db
    .collection<MigrationRecord>(MIGRATIONS_COLLECTION)
    .find({}, { projection: { version: 1 } })
    .sort({ version: -1 })
    .limit(1)
    .toArray();
  if (typeof record?.version === 'number') newest = Math.max(newest, record.version);
  for (const name of MIGRATED_COLLECTIONS) {
    const [doc] = await db
      .collection(name)
      .find({ [SCHEMA_VERSION_FIELD]: { $gt: supported } }, { projection: { [SCHEMA_VERSION_FIELD]: 1 } })
      .sort({ [SCHEMA_VERSION_FIELD]: -1 })
      .limit(1)
      .toArray();
    const version: unknown = doc?.[SCHEMA_VERSION_FIELD];
    if (typeof version === 'number') newest = Math.max(newest, version);
  }
  return newest;
}

/**
 * Refuses a database a newer app already uses (`database_newer_than_app`), before anything is
 * written to it; reads only.
 */
export async function assertDatabaseSupported(db: Db, supported: number = SCHEMA_VERSION): Promise<void> {
  const newest = await newestStoredVersion(db, supported);
  if (newest > supported) throw databaseNewerThanApp(newest, supported);
}

type MigrationLogger = Pick<Logger, 'info' | 'warn'>;

async function runStep(db: Db, step: Migration): Promise<MigrationStepReport> {
  const report: MigrationStepReport = {
    from: step.from,
    to: step.to,
    description: step.description,
    documents: {},
    backfilled: {},
    remaining: {},
    total: 0,
  };
  const atFrom = atVersion(step.from);
  for (const name of MIGRATED_COLLECTIONS) {
    const collection = db.collection(name);
    const work = step.collections[name];
    const backfilled = work ? await work.backfill(collection, atFrom) : 0;
    const { modifiedCount } = await collection.updateMany(work ? both(atFrom, work.ready) : atFrom, {
      $set: { [SCHEMA_VERSION_FIELD]: step.to },
    });
    const remaining = work ? await collection.countDocuments(atFrom) : 0;
    if (modifiedCount > 0) report.documents[name] = modifiedCount;
    if (backfilled > 0) report.backfilled[name] = backfilled;
    if (remaining > 0) report.remaining[name] = remaining;
    report.total += modifiedCount;
  }
  return report;
}

/**
 * Brings every document of every app collection to SCHEMA_VERSION, step by step (docs/ARCHITECTURE.md
 * "Schema versions and migrations"). Refuses a database a newer app uses without writing to it.
 * Idempotent: a second run finds nothing at an older version and reports `upToDate`.
 */
export async function migrateDatabase(db: Db, logger: MigrationLogger): Promise<MigrationReport> {
  checkMigrationChain();
  await assertDatabaseSupported(db);
  const records = db.collection<MigrationRecord>(MIGRATIONS_COLLECTION);
  const steps: MigrationStepReport[] = [];
  for (const step of MIGRATIONS) {
    const report = await runStep(db, step);
    // A step is recorded when it changed documents, and once on a database that never saw it
    // (a new one), so the records alone tell which version the database has reached.
    const firstTime =
      report.total === 0 && !(await records.findOne({ version: step.to }, { projection: { _id: 1 } }));
    if (report.total > 0 || firstTime) {
      await records.insertOne({
        _id: newId(),
        version: step.to,
        from: step.from,
        description: step.description,
        applied_at: new Date(),
        documents: report.documents,
        backfilled: report.backfilled,
      });
      steps.push(report);
      logger.info(
        {
          from: step.from,
          to: step.to,
          documents: report.documents,
          backfilled: report.backfilled,
          total: report.total,
        },
        `schema migration ${step.from}→${step.to}: ${step.description}`,
      );
    }
    if (Object.keys(report.remaining).length > 0) {
      logger.warn(
        { from: step.from, to: step.to, remaining: report.remaining },
        `schema migration ${step.from}→${step.to}: documents left at version ${step.from} (written meanwhile by an older app, or without the field to copy); retried at the next start`,
      );
    }
  }
  const documents = steps.reduce((sum, step) => sum + step.total, 0);
  if (documents === 0) logger.info({ version: SCHEMA_VERSION }, 'schema up to date: no migration to run');
  return { version: SCHEMA_VERSION, steps, documents, upToDate: documents === 0 };
}
