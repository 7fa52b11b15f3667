import { utimesSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Double, Int32, type Db, type Document } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BackupManifest, TransferProgress } from '../../../src/shared/backup';
import type { SettingsFile } from '../../../src/shared/config';
import { createBackup, type BackupDeps } from '../../../src/main/application/database-backup';
import {
  previewRestore,
  restoreBackup,
  type RestoreDeps,
} from '../../../src/main/application/database-restore';
import { DomainError } from '../../../src/main/application/domain-error';
import { backupBodyLines } from '../../../src/main/db/backup/backup-body';
import { openBackupFile, writeBackupFile } from '../../../src/main/db/backup/backup-file';
import { lastBackupRun } from '../../../src/main/db/backup/backup-runs';
import { BACKUP_COLLECTIONS } from '../../../src/main/db/backup/database-documents';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { ERASURES_COLLECTION } from '../../../src/main/db/repositories/client-data-repository';
import { createRepositories } from '../../../src/main/db/repositories';
import { SCHEMA_VERSION } from '../../../src/main/db/schema/schema-version';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { silentLogger } from '../../../src/main/log/logger';
import { seedClient } from '../../support/client-seed';
import { allDocuments, useTestDatabase } from '../../support/test-db';
import { testDatabaseCare } from '../../support/api-harness';

/*
 * Issue #18 points 1 and 2 on a real MongoDB wire server: a backup of every collection, wiped,
 * restored — every document identical; encrypted files; damaged, cut, foreign and newer files
 * refused before anything is written; an older schema migrated; the conflict rules and the preview.
 */
const testDb = useTestDatabase();
const logger = silentLogger();
let folder: string;
let settings: SettingsFile;

const backupDeps = (): BackupDeps => ({
  db: testDb.db,
  mode: 'embedded',
  dbName: testDb.dbName,
  version: '9.9.9-test',
  readSettings: async () => settings,
  instanceName: 'portatil',
});
const restoreDeps = (): RestoreDeps => ({
  db: testDb.db,
  logger,
  readSettings: async () => settings,
  writeSettings: async (next) => {
    settings = next;
  },
  safetyBackup: () =>
    createBackup(backupDeps(), {
      file: join(folder, `antes-${Date.now()}.edn360bak`),
      passphrase: null,
      kind: 'manual',
    }),
});

async function wipe(db: Db): Promise<void> {
  for (const name of BACKUP_COLLECTIONS) await db.collection(name).deleteMany({});
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'edn-backup-'));
  const repos = createRepositories(testDb.db);
  for (const [id, name] of [
    ['ana', 'Ana Ruiz'],
    ['bruno', 'Bruno Díaz Peña'],
    ['chen', 'Chen Wei'],
  ] as const)
    await seedClient(repos, id, name);
  await repos.clientData.recordErasure(
    'ipc',
    { users: 1, generation_jobs: 2 },
    new Date('2026-01-01T00:00:00Z'),
  );
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  settings = {
    coach_name: 'Laura Entrena',
    language: 'es',
    api_token: 'secreto-que-no-viaja-0123456789',
    mongo_url: 'mongodb://usuario:clave@servidor/clinica',
  };
});

describe('backup → wipe → restore', () => {
  it('yields identical documents in every collection, and says where it went', async () => {
    const before = await allDocuments(testDb.db);
    expect(Object.values(before).every((docs) => docs.length > 0)).toBe(true);
    const progress: TransferProgress[] = [];
    const file = join(folder, 'completa.edn360bak');
    const summary = await createBackup(backupDeps(), { file, passphrase: null, kind: 'manual' }, (p) =>
      progress.push(p),
    );
    expect(summary.total_documents).toBe(Object.values(before).reduce((n, docs) => n + docs.length, 0));
    expect(summary.manifest).toMatchObject({ app_version: '9.9.9-test', schema_version: SCHEMA_VERSION });
    // No secret, nothing of this machine.
    expect(summary.manifest.settings).toEqual({ coach_name: 'Laura Entrena', language: 'es' });
    const body: string[] = [];
    for await (const line of (await openBackupFile(file, null)).lines()) body.push(line);
    expect(body.length).toBe(summary.total_documents + 2);
    expect(body.join('\n')).not.toMatch(/secreto-que-no-viaja|usuario:clave/);
    expect(progress.at(-1)).toMatchObject({ operation: 'backup', done: summary.total_documents });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await lastBackupRun(testDb.db)).toMatchObject({
      kind: 'manual',
      documents: summary.total_documents,
    });

    await wipe(testDb.db);
    const preview = await previewRestore(restoreDeps(), { file, passphrase: null });
    expect(preview.collections.every((row) => row.added === row.incoming && row.different === 0)).toBe(true);
    const result = await restoreBackup(restoreDeps(), {
      file,
      passphrase: null,
      rule: 'keep',
      apply_settings: false,
    });
    expect(result.migrated_from).toBeNull();
    expect(await allDocuments(testDb.db)).toEqual(before);
  });

  it('encrypted with a passphrase: the same round trip; no passphrase or a wrong one is refused', async () => {
    const before = await allDocuments(testDb.db);
    const file = join(folder, 'cifrada.edn360bak');
    const summary = await createBackup(backupDeps(), {
      file,
      passphrase: 'caballo-correcto-batería',
      kind: 'manual',
    });
    expect(summary.encrypted).toBe(true);
    const bytes = await readFile(file);
    expect(bytes.toString('latin1')).not.toMatch(/Bruno|Chen Wei|correo\.test/);
    expect((await refusal(previewRestore(restoreDeps(), { file, passphrase: null }))).code).toBe(
      'backup_passphrase_required',
    );
    expect((await refusal(previewRestore(restoreDeps(), { file, passphrase: 'caballo' }))).code).toBe(
      'backup_wrong_passphrase',
    );
    await wipe(testDb.db);
    await restoreBackup(restoreDeps(), {
      file,
      passphrase: 'caballo-correcto-batería',
      rule: 'exact',
      apply_settings: false,
    });
    expect(await allDocuments(testDb.db)).toEqual(before);
  });
});

