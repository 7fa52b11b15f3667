import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { Db, Document } from 'mongodb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connect';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { ERASURES_COLLECTION } from '../../../src/main/db/repositories/client-data-repository';
import {
  MIGRATED_COLLECTIONS,
  MIGRATIONS_COLLECTION,
  migrateDatabase,
} from '../../../src/main/db/schema/migrations';
import { SCHEMA_VERSION, SchemaVersionError } from '../../../src/main/db/schema/schema-version';
import { silentLogger } from '../../../src/main/log/logger';
import { buildPendingJob, enqueue } from '../../../src/main/queue/enqueue';
import { getCollections } from '../../../src/main/db/collections';
import { planVersionId } from '../../../src/shared/plan-versions';
import { deliveryFromAudit } from '../../../src/shared/plan-delivery';
import { APPROVED_AUDIT, nutritionPlanDoc, trainingPlanDoc } from '../../support/plan-fixtures';
import { useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const repos = () => createRepositories(testDb.db);

const at = new Date('2025-03-01T10:00:00Z');

/** What the app wrote before schema versions (and before the fields 1→2 backfills), raw. */
function versionOneDocuments(): Record<string, Document[]> {
  const job = buildPendingJob({ user_id: 'u-old', submission_id: 's-old', type: 'training' }, at);
  const { error_fields: _e, unpriced_models: _u, schema_version: _v, ...oldJob } = job;
  const done = { ...oldJob, _id: 'job-old-done', status: 'completed', completed_at: at };
  const training = trainingPlanDoc('job-old-done', 'u-old', { createdAt: at });
  const nutrition = nutritionPlanDoc('job-old-done', 'u-old', { createdAt: at });
  return {
    [COLLECTIONS.users]: [
      {
        _id: 'u-old',
        nombre_completo: 'Clienta Antigua',
        email: 'antigua@correo.test',
        telefono: null,
        notas: null,
        archived: false,
        created_at: at,
        updated_at: at,
      },
    ],
    [COLLECTIONS.submissions]: [
      {
        _id: 's-old',
        user_id: 'u-old',
        responses: {
          nombre_completo: 'Clienta Antigua',
          email: 'antigua@correo.test',
          fecha_nacimiento: '1980-01-01',
          sexo: 'Mujer',
          peso: '60',
          altura_cm: '165',
          objetivo_fisico: 'Salud',
        },
        submitted_at: at,
        plan_generated: true,
        plan_id: training._id,
      },
    ],
    [COLLECTIONS.jobs]: [oldJob, done],
    [COLLECTIONS.steps]: [
      {
        _id: 'job-old-done:E1',
        job_id: 'job-old-done',
        agent_id: 'E1',
        output: { resumen: 'salida' },
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        cost_usd: 0.001,
        model: 'gpt-5-mini-2025-08-07',
        attempt: 1,
        started_at: at,
        finished_at: at,
        duration_ms: 1,
      },
    ],
    [COLLECTIONS.trainingPlans]: [training],
    [COLLECTIONS.nutritionPlans]: [nutrition],
    [COLLECTIONS.planVersions]: [
      {
        _id: planVersionId(training._id, 1),
        plan_id: training._id,
        kind: 'training',
        user_id: 'u-old',
        version: 1,
        created_at: at,
        author: { via: 'pipeline' },
        note: '',
        origin: 'generated',
        based_on: null,
        job_id: 'job-old-done',
        delivery: deliveryFromAudit(APPROVED_AUDIT),
        content: training.training,
      },
    ],
    [ERASURES_COLLECTION]: [
      { _id: 'erasure-old', erased_at: at, via: 'cli', documents: { users: 1 }, total: 1 },
    ],
  };
}

async function clearAll(db: Db): Promise<void> {
  for (const name of [...MIGRATED_COLLECTIONS, MIGRATIONS_COLLECTION])
    await db.collection(name).deleteMany({});
}

async function seedVersionOne(db: Db): Promise<void> {
  for (const [name, docs] of Object.entries(versionOneDocuments())) {
    await db.collection(name).insertMany(docs);
  }
}

async function everyDocument(db: Db): Promise<Array<{ collection: string; doc: Document }>> {
  const all: Array<{ collection: string; doc: Document }> = [];
  for (const name of MIGRATED_COLLECTIONS) {
    for (const doc of await db.collection(name).find({}).toArray()) all.push({ collection: name, doc });
  }
  return all;
}

/** A logger whose lines the test reads. */
function recordingLogger(): {
  logger: ReturnType<typeof silentLogger>;
  lines: Array<Record<string, unknown>>;
} {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const tempDirs: string[] = [];
afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await clearAll(testDb.db);
});

