import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The full fault suite (`npm run test:faults`): long, process-heavy scenarios, so one file at a time
 * and no per-test timeout worth the name. Parameters come from the environment (see
 * scripts/test-faults.mjs). The short version runs inside `npm test` (test/integration/faults/).
 */
export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  test: {
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
