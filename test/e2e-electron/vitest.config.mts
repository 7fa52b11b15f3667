import { defineConfig } from 'vitest/config';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Playwright-Electron suite: the built app (`out/`) launched by Playwright's `_electron`. Run through
// `node scripts/run-e2e.mjs electron`, which finds the Electron binary and a display (xvfb-run) first.
export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  test: {
    include: ['test/e2e-electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One Electron app at a time: each has its own data folder, but they share the test MongoDB server.
    fileParallelism: false,
  },
});
