import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { SettingsFile } from '../../../src/shared/config';
import type { TransferProgress } from '../../../src/shared/backup';
import {
  automaticBackupIfDue,
  automaticBackupName,
  backupStatus,
  pruneAutomaticBackups,
} from '../../../src/main/application/automatic-backups';
import { requestMove, type MoveRequestDeps } from '../../../src/main/application/database-move';
import { DomainError } from '../../../src/main/application/domain-error';
import { BACKUP_COLLECTIONS } from '../../../src/main/db/backup/database-documents';
import { MOVE_PROGRESS_COLLECTION } from '../../../src/main/db/backup/move-progress';
import { MOVE_WRITTEN_COLLECTION } from '../../../src/main/db/backup/move-written';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { SCHEMA_VERSION } from '../../../src/main/db/schema/schema-version';
import { ensureIndexes } from '../../../src/main/db/indexes';
import { createRepositories } from '../../../src/main/db/repositories';
import { silentLogger } from '../../../src/main/log/logger';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { seedClient } from '../../support/client-seed';
import { allDocuments, serverAddress, useTestDatabase } from '../../support/test-db';

/*
 * Issue #18 point 4 (a laptop's database moved to the clinic's server and back: dry run, copy with
 * progress, resume after a cut, the setting switched) and point 1's automatic daily backups, on a
 * real MongoDB wire server: the "laptop" and the "clinic" are two databases of the test server.
 */
const laptop = useTestDatabase();
let clinicClient: MongoClient;
let clinic: Db;
const clinicName = `edn_clinic_${Date.now().toString(36)}`;
let settings: SettingsFile;
let folder: string;

function moveDeps(options: { failAfterBatches?: number; target?: Db } = {}): MoveRequestDeps {
  let batches = 0;
  return {
    // Small batches: a cut lands inside a collection, and the resume starts after an `_id`.
    batchSize: 3,
    source: { db: laptop.db, url: null, dbName: laptop.dbName, mode: 'embedded' },
    version: '9.9.9-test',
    logger: silentLogger(),
    env: {},
    reopensOnSwitch: true,
    readSettings: async () => settings,
    writeSettings: async (next) => {
      settings = next;
    },
    openTarget: async (target) => {
      if (target.kind !== 'server') throw new Error('only servers in this test');
      const url = target.url;
      // The network drops after some batches: the move is cut short mid-collection.
      const base = options.target ?? clinic;
      const db =
        options.failAfterBatches === undefined
          ? base
          : (new Proxy(base, {
              get(real, prop) {
                if (prop !== 'collection') return Reflect.get(real, prop);
                return (name: string) => {
                  const collection = real.collection(name);
                  if (name === MOVE_PROGRESS_COLLECTION || name === MOVE_WRITTEN_COLLECTION)
                    return collection;
                  return new Proxy(collection, {
                    get(c, p) {
                      if (p === 'insertMany' && ++batches > options.failAfterBatches!)
                        return () => Promise.reject(new Error('conexión perdida'));
                      const value = Reflect.get(c, p) as unknown;
                      return typeof value === 'function'
                        ? (value as (...a: unknown[]) => unknown).bind(c)
                        : value;
                    },
                  });
                };
              },
            }) as Db);
      return { db, url, dbName: target.db_name, close: async () => undefined };
    },
  };
}

const toClinic = (dry_run: boolean) =>
  ({
    target: { kind: 'server', url: serverAddress(inject('mongoUri')), db_name: clinicName },
    rule: 'keep',
    dry_run,
  }) as const;

beforeAll(async () => {
  clinicClient = await MongoClient.connect(inject('mongoUri'));
  clinic = clinicClient.db(clinicName);
  await ensureIndexes(clinic);
  const repos = createRepositories(laptop.db);
  for (let i = 0; i < 8; i += 1) await seedClient(repos, `cliente-${i}`, `Cliente Número ${i}`);
  settings = { coach_name: 'Laura', db_name: laptop.dbName };
  folder = await mkdtemp(join(tmpdir(), 'edn-auto-'));
});
afterAll(async () => {
  for (const name of [...BACKUP_COLLECTIONS, MOVE_PROGRESS_COLLECTION, MOVE_WRITTEN_COLLECTION])
    await clinic.collection(name).deleteMany({});
  await clinicClient.close();
  await rm(folder, { recursive: true, force: true });
});

