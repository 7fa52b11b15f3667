import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The packaging half of issue #17 (points 7 and 9), read from the files electron-builder and npm read:
 * a change that loosens one of them fails here rather than in an installer nobody inspected.
 */
const ROOT = resolve(__dirname, '../../..');
const require = createRequire(join(ROOT, 'package.json'));

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const readJson = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(join(ROOT, path), 'utf8')) as T;

describe('electron-builder configuration', () => {
  it('flips the hardening fuses (and electron-builder itself accepts the file)', async () => {
    // electron-builder's own loader and schema validation, as `npm run dist` reads electron-builder.yml.
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(
        projectDir: string,
        configPath: string | null,
        fromOptions: null,
      ): Promise<Record<string, unknown>>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    // The asar is what integrity validation and onlyLoadAppFromAsar protect.
    expect(config['asar']).toBe(true);
  });
});

describe('dependencies', () => {
  it('the jongodb test server is no production dependency, but still installed for the tests', async () => {
    const pkg = await readJson<PackageJson>('package.json');
    const production = { ...pkg.dependencies, ...pkg.optionalDependencies };
    expect(Object.keys(production).filter((name) => name.startsWith('@jongodb/'))).toEqual([]);
    // An optional dependency of a devDependency: dev-only, and skipped (not an error) off linux-x64-gnu.
    const wrapper = pkg.devDependencies?.['@edn360/jongodb-bin'];
    expect(wrapper).toBe('file:test/support/jongodb-bin');
    const inner = await readJson<PackageJson>('test/support/jongodb-bin/package.json');
    expect(Object.keys(inner.optionalDependencies ?? {})).toEqual([
      '@jongodb/memory-server-bin-linux-x64-gnu',
    ]);
    const lock = await readJson<{ packages: Record<string, { dev?: boolean; optional?: boolean }> }>(
      'package-lock.json',
    );
    expect(lock.packages['node_modules/@jongodb/memory-server-bin-linux-x64-gnu']).toMatchObject({
      dev: true,
      optional: true,
    });
  });

  it('no production source imports or resolves a @jongodb package', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (
          /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) &&
          /['"`]@jongodb\//.test(await readFile(path, 'utf8'))
        )
          offenders.push(path);
      }
    };
    await walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });

  it('npm runs no dependency install script unless the project runs it explicitly', async () => {
    const npmrc = await readFile(join(ROOT, '.npmrc'), 'utf8');
    expect(npmrc.split('\n').map((line) => line.trim())).toContain('ignore-scripts=true');
  });
});