describe('files that must not be restored', () => {
  let good: string;
  let sealed: string;
  beforeAll(async () => {
    good = join(folder, 'buena.edn360bak');
    sealed = join(folder, 'buena-cifrada.edn360bak');
    await createBackup(backupDeps(), { file: good, passphrase: null, kind: 'manual' });
    await createBackup(backupDeps(), { file: sealed, passphrase: 'otra-contraseña-larga', kind: 'manual' });
  });

  async function refusedUntouched(file: string, passphrase: string | null): Promise<DomainError> {
    const before = await allDocuments(testDb.db);
    const error = await refusal(
      restoreBackup(restoreDeps(), { file, passphrase, rule: 'exact', apply_settings: true }),
    );
    expect(await allDocuments(testDb.db)).toEqual(before);
    expect(settings.coach_name).toBe('Laura Entrena');
    return error;
  }

  it('a byte changed in the middle (plain or encrypted): unreadable, nothing written', async () => {
    for (const [source, passphrase] of [
      [good, null],
      [sealed, 'otra-contraseña-larga'],
    ] as const) {
      const bytes = await readFile(source);
      const damaged = Buffer.from(bytes);
      damaged[Math.floor(bytes.length * 0.6)]! ^= 0x20;
      const file = join(folder, 'dañada.edn360bak');
      await writeFile(file, damaged);
      expect((await refusedUntouched(file, passphrase)).code).toBe('backup_unreadable');
    }
  });

  it('cut short, or not a backup at all: unreadable, nothing written', async () => {
    for (const [source, passphrase] of [
      [good, null],
      [sealed, 'otra-contraseña-larga'],
    ] as const) {
      const bytes = await readFile(source);
      const file = join(folder, 'cortada.edn360bak');
      await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      expect((await refusedUntouched(file, passphrase)).code).toBe('backup_unreadable');
    }
    const other = join(folder, 'foto.jpg');
    await writeFile(other, Buffer.from('\xff\xd8\xff\xe0 no es una copia', 'latin1'));
    const error = await refusedUntouched(other, null);
    expect(error.code).toBe('backup_unreadable');
    expect(error.message).toMatch(/no es una copia de seguridad de EDN360/);
  });

  it('a documents line whose checksum does not match (edited by hand): unreadable', async () => {
    const manifest = (await previewRestore(restoreDeps(), { file: good, passphrase: null })).manifest;
    // A well-formed file whose end line lies about one collection.
    const lines: string[] = [];
    for await (const chunk of backupBodyLines(
      manifest,
      (async function* () {
        yield { collection: COLLECTIONS.users, docs: [{ _id: 'x', nombre_completo: 'Intrusa' }] };
      })(),
    ))
      lines.push(chunk);
    const end = lines.pop()!.replace(/"users":"[0-9a-f]{64}"/, `"users":"${'0'.repeat(64)}"`);
    const file = join(folder, 'editada.edn360bak');
    await writeBackupFile(
      file,
      (async function* () {
        yield* lines;
        yield end;
      })(),
      null,
    );
    const error = await refusedUntouched(file, null);
    expect(error.message).toMatch(/users/);
  });

  it('from a newer schema: refused with a clear message', async () => {
    const manifest: BackupManifest = {
      ...(await previewRestore(restoreDeps(), { file: good, passphrase: null })).manifest,
      schema_version: SCHEMA_VERSION + 1,
      app_version: '3.0.0',
    };
    const file = join(folder, 'futura.edn360bak');
    await writeBackupFile(file, backupBodyLines(manifest, (async function* () {})()), null);
    const error = await refusedUntouched(file, null);
    expect(error.code).toBe('backup_from_newer_version');
    expect(error.message).toMatch(new RegExp(`esquema ${SCHEMA_VERSION + 1}.*Actualiza la app`));
  });
});