describe('moving the laptop database to the clinic server', () => {
  it('a dry run says what would be added and writes nothing', async () => {
    const outcome = await requestMove(moveDeps(), toClinic(true));
    if (!outcome.dry_run) throw new Error('expected a dry run');
    const users = outcome.preview.collections.find((row) => row.collection === COLLECTIONS.users);
    expect(users).toMatchObject({ incoming: 8, added: 8, identical: 0 });
    expect(outcome.target).toContain(clinicName);
    expect(await clinic.collection(COLLECTIONS.users).countDocuments({})).toBe(0);
    expect(settings.mongo_url).toBeUndefined();
  });

  it('cut short inside a collection: nothing switched; run again, it resumes — and still copies what was added, edited or deleted meanwhile, or has another kind of _id; the clinic’s own version stays — then the setting points at the clinic', async () => {
    // The clinic already holds its own, different version of one client: `keep` leaves it, even
    // after the laptop edits it during the cut.
    const users = COLLECTIONS.users;
    await clinic.collection(users).insertOne({
      ...(await laptop.db.collection(users).findOne({ _id: 'cliente-2' as never })),
      nombre_completo: 'Versión de la Clínica',
    } as Document);
    // An `_id` of another BSON type sorts after every string: a resume "after the last string" misses it.
    await laptop.db.collection(COLLECTIONS.users).insertOne({
      _id: new ObjectId(),
      nombre_completo: 'Cliente Importada',
      email: 'importada@correo.test',
      schema_version: SCHEMA_VERSION,
    } as Document);
    const cut = await requestMove(moveDeps({ failAfterBatches: 3 }), toClinic(false)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(cut).toBeInstanceOf(Error);
    expect(settings.mongo_url).toBeUndefined();
    const saved = await clinic.collection(MOVE_PROGRESS_COLLECTION).findOne({});
    expect(saved).toMatchObject({ rule: 'keep', collection: COLLECTIONS.users });
    expect(typeof saved?.['last_id']).toBe('string');
    // Meanwhile, before the point where the move stopped, the coach adds a client, edits one already
    // copied, deletes another one already copied and edits the one the clinic keeps its own of.
    await createRepositories(laptop.db).users.create({
      _id: 'aaa-recien-llegada',
      nombre_completo: 'Recién Llegada',
      email: 'nueva@correo.test',
    });
    expect(
      await clinic.collection(users).countDocuments({ _id: { $in: ['cliente-1', 'cliente-4'] } } as Document),
    ).toBe(2);
    const rename = (id: string, nombre_completo: string) =>
      laptop.db.collection(users).updateOne({ _id: id as never }, { $set: { nombre_completo } });
    await rename('cliente-1', 'Cliente Editada Durante el Corte');
    await rename('cliente-2', 'Cliente Dos Editada');
    await laptop.db.collection(users).deleteOne({ _id: 'cliente-4' as never });

    const progress: TransferProgress[] = [];
    const outcome = await requestMove(moveDeps(), toClinic(false), (p) => progress.push(p));
    if (outcome.dry_run) throw new Error('expected a move');
    expect(outcome.result).toMatchObject({
      resumed: true,
      switched: true,
      restart_required: false,
      env_overrides: [],
    });
    expect(outcome.result.kept[users]).toBe(1);
    expect(outcome.result.removed[users]).toBe(1);
    expect(progress.every((p) => p.operation === 'move')).toBe(true);
    const clinicVersion = await clinic.collection(users).findOne({ _id: 'cliente-2' as never });
    expect(clinicVersion?.['nombre_completo']).toBe('Versión de la Clínica');
    const withoutKept = async (db: Db) => {
      const all = await allDocuments(db);
      return { ...all, [users]: all[users]?.filter((doc) => doc['_id'] !== 'cliente-2') };
    };
    expect(await withoutKept(clinic)).toEqual(await withoutKept(laptop.db));
    expect(await clinic.collection(MOVE_WRITTEN_COLLECTION).countDocuments({})).toBe(0);
    expect(settings).toMatchObject({
      mongo_url: serverAddress(inject('mongoUri')),
      db_name: clinicName,
      coach_name: 'Laura',
    });
    expect(await clinic.collection(MOVE_PROGRESS_COLLECTION).countDocuments({})).toBe(0);
  });

  it('and back: from the clinic server to this computer’s embedded database, the address removed from the settings', async () => {
    settings = { ...settings, mongo_url: inject('mongoUri'), db_name: clinicName };
    const back = `edn_back_${Date.now().toString(36)}`;
    const backDb = clinicClient.db(back);
    const outcome = await requestMove(
      {
        ...moveDeps(),
        // `edn360 serve`: it cannot reopen itself, so the answer says to restart.
        reopensOnSwitch: false,
        source: { db: clinic, url: inject('mongoUri'), dbName: clinicName, mode: 'configured' },
        // The embedded mongod cannot run here (no binary): its database is a database of the test server.
        openTarget: async () => ({ db: backDb, url: null, dbName: back, close: async () => undefined }),
      },
      { target: { kind: 'embedded' }, rule: 'keep', dry_run: false },
    );
    if (outcome.dry_run) throw new Error('expected a move');
    expect(outcome.result).toMatchObject({ switched: true, restart_required: true });
    expect(await allDocuments(backDb)).toEqual(await allDocuments(clinic));
    expect(settings.mongo_url).toBeUndefined();
    expect(settings.db_name).toBe(back);
    for (const name of BACKUP_COLLECTIONS) await backDb.collection(name).deleteMany({});
  });

  it('two laptops whose databases share a name: one’s move never touches the copies the other’s cut-short move left', async () => {
    const target = clinicClient.db(`edn_two_${Date.now().toString(36)}`);
    const laptopB = clinicClient.db(`edn_laptop_b_${Date.now().toString(36)}`);
    await createRepositories(laptopB).users.create({
      _id: 'de-b',
      nombre_completo: 'Cliente B',
      email: 'b@correo.test',
    });
    // Both embedded databases are called edn360, as every laptop's is by default.
    const from = (db: Db, options: { failAfterBatches?: number } = {}) =>
      requestMove(
        {
          ...moveDeps({ ...options, target }),
          source: { db, url: null, dbName: 'edn360', mode: 'embedded' },
        },
        toClinic(false),
      );
    const cut = await from(laptop.db, { failAfterBatches: 3 }).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(Error);
    const copiedFromA = await target.collection(COLLECTIONS.users).countDocuments({});
    expect(copiedFromA).toBeGreaterThan(0);
    // Laptop B moves in: A's copies are not B's, though B has none of those clients.
    await from(laptopB);
    expect(await target.collection(COLLECTIONS.users).countDocuments({})).toBe(copiedFromA + 1);
    for (const db of [target, laptopB])
      for (const name of [...BACKUP_COLLECTIONS, MOVE_PROGRESS_COLLECTION, MOVE_WRITTEN_COLLECTION])
        await db.collection(name).deleteMany({});
  });

  it('EDN_MONGO_URL / EDN_DB_NAME set: the answer says which database the app will really open; a third one is never written', async () => {
    const before = { ...settings };
    const other = `edn_env_${Date.now().toString(36)}`;
    const otherDb = clinicClient.db(other);
    const address = serverAddress(inject('mongoUri'));
    // The app runs on the laptop's database through the environment (its name in the address's path).
    const sourceUrl = `${address.replace(/\/$/, '')}/${laptop.dbName}`;
    const move = (env: Record<string, string>) =>
      requestMove(
        {
          ...moveDeps(),
          env,
          source: { db: laptop.db, url: sourceUrl, dbName: laptop.dbName, mode: 'configured' },
          openTarget: async () => ({
            db: otherDb,
            url: address,
            dbName: other,
            close: async () => undefined,
          }),
        },
        { target: { kind: 'server', url: address, db_name: other }, rule: 'keep', dry_run: false },
      ).then((outcome) => {
        if (outcome.dry_run) throw new Error('expected a move');
        return outcome.result;
      });

    // The address names the laptop's database: the app stays there whatever the setting says.
    settings = { ...before };
    expect(await move({ EDN_MONGO_URL: sourceUrl })).toMatchObject({
      switched: false,
      restart_required: false,
      env_overrides: ['EDN_MONGO_URL'],
    });
    expect(await allDocuments(otherDb)).toEqual(await allDocuments(laptop.db));
    // Written all the same: it takes effect once the variable is removed.
    expect(settings).toMatchObject({ db_name: other, mongo_url: address });

    // An address without a database: with the new db_name the app does open the target.
    settings = { ...before };
    expect(await move({ EDN_MONGO_URL: address })).toMatchObject({
      switched: true,
      env_overrides: ['EDN_MONGO_URL'],
    });

    // EDN_DB_NAME names a third database: the setting is not written, nothing claims a switch.
    settings = { ...before };
    expect(await move({ EDN_DB_NAME: 'una_tercera' })).toMatchObject({
      switched: false,
      env_overrides: ['EDN_DB_NAME'],
    });
    expect(settings).toEqual(before);
    for (const name of BACKUP_COLLECTIONS) await otherDb.collection(name).deleteMany({});
  });

  it('refuses the database the app already uses, and while a job is queued', async () => {
    const same = await requestMove(
      { ...moveDeps(), source: { db: laptop.db, url: 'mongodb://x/y', dbName: 'y', mode: 'configured' } },
      { target: { kind: 'server', url: 'mongodb://x/y', db_name: 'y' }, rule: 'keep', dry_run: true },
    ).catch((e: unknown) => e);
    expect(same).toBeInstanceOf(DomainError);
    expect((same as DomainError).code).toBe('move_target_invalid');
    const job = buildPendingJob({ user_id: 'cliente-1', submission_id: 's', type: 'training' });
    await createRepositories(laptop.db).jobs.insert(job);
    const busy = await requestMove(moveDeps(), toClinic(false)).catch((e: unknown) => e);
    expect((busy as DomainError).code).toBe('database_has_active_jobs');
    await laptop.db.collection(COLLECTIONS.jobs).deleteOne({ _id: job._id as never });
  });

  it('an address that names another database than the one written is refused before anything opens', async () => {
    const error = await requestMove(moveDeps(), {
      target: { kind: 'server', url: 'mongodb://clinica.local:27017/clinica', db_name: 'otra' },
      rule: 'keep',
      dry_run: true,
    }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('move_target_invalid');
    expect((error as DomainError).fields.map((f) => f.field)).toEqual(['target.db_name']);
  });

  it('a target that cannot be reached is a clear refusal', async () => {
    const deps = moveDeps();
    const error = await requestMove(
      {
        ...deps,
        openTarget: () => Promise.reject(new Error('No se pudo conectar a MongoDB en mongodb://nadie:27017')),
      },
      { target: { kind: 'server', url: 'mongodb://nadie:27017', db_name: 'x' }, rule: 'keep', dry_run: true },
    ).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('move_target_invalid');
    expect((error as DomainError).message).toMatch(/No se pudo abrir la base de datos de destino/);
  });
});

describe('automatic daily backups', () => {
  const deps = () => ({
    db: laptop.db,
    mode: 'embedded' as const,
    dbName: laptop.dbName,
    version: '9.9.9-test',
    readSettings: async () => settings,
    instanceName: 'portatil',
  });

  it('once a day per database, into the folder, keeping the newest N; the coach’s own files stay', async () => {
    const mine = join(folder, 'mi-copia.edn360bak');
    await writeFile(mine, 'la copia que hizo la coach');
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 6));
    const taken: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const summary = await automaticBackupIfDue(deps(), { folder, keep: 3 }, day(n));
      taken.push(summary!.file);
      // Later the same day: not due.
      expect(
        await automaticBackupIfDue(deps(), { folder, keep: 3 }, new Date(day(n).getTime() + 3_600_000)),
      ).toBeNull();
    }
    expect((await readdir(folder)).sort()).toEqual(
      ['mi-copia.edn360bak', ...[2, 3, 4].map((n) => automaticBackupName(day(n)))].sort(),
    );
    const status = await backupStatus(laptop.db, { folder, keep: 3 });
    expect(status.last_automatic?.at).toEqual(day(4));
    expect(status.automatic.next_due_at).toEqual(day(5));
    // Off: no backup, no next date.
    expect(await automaticBackupIfDue(deps(), { folder, keep: 0 }, day(9))).toBeNull();
    expect((await backupStatus(laptop.db, { folder, keep: 0 })).automatic.next_due_at).toBeNull();
    expect(await pruneAutomaticBackups(folder, 1)).toHaveLength(2);
  });
});
