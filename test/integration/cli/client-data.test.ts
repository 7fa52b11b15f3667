import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/main/db/repositories';
import { validResponses } from '../../support/api-harness';
import { runCli } from '../../support/spawn-cli';
import { useTestDatabase } from '../../support/test-db';

// The built `edn360` as a user runs it, on the test database (EDN_MONGO_URL), like the app's doors.
const testDb = useTestDatabase();

describe('edn360 export-client / erase-client', () => {
  it('exports a zip, refuses an erasure without the right name, then erases the client', async () => {
    const repos = createRepositories(testDb.db);
    await repos.users.create({ _id: 'eva-cli', nombre_completo: 'Eva Línea' });
    await repos.submissions.create('eva-cli', validResponses());
    const dir = await mkdtemp(join(tmpdir(), 'edn-cli-data-'));
    const env = { EDN_DATA_DIR: dir, EDN_MONGO_URL: testDb.uri, EDN_DB_NAME: testDb.dbName };

    const target = join(dir, 'eva.zip');
    const exported = await runCli(['export-client', 'eva-cli', target], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(target);
    const files = unzipSync(new Uint8Array(readFileSync(target)));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['cliente.json', 'manifest.json', 'trabajos.json']),
    );

    const refused = await runCli(['erase-client', 'eva-cli', '--confirm', 'Eva'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Eva Línea');
    expect(await repos.users.get('eva-cli')).not.toBeNull();

    const erased = await runCli(['erase-client', 'eva-cli', '--confirm', 'eva línea'], env);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/Cliente borrado: 2 documentos/);
    expect(await repos.users.get('eva-cli')).toBeNull();
    expect(await repos.submissions.listForUser('eva-cli')).toMatchObject({ items: [] });

    const usage = await runCli(['erase-client', 'eva-cli'], env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('--confirm');
  });
});