describe('restoring into a database that already has data', () => {
  it('the preview counts what is added, identical, different and only in the database; each rule does what it says', async () => {
    const file = join(folder, 'reglas.edn360bak');
    await createBackup(backupDeps(), { file, passphrase: null, kind: 'manual' });
    const users = testDb.db.collection(COLLECTIONS.users);
    await users.updateOne({ _id: 'ana' as never }, { $set: { nombre_completo: 'Ana Ruiz (cambiada)' } });
    await users.deleteOne({ _id: 'bruno' as never });
    await createRepositories(testDb.db).users.create({
      _id: 'dora',
      nombre_completo: 'Dora Nueva',
      email: 'dora@correo.test',
    });

    const preview = await previewRestore(restoreDeps(), { file, passphrase: null });
    expect(preview.collections.find((row) => row.collection === COLLECTIONS.users)).toEqual({
      collection: COLLECTIONS.users,
      incoming: 3,
      added: 1,
      identical: 1,
      different: 1,
      only_in_database: 1,
    });

    const name = async (id: string): Promise<unknown> =>
      (await users.findOne({ _id: id as never }))?.['nombre_completo'];
    const kept = await restoreBackup(restoreDeps(), {
      file,
      passphrase: null,
      rule: 'keep',
      apply_settings: false,
    });
    // Counted from what the server says it inserted, whether it stops at a duplicate or goes on.
    expect([kept.written[COLLECTIONS.users], kept.kept[COLLECTIONS.users]]).toEqual([1, 2]);
    expect([await name('ana'), await name('bruno'), await name('dora')]).toEqual([
      'Ana Ruiz (cambiada)',
      'Bruno Díaz Peña',
      'Dora Nueva',
    ]);
    await restoreBackup(restoreDeps(), { file, passphrase: null, rule: 'replace', apply_settings: false });
    expect([await name('ana'), await name('dora')]).toEqual(['Ana Ruiz', 'Dora Nueva']);
    const exact = await restoreBackup(restoreDeps(), {
      file,
      passphrase: null,
      rule: 'exact',
      apply_settings: true,
    });
    expect(await name('dora')).toBeUndefined();
    // What `exact` emptied is in the safety backup taken just before: Dora can be brought back.
    expect(exact.safety_backup).toMatch(/antes-\d+\.edn360bak$/);
    const safety = await previewRestore(restoreDeps(), { file: exact.safety_backup!, passphrase: null });
    expect(safety.collections.find((row) => row.collection === COLLECTIONS.users)).toMatchObject({
      added: 1,
    });
    // The coach's settings came with it; this machine's address and token did not change.
    expect(settings).toMatchObject({
      coach_name: 'Laura Entrena',
      mongo_url: 'mongodb://usuario:clave@servidor/clinica',
    });
  });

  it('waits while a job is queued; warns of clients erased after the backup was taken', async () => {
    const file = join(folder, 'con-trabajo.edn360bak');
    await createBackup(
      backupDeps(),
      { file, passphrase: null, kind: 'manual' },
      undefined,
      new Date('2026-02-01T00:00:00Z'),
    );
    const repos = createRepositories(testDb.db);
    await repos.clientData.recordErasure('cli', { users: 1 }, new Date('2026-03-01T00:00:00Z'));
    const job = buildPendingJob({ user_id: 'ana', submission_id: 'x', type: 'training' });
    await repos.jobs.insert(job);
    const preview = await previewRestore(restoreDeps(), { file, passphrase: null });
    expect(preview).toMatchObject({ active_jobs_in_target: 1, erasures_after_source: 1 });
    const error = await refusal(
      restoreBackup(restoreDeps(), { file, passphrase: null, rule: 'keep', apply_settings: false }),
    );
    expect(error.code).toBe('database_has_active_jobs');
    await testDb.db.collection(COLLECTIONS.jobs).deleteOne({ _id: job._id as never });
  });
});

