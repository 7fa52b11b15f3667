import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_COLLECTIONS } from '../../../src/main/db/backup/database-documents';
import { createRepositories } from '../../../src/main/db/repositories';
import { seedClient } from '../../support/client-seed';
import { runCli } from '../../support/spawn-cli';
import { allDocuments, serverAddress, useTestDatabase } from '../../support/test-db';

// The built `edn360` as a user runs it, on the test database (EDN_MONGO_URL), like the app's doors.
const testDb = useTestDatabase();

describe('edn360 backup / restore', () => {
  it('backs up, previews with --dry-run, and restores with --yes into the same documents', async () => {
    await seedClient(createRepositories(testDb.db), 'carla-cli', 'Carla Línea');
    const dir = await mkdtemp(join(tmpdir(), 'edn-cli-backup-'));
    const env = { EDN_DATA_DIR: dir, EDN_MONGO_URL: testDb.uri, EDN_DB_NAME: testDb.dbName };
    const before = await allDocuments(testDb.db);

    const file = join(dir, 'copia.edn360bak');
    const backup = await runCli(['backup', file], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /Copia de seguridad creada: \d+ documentos, \d+ bytes → .*copia\.edn360bak/,
    );
    expect(existsSync(file)).toBe(true);

    await testDb.db.collection('users').deleteMany({});
    const dry = await runCli(['restore', file, '--rule', 'exact', '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('en la copia');
    expect(dry.stdout).toContain('solo en la base');
    expect(dry.stdout).toMatch(/users\s+1\s+1\s+0\s+0\s+0/);
    expect(dry.stdout).toContain('no se ha cambiado nada');
    expect(await testDb.db.collection('users').countDocuments()).toBe(0);

    const refused = await runCli(['restore', file, '--rule', 'exact'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Cancelado');

    const restored = await runCli(['restore', file, '--rule', 'exact', '--yes'], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Copia restaurada \(regla «exact»\)/);
    // Not a terminal: progress as plain lines on stderr.
    expect(restored.stderr).toMatch(/Restaurando: \d+ %/);
    expect(await allDocuments(testDb.db)).toEqual(before);
  });

  it('encrypts with EDN_BACKUP_PASSPHRASE and needs it back to restore', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edn-cli-backup-'));
    const env = { EDN_DATA_DIR: dir, EDN_MONGO_URL: testDb.uri, EDN_DB_NAME: testDb.dbName };
    const file = join(dir, 'cifrada.edn360bak');
    const passphrase = { EDN_BACKUP_PASSPHRASE: 'frase de paso de prueba' };
    const backup = await runCli(['backup', file, '--encrypt'], { ...env, ...passphrase });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('cifrada');

    const without = await runCli(['restore', file, '--dry-run'], env);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('EDN_BACKUP_PASSPHRASE');
    expect(without.stderr).not.toMatch(/\n\s+at /);

    const withIt = await runCli(['restore', file, '--dry-run'], { ...env, ...passphrase });
    expect(withIt.code, withIt.stderr).toBe(0);
    expect(withIt.stdout).toContain('cifrada');
  });

  it('refuses a file that is not a backup with exit 1 and a Spanish message, no stack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edn-cli-backup-'));
    const env = { EDN_DATA_DIR: dir, EDN_MONGO_URL: testDb.uri, EDN_DB_NAME: testDb.dbName };
    const bad = join(dir, 'mala.edn360bak');
    await writeFile(bad, 'esto no es una copia de EDN360\n');
    const refused = await runCli(['restore', bad, '--yes'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/copia/i);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const missing = await runCli(['restore', join(dir, 'no-existe.edn360bak'), '--dry-run'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no existe');

    const badRule = await runCli(['restore', bad, '--rule', 'todo'], env);
    expect(badRule.code).toBe(1);
    expect(badRule.stderr).toContain('--rule');
  });

  it('move-database previews with --dry-run, then moves with --yes and switches the setting', async () => {
    await seedClient(createRepositories(testDb.db), 'dario-cli', 'Darío Línea');
    const dir = await mkdtemp(join(tmpdir(), 'edn-cli-move-'));
    const env = { EDN_DATA_DIR: dir, EDN_MONGO_URL: testDb.uri, EDN_DB_NAME: testDb.dbName };
    const other = `${testDb.dbName}_cli_destino`;
    try {
      const dry = await runCli(
        ['move-database', '--to', serverAddress(testDb.uri), '--db', other, '--dry-run'],
        env,
      );
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('en la copia');
      expect(dry.stderr).toContain('EDN_MONGO_URL');
      expect(await testDb.client.db(other).collection('users').countDocuments()).toBe(0);

      // The address from the environment (`--to-env`): a password on the command line is visible in `ps`.
      const moved = await runCli(['move-database', '--to-env', '--db', other, '--yes'], {
        ...env,
        EDN_MOVE_TO_URL: serverAddress(testDb.uri),
      });
      expect(moved.code, moved.stderr).toBe(0);
      // The test's own EDN_MONGO_URL / EDN_DB_NAME win over the setting: said, not claimed switched.
      expect(moved.stdout).toContain('EDN_MONGO_URL y EDN_DB_NAME están definidas en el entorno');
      expect(await testDb.client.db(other).collection('users').countDocuments()).toBeGreaterThan(0);
      const settings = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
      expect(settings).toMatchObject({ mongo_url: serverAddress(testDb.uri), db_name: other });

      const usage = await runCli(['move-database', '--to-local', '--to', testDb.uri], env);
      expect(usage.code).toBe(1);
      expect(usage.stderr).toContain('Uso: edn360 move-database');
      const unset = await runCli(['move-database', '--to-env', '--dry-run'], env);
      expect(unset.code).toBe(1);
      expect(unset.stderr).toContain('EDN_MOVE_TO_URL no está definida');
    } finally {
      for (const name of BACKUP_COLLECTIONS) await testDb.client.db(other).collection(name).deleteMany({});
    }
  });
});
