import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus, BackupSummary, TransferPreview } from '../../../src/shared/backup';
import type { ChosenBackupFile, IpcResult } from '../../../src/shared/ipc-contract';
import { createRepositories } from '../../../src/main/db/repositories';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { seedClient } from '../../support/client-seed';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';
import { useTestDatabase } from '../../support/test-db';

/*
 * Ajustes' backups over IPC (issue #18), through `dispatch` as ipcMain calls it, on a real MongoDB
 * wire server: Electron is mocked only at the dialogs. A backup saved where the save dialog says, its
 * preview and restore from a file chosen in main's open dialog (the renderer holds only a token),
 * cancelled dialogs, forged paths and foreign tokens refused, progress pushed as events.
 */
const testDb = useTestDatabase();
let folder: string;
let ipc: TestIpc;
let saveTo: string | null = null;
let openFrom: string | null = null;
const suggested: Array<[string, string | undefined]> = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'edn-backup-ipc-'));
  const repos = createRepositories(testDb.db);
  await seedClient(repos, 'ana', 'Ana Ruiz');
  await seedClient(repos, 'bruno', 'Bruno Díaz');
  ipc = await createTestIpc(testDb, {
    repositories: repos,
    app: {
      chooseSavePath: async (_id, name, kind) => {
        suggested.push([name, kind]);
        return saveTo;
      },
      chooseOpenPath: async () => openFrom,
    },
  });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

type Preview = ChosenBackupFile & { preview: TransferPreview };