describe('a backup from an older version', () => {
  it('is restored and its documents migrated to this version by the start-up migrations', async () => {
    await wipe(testDb.db);
    const manifest: BackupManifest = {
      app_version: '0.0.9',
      schema_version: 1,
      created_at: '2026-01-15T10:00:00.000Z',
      source: { mode: 'embedded', db_name: 'edn360' },
      collections: [...BACKUP_COLLECTIONS],
      settings: {},
      kind: 'automatic',
    };
    // Documents as version 1 wrote them: no schema_version, a job without error_fields/unpriced_models.
    const job = buildPendingJob({ user_id: 'vieja', submission_id: 'sub-vieja', type: 'training' });
    const {
      error_fields: _e,
      unpriced_models: _u,
      schema_version: _v,
      ...oldJob
    } = {
      ...job,
      status: 'failed' as const,
    } as typeof job & { error_fields?: unknown; unpriced_models?: unknown; schema_version?: unknown };
    const file = join(folder, 'version-1.edn360bak');
    await writeBackupFile(
      file,
      backupBodyLines(
        manifest,
        (async function* () {
          yield {
            collection: COLLECTIONS.users,
            docs: [{ _id: 'vieja', nombre_completo: 'Vieja Copia', email: 'v@correo.test' }],
          };
          yield { collection: COLLECTIONS.jobs, docs: [oldJob] };
        })(),
      ),
      null,
    );
    const preview = await previewRestore(restoreDeps(), { file, passphrase: null });
    expect(preview.needs_migration).toBe(true);
    const result = await restoreBackup(restoreDeps(), {
      file,
      passphrase: null,
      rule: 'keep',
      apply_settings: false,
    });
    expect(result.migrated_from).toBe(1);
    const restoredJob = await testDb.db.collection(COLLECTIONS.jobs).findOne({ _id: job._id as never });
    expect(restoredJob).toMatchObject({
      schema_version: SCHEMA_VERSION,
      error_fields: [],
      unpriced_models: [],
    });
    const user = await createRepositories(testDb.db).users.get('vieja');
    expect(user?.nombre_completo).toBe('Vieja Copia');
  });
});

describe('what a restore must not lose', () => {
  it('numbers keep their BSON type (a double 70.0 stays a double); exact keeps erasure records made after the backup', async () => {
    await wipe(testDb.db);
    const users = testDb.db.collection(COLLECTIONS.users);
    await users.insertOne({
      _id: 'tipos',
      nombre_completo: 'Tipos Exactos',
      email: 't@correo.test',
      peso: new Double(70),
      altura: new Int32(170),
      schema_version: SCHEMA_VERSION,
    } as Document);
    const file = join(folder, 'tipos.edn360bak');
    await createBackup(backupDeps(), { file, passphrase: null, kind: 'manual' });
    const repos = createRepositories(testDb.db);
    const later = await repos.clientData.recordErasure('ipc', { users: 1 });
    await restoreBackup(restoreDeps(), { file, passphrase: null, rule: 'exact', apply_settings: false });
    const raw = await users.findOne({ _id: 'tipos' as never }, { promoteValues: false });
    expect(raw?.['peso']).toBeInstanceOf(Double);
    expect(raw?.['altura']).toBeInstanceOf(Int32);
    expect(await testDb.db.collection(ERASURES_COLLECTION).countDocuments({ _id: later._id as never })).toBe(
      1,
    );
  });
});

describe('exact, as every door calls it (databaseCare)', () => {
  it('saves the database first as edn360-antes-de-restaurar-… in the backups folder; a file changed during the writes is reported, naming that copy', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-care-'));
    const care = testDatabaseCare(testDb.db, dataDir);
    const file = join(folder, 'para-exacta.edn360bak');
    await care.backup({ file, passphrase: null, kind: 'manual' });
    const before = await allDocuments(testDb.db);

    const outcome = await care.restore({ file, passphrase: null, rule: 'exact', apply_settings: false });
    const backups = join(dataDir, 'backups');
    expect(outcome.safety_backup).toMatch(
      /edn360-antes-de-restaurar-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.edn360bak$/,
    );
    expect(outcome.safety_backup!.startsWith(backups)).toBe(true);
    expect((await stat(outcome.safety_backup!)).mode & 0o777).toBe(0o600);
    const saved = await care.previewRestore({ file: outcome.safety_backup!, passphrase: null });
    expect(saved.collections.every((row) => row.identical === row.incoming)).toBe(true);
    expect(await allDocuments(testDb.db)).toEqual(before);

    // The file is touched while the documents are being written: not trusted, and said so.
    let touched = false;
    const error = await refusal(
      care.restore({ file, passphrase: null, rule: 'exact', apply_settings: false }, (progress) => {
        if (progress.operation !== 'restore' || touched) return;
        touched = true;
        utimesSync(file, new Date(), new Date(Date.now() + 60_000));
      }),
    );
    expect(touched).toBe(true);
    expect(error.code).toBe('restore_incomplete');
    expect(error.message).toMatch(
      /ha cambiado mientras se restauraba.*solo en parte.*edn360-antes-de-restaurar-/,
    );
    const safetyFiles = (await readdir(backups)).filter((name) =>
      name.startsWith('edn360-antes-de-restaurar-'),
    );
    expect(safetyFiles).toHaveLength(2);
    await rm(dataDir, { recursive: true, force: true });
  });
});
