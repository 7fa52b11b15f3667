import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupErrorState } from '../../../src/main/core/startup-error';
import { COLLECTIONS } from '../../../src/main/db/collections';
import { ERASURES_COLLECTION } from '../../../src/main/db/repositories/client-data-repository';
import {
  checkMigrationChain,
  MIGRATED_COLLECTIONS,
  MIGRATIONS,
  MIGRATIONS_COLLECTION,
} from '../../../src/main/db/schema/migrations';
import {
  assertSchemaSupported,
  databaseNewerThanApp,
  SCHEMA_VERSION,
  SCHEMA_VERSION_FIELD,
  SchemaVersionError,
  stamped,
  unstamped,
} from '../../../src/main/db/schema/schema-version';
import { GenerationJobSchema, PublicJobSchema } from '../../../src/shared/job';
import { UserSchema } from '../../../src/shared/user';

// docs/ARCHITECTURE.md "Schema versions and migrations".
const repoRoot = join(import.meta.dirname, '../../..');

describe('schema versions', () => {
  it('the app writes version 2, in the field schema_version', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(SCHEMA_VERSION_FIELD).toBe('schema_version');
  });

  it("every collection of the app's collection list (and erasures) is covered by the migration", () => {
    for (const name of [...Object.values(COLLECTIONS), ERASURES_COLLECTION]) {
      expect(MIGRATED_COLLECTIONS).toContain(name);
    }
    expect(MIGRATED_COLLECTIONS).not.toContain(MIGRATIONS_COLLECTION);
    // Every collection a step backfills is one that is migrated.
    for (const step of MIGRATIONS) {
      for (const name of Object.keys(step.collections)) expect(MIGRATED_COLLECTIONS).toContain(name);
    }
  });

  it('the steps run 1→2→…→SCHEMA_VERSION without a gap', () => {
    expect(() => checkMigrationChain()).not.toThrow();
    const [first] = MIGRATIONS;
    expect(first).toMatchObject({ from: 1, to: 2 });
    expect(() => checkMigrationChain([], SCHEMA_VERSION)).toThrow(/reach version 1/);
    expect(() => checkMigrationChain([{ ...first!, from: 2, to: 3 }], 3)).toThrow(/out of order/);
  });

  it('refuses a backup from a newer schema with a Spanish message naming both versions', () => {
    expect(() => assertSchemaSupported(1)).not.toThrow();
    expect(() => assertSchemaSupported(SCHEMA_VERSION)).not.toThrow();
    let refusal: unknown;
    try {
      assertSchemaSupported(SCHEMA_VERSION + 1);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SchemaVersionError);
    expect(refusal).toMatchObject({
      reason: 'backup_from_newer_version',
      found: 3,
      supported: 2,
      message:
        'Esta copia es de una versión más nueva de EDN360 (esquema 3); esta app entiende hasta el esquema 2. Actualiza la app para restaurarla.',
    });
    expect(() => assertSchemaSupported(0)).toThrow(RangeError);
  });

  it('a database a newer app uses stops start-up with its own reason and both versions named', () => {
    expect(startupErrorState(databaseNewerThanApp(3))).toEqual({
      phase: 'error',
      reason: 'database_newer_than_app',
      message:
        'La base de datos ya la usa una versión más nueva de EDN360 (esquema 3); esta app entiende hasta el esquema 2. Actualiza la app para usar esta base de datos; no se ha modificado nada en ella.',
    });
  });

  it('stamps a copy and strips it again; the public job view never carries it', () => {
    const doc = { _id: 'x', a: 1 };
    expect(stamped(doc)).toEqual({ _id: 'x', a: 1, schema_version: SCHEMA_VERSION });
    expect(doc).toEqual({ _id: 'x', a: 1 });
    expect(unstamped(stamped(doc))).toEqual(doc);
    expect(unstamped(null)).toBeNull();
    // Stored schemas accept it (old documents lack it); the public job view leaves it out.
    expect(UserSchema.shape.schema_version.safeParse(undefined).success).toBe(true);
    expect(GenerationJobSchema.shape.schema_version.safeParse(2).success).toBe(true);
    expect(Object.keys(PublicJobSchema.shape)).not.toContain('schema_version');
  });

  it('every insert of the repositories and the queue writes a stamped document', () => {
    const files = ['src/main/db/repositories', 'src/main/queue'].flatMap((dir) =>
      readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(repoRoot, dir, name)),
    );
    const unstampedInserts: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\.(insertOne|insertMany|replaceOne)\(([^)]*)\)/g)) {
        if (!match[2]?.trimStart().startsWith('stamped(')) {
          unstampedInserts.push(`${relative(repoRoot, file)}: ${match[0]}`);
        }
      }
    }
    expect(unstampedInserts).toEqual([]);
  });
});