describe('backups in Ajustes (IPC)', () => {
  it('saves a backup where the dialog says, and a closed dialog writes nothing', async () => {
    saveTo = null;
    expect(await ipc.ok('createBackup', {})).toBeNull();
    expect(ipc.progress).toEqual([]);

    saveTo = join(folder, 'mia.edn360bak');
    const summary = await ipc.ok<BackupSummary>('createBackup', {});
    expect(summary).toMatchObject({ file: saveTo, encrypted: false });
    expect(summary.total_documents).toBeGreaterThan(0);
    expect((await stat(saveTo)).size).toBe(summary.bytes);
    expect(suggested.at(-1)?.[0]).toMatch(/^edn360-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}\.edn360bak$/);
    expect(suggested.at(-1)?.[1]).toBe('backup');
    // Progress pushed as events, up to the last document.
    const backup = ipc.progress.filter((p) => p.operation === 'backup');
    expect(backup.length).toBeGreaterThan(0);
    expect(backup.at(-1)).toMatchObject({ done: summary.total_documents, total: summary.total_documents });

    const status = await ipc.ok<BackupStatus>('backupStatus');
    expect(status.last).toMatchObject({ kind: 'manual', file_name: 'mia.edn360bak' });
    expect(status.last?.at).toBeInstanceOf(Date);
    expect(status.automatic.keep).toBe(7);
  });

  it('refuses a short passphrase before any dialog', async () => {
    const before = suggested.length;
    expect(await ipc.failure('createBackup', { passphrase: 'corta' })).toMatchObject({
      reason: 'validation_error',
    });
    expect(suggested.length).toBe(before);
  });

  it('previews, then restores a chosen file by its token, with progress', async () => {
    openFrom = null;
    expect(await ipc.ok('previewRestore')).toBeNull();
    expect(await ipc.ok('chooseBackupFile')).toBeNull();

    openFrom = join(folder, 'mia.edn360bak');
    const chosen = await ipc.ok<Preview>('previewRestore', {});
    expect(chosen.name).toBe('mia.edn360bak');
    expect(chosen.file).toMatch(/^[0-9a-f-]{36}$/);
    // The path never reaches the renderer.
    expect(JSON.stringify(chosen)).not.toContain(folder);
    const users = chosen.preview.collections.find((c) => c.collection === 'users');
    expect(users).toMatchObject({ incoming: 2, identical: 2, added: 0 });
    expect(chosen.preview.active_jobs_in_target).toBe(0);

    // Something changes after the backup: the restore puts it back.
    await testDb.db.collection('users').deleteOne({ _id: 'bruno' as never });
    const again = await ipc.ok<Preview>('previewRestore', { file: chosen.file });
    expect(again.preview.collections.find((c) => c.collection === 'users')).toMatchObject({ added: 1 });

    ipc.progress.length = 0;
    const restored = await ipc.ok<IpcResult<'restoreBackup'>>('restoreBackup', {
      file: chosen.file,
      rule: 'keep',
    });
    expect(restored.rule).toBe('keep');
    expect(restored.written['users']).toBe(1);
    expect(await testDb.db.collection('users').countDocuments({ _id: 'bruno' as never })).toBe(1);
    const operations = new Set(ipc.progress.map((p) => p.operation));
    expect(operations).toEqual(new Set(['verify', 'restore']));
    const last = ipc.progress.at(-1);
    expect(last?.operation).toBe('restore');
    expect(last?.done).toBe(last?.total);
  });

  it('only restores files chosen in the dialog: a forged path or an unknown token is refused', async () => {
    const forged = await ipc.failure('restoreBackup', { file: join(folder, 'mia.edn360bak'), rule: 'keep' });
    expect(forged.reason).toBe('validation_error');
    expect(forged.fields?.[0]?.field).toBe('args.file');
    expect(
      (await ipc.failure('previewRestore', { file: '/etc/passwd' })).fields?.map((f) => f.field),
    ).toEqual(['args.file']);
    const unknown = await ipc.failure('restoreBackup', {
      file: '00000000-0000-4000-8000-000000000000',
      rule: 'replace',
    });
    expect(unknown).toMatchObject({ reason: 'validation_error' });
    expect(unknown.fields?.[0]).toMatchObject({ field: 'args.file', code: 'unknown_file' });
    expect(await ipc.failure('restoreBackup', { file: 'x', rule: 'borrar-todo' })).toMatchObject({
      reason: 'validation_error',
    });
  });

  it('asks for the passphrase of an encrypted backup, and refuses a wrong one', async () => {
    saveTo = join(folder, 'cifrada.edn360bak');
    const summary = await ipc.ok<BackupSummary>('createBackup', { passphrase: 'una contraseña larga' });
    expect(summary.encrypted).toBe(true);
    openFrom = saveTo;
    const chosen = await ipc.ok<ChosenBackupFile>('chooseBackupFile');
    expect(await ipc.failure('previewRestore', { file: chosen.file })).toMatchObject({
      reason: 'backup_passphrase_required',
    });
    expect(
      await ipc.failure('previewRestore', { file: chosen.file, passphrase: 'otra contraseña' }),
    ).toMatchObject({ reason: 'backup_wrong_passphrase' });
    const preview = await ipc.ok<Preview>('previewRestore', {
      file: chosen.file,
      passphrase: 'una contraseña larga',
    });
    expect(preview.preview.encrypted).toBe(true);
  });

  it('waits while jobs are queued: restoring is refused with database_has_active_jobs', async () => {
    openFrom = join(folder, 'mia.edn360bak');
    const chosen = await ipc.ok<ChosenBackupFile>('chooseBackupFile');
    const job = buildPendingJob({ user_id: 'ana', submission_id: 'x', type: 'training' });
    await testDb.db.collection('generation_jobs').insertOne(job as never);
    try {
      const preview = await ipc.ok<Preview>('previewRestore', { file: chosen.file });
      expect(preview.preview.active_jobs_in_target).toBe(1);
      expect(await ipc.failure('restoreBackup', { file: chosen.file, rule: 'replace' })).toMatchObject({
        reason: 'database_has_active_jobs',
      });
    } finally {
      await testDb.db.collection('generation_jobs').deleteOne({ _id: job._id as never });
    }
  });

  it('checks a move before making it (dry run), and refuses a bad target', async () => {
    expect(
      await ipc.failure('moveDatabase', { target: { kind: 'server', url: 'http://x', db_name: 'a' } }),
    ).toMatchObject({ reason: 'validation_error' });
  });
});