describe('schema versions and start-up migrations', () => {
  beforeEach(async () => {
    await clearAll(testDb.db);
  });

  it('the seed covers every collection the migration covers', () => {
    expect(Object.keys(versionOneDocuments()).sort()).toEqual([...MIGRATED_COLLECTIONS].sort());
  });

  it('brings version-1 documents of every collection to the current version, backfilling what 1→2 adds', async () => {
    await seedVersionOne(testDb.db);
    const { logger, lines } = recordingLogger();
    const report = await migrateDatabase(testDb.db, logger);

    const seeded = Object.values(versionOneDocuments()).flat().length;
    expect(report).toMatchObject({ version: 2, documents: seeded, upToDate: false });
    expect(report.steps).toHaveLength(1);
    expect(report.steps[0]).toMatchObject({
      from: 1,
      to: 2,
      backfilled: {
        [COLLECTIONS.jobs]: 2,
        [COLLECTIONS.trainingPlans]: 1,
        [COLLECTIONS.nutritionPlans]: 1,
        [COLLECTIONS.steps]: 1,
      },
      remaining: {},
    });
    for (const name of MIGRATED_COLLECTIONS) expect(report.steps[0]?.documents[name]).toBeGreaterThan(0);

    for (const { collection, doc } of await everyDocument(testDb.db)) {
      expect({ collection, version: doc['schema_version'] }).toEqual({ collection, version: SCHEMA_VERSION });
    }
    const { db } = testDb;
    for (const job of await db.collection(COLLECTIONS.jobs).find({}).toArray()) {
      expect(job).toMatchObject({ error_fields: [], unpriced_models: [] });
    }
    for (const name of [COLLECTIONS.trainingPlans, COLLECTIONS.nutritionPlans]) {
      for (const plan of await db.collection(name).find({}).toArray()) expect(plan['version']).toBe(1);
    }
    const step = await db.collection(COLLECTIONS.steps).findOne({ _id: 'job-old-done:E1' as never });
    expect(step?.['requested_model']).toBe('gpt-5-mini-2025-08-07');
    // Untouched by 1→2: a plan never reviewed stays without `review` (it means "untouched").
    expect(await db.collection(COLLECTIONS.trainingPlans).findOne({ review: { $exists: true } })).toBeNull();

    // Logged, and recorded once.
    const stepLine = lines.find((line) => String(line['msg']).startsWith('schema migration 1→2'));
    expect(stepLine).toMatchObject({ from: 1, to: 2, total: seeded });
    const records = await db.collection(MIGRATIONS_COLLECTION).find({}).toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ version: 2, from: 1, description: expect.any(String) });
    expect(records[0]?.['applied_at']).toBeInstanceOf(Date);
    expect(records[0]?.['documents']).toMatchObject({ [COLLECTIONS.users]: 1, [COLLECTIONS.jobs]: 2 });
  });

  it('is idempotent: a second run changes nothing and says so', async () => {
    await seedVersionOne(testDb.db);
    await migrateDatabase(testDb.db, silentLogger());
    const before = await everyDocument(testDb.db);

    const { logger, lines } = recordingLogger();
    const again = await migrateDatabase(testDb.db, logger);
    expect(again).toEqual({ version: SCHEMA_VERSION, steps: [], documents: 0, upToDate: true });
    expect(await everyDocument(testDb.db)).toEqual(before);
    expect(await testDb.db.collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(1);
    expect(lines.map((line) => line['msg'])).toContain('schema up to date: no migration to run');
  });

  it('two instances migrating at once on a shared database end in the same state', async () => {
    await seedVersionOne(testDb.db);
    const [a, b] = await Promise.all([
      migrateDatabase(testDb.db, silentLogger()),
      migrateDatabase(testDb.db, silentLogger()),
    ]);
    const seeded = Object.values(versionOneDocuments()).flat().length;
    expect(a.documents + b.documents).toBe(seeded);
    for (const { doc } of await everyDocument(testDb.db)) expect(doc['schema_version']).toBe(SCHEMA_VERSION);
  });

  it('a document an older app writes later is migrated at the next start', async () => {
    await migrateDatabase(testDb.db, silentLogger());
    const {
      error_fields: _e,
      unpriced_models: _u,
      ...oldJob
    } = buildPendingJob({
      user_id: 'u-late',
      submission_id: 's-late',
      type: 'nutrition',
    });
    await testDb.db.collection(COLLECTIONS.jobs).insertOne(oldJob as Document);
    const report = await migrateDatabase(testDb.db, silentLogger());
    expect(report.documents).toBe(1);
    expect(await testDb.db.collection(COLLECTIONS.jobs).findOne({ _id: oldJob._id as never })).toMatchObject({
      schema_version: 2,
      error_fields: [],
      unpriced_models: [],
    });
  });

  it("the app's repositories read the migrated documents, without the version field", async () => {
    await seedVersionOne(testDb.db);
    await migrateDatabase(testDb.db, silentLogger());
    const r = repos();
    const user = await r.users.get('u-old');
    expect(user).toEqual(versionOneDocuments()[COLLECTIONS.users]?.[0]);
    expect((await r.users.list()).items.map((u) => u._id)).toEqual(['u-old']);
    expect(await r.submissions.get('s-old')).not.toHaveProperty('schema_version');
    expect((await r.submissions.listForUser('u-old')).items).toHaveLength(1);
    const job = await r.jobs.getPublic('job-old-done');
    expect(job).toMatchObject({ status: 'completed', error_fields: [], unpriced_models: [] });
    expect(job).not.toHaveProperty('schema_version');
    expect((await r.jobs.list({ user_id: 'u-old' })).total).toBe(2);
    const steps = await r.steps.listForJob('job-old-done');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ requested_model: 'gpt-5-mini-2025-08-07' });
    expect(steps[0]).not.toHaveProperty('schema_version');
    const training = versionOneDocuments()[COLLECTIONS.trainingPlans]?.[0];
    const stored = await r.trainingPlans.get(String(training?.['_id']));
    expect(stored).toEqual({ ...training, version: 1 });
    expect((await r.nutritionPlans.listForUser('u-old')).items[0]).toMatchObject({ version: 1 });
    expect(await r.planVersions.list(String(training?.['_id']))).toHaveLength(1);
    expect(await r.planVersions.get(String(training?.['_id']), 1)).not.toHaveProperty('schema_version');
  });

  it('new documents written through the repositories and the queue carry the current version', async () => {
    const r = repos();
    const user = await r.users.create({ nombre_completo: 'Clienta Nueva' });
    expect(user).not.toHaveProperty('schema_version');
    const submission = await r.submissions.create(user._id, {
      nombre_completo: 'Clienta Nueva',
      email: 'nueva@correo.test',
      fecha_nacimiento: '1990-01-01',
      sexo: 'Mujer',
      peso: 60,
      altura_cm: 165,
      objetivo_fisico: 'Fuerza',
    });
    const job = await enqueue(getCollections(testDb.db).jobs, {
      user_id: user._id,
      submission_id: submission._id,
      type: 'training',
    });
    const direct = buildPendingJob({ user_id: user._id, submission_id: submission._id, type: 'nutrition' });
    await r.jobs.insert(direct);
    await r.steps.saveOnce({
      job_id: job._id,
      agent_id: 'E1',
      output: {},
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      cost_usd: 0,
      model: 'm',
      requested_model: 'm',
      attempt: 1,
      started_at: at,
      finished_at: at,
      duration_ms: 0,
    });
    const { plan: training } = await r.trainingPlans.saveOnce(trainingPlanDoc(job._id, user._id));
    await r.nutritionPlans.saveOnce(nutritionPlanDoc(job._id, user._id));
    await r.planVersions.insert({
      _id: '',
      plan_id: training._id,
      kind: 'training',
      user_id: user._id,
      version: 1,
      created_at: at,
      author: { via: 'pipeline' },
      note: '',
      origin: 'generated',
      based_on: null,
      delivery: deliveryFromAudit(APPROVED_AUDIT),
      content: training.training,
    });
    await r.clientData.recordErasure('cli', { users: 0 });

    const all = await everyDocument(testDb.db);
    expect(new Set(all.map(({ collection }) => collection))).toEqual(new Set(MIGRATED_COLLECTIONS));
    for (const { collection, doc } of all) {
      expect({ collection, version: doc['schema_version'] }).toEqual({ collection, version: SCHEMA_VERSION });
    }
    // Nothing for a migration to do on what this app writes.
    expect((await migrateDatabase(testDb.db, silentLogger())).documents).toBe(0);
  });

  it('refuses a database a newer app already uses, with both versions named, and writes nothing', async () => {
    await seedVersionOne(testDb.db);
    await testDb.db.collection(COLLECTIONS.users).insertOne({
      _id: 'u-future' as never,
      nombre_completo: 'Del futuro',
      schema_version: SCHEMA_VERSION + 1,
    });
    const before = await everyDocument(testDb.db);
    const refusal = await migrateDatabase(testDb.db, silentLogger()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SchemaVersionError);
    expect(refusal).toMatchObject({ reason: 'database_newer_than_app', found: 3, supported: 2 });
    expect((refusal as Error).message).toMatch(/esquema 3.*esquema 2.*Actualiza la app/);
    expect(await everyDocument(testDb.db)).toEqual(before);
    expect(await testDb.db.collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(0);
  });

  it('refuses at start-up (openDatabase) a database whose migration records show a newer version', async () => {
    await seedVersionOne(testDb.db);
    await testDb.db.collection(MIGRATIONS_COLLECTION).insertOne({
      _id: 'from-the-future' as never,
      version: SCHEMA_VERSION + 1,
      from: SCHEMA_VERSION,
      description: 'otra app',
      applied_at: at,
      documents: {},
    });
    const dir = mkdtempSync(join(tmpdir(), 'edn-schema-'));
    tempDirs.push(dir);
    const opening = openDatabase({
      config: {
        mongoUrl: testDb.uri,
        dbName: testDb.dbName,
        dataDir: dir,
        resourcesDir: dir,
        packaged: false,
      },
      logger: silentLogger(),
      repoResourcesDir: dir,
    });
    await expect(opening).rejects.toMatchObject({
      reason: 'database_newer_than_app',
      message: expect.stringContaining('esquema 3') as unknown,
    });
    // Nothing was migrated.
    expect(
      await testDb.db.collection(COLLECTIONS.users).findOne({ schema_version: { $exists: true } }),
    ).toBeNull();
  });

  it('start-up (openDatabase) migrates an older database before the app uses it', async () => {
    await seedVersionOne(testDb.db);
    const dir = mkdtempSync(join(tmpdir(), 'edn-schema-'));
    tempDirs.push(dir);
    const handle = await openDatabase({
      config: {
        mongoUrl: testDb.uri,
        dbName: testDb.dbName,
        dataDir: dir,
        resourcesDir: dir,
        packaged: false,
      },
      logger: silentLogger(),
      repoResourcesDir: dir,
    });
    try {
      for (const { doc } of await everyDocument(handle.db))
        expect(doc['schema_version']).toBe(SCHEMA_VERSION);
    } finally {
      await handle.close();
    }
  });
});
