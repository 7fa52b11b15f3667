import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connect';
import { DatabaseUnavailableError } from '../../../src/main/db/errors';
import { createRepositories } from '../../../src/main/db/repositories';
import { silentLogger } from '../../../src/main/log/logger';
import { findOfflineMongod } from '../../support/mongo-backend';

const repoResourcesDir = resolve(__dirname, '../../../resources');
const mongod = await findOfflineMongod();
if (!mongod) {
  console.log(
    'SKIPPED: embedded persistence test — no mongod binary available offline (set MONGOMS_SYSTEM_BINARY to run it)',
  );
}

describe('embedded MongoDB', () => {
  it.skipIf(!mongod)(
    'keeps data in EDN_DATA_DIR across a restart (persistent WiredTiger dbPath)',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'edn-embedded-'));
      const config = { mongoUrl: null, dbName: 'edn360', dataDir, resourcesDir: null };
      const env = { MONGOMS_SYSTEM_BINARY: mongod ?? '' };
      const first = await openDatabase({ config, logger: silentLogger(), repoResourcesDir, env });
      expect(first.mode).toBe('embedded');
      const user = await createRepositories(first.db).users.create({ nombre_completo: 'Persistente' });
      await first.close();

      const second = await openDatabase({ config, logger: silentLogger(), repoResourcesDir, env });
      try {
        expect(await createRepositories(second.db).users.get(user._id)).toMatchObject({
          nombre_completo: 'Persistente',
        });
      } finally {
        await second.close();
      }
    },
  );

  it('fails with DatabaseUnavailableError naming every option when mongod cannot start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-embedded-'));
    const error = await openDatabase({
      config: { mongoUrl: null, dbName: 'edn360', dataDir, resourcesDir: null },
      logger: silentLogger(),
      repoResourcesDir,
      env: { MONGOMS_SYSTEM_BINARY: join(dataDir, 'missing-mongod') },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(
      /EDN_MONGO_URL[\s\S]*MONGOMS_SYSTEM_BINARY[\s\S]*resources\/mongod/,
    );
  });
});
