import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

/**
 * The renderer's npm code in a few long-lived vendor chunks, each under Vite's 500 kB warning. A
 * group also takes the modules its packages import (rolldown's default), so the order matters: the
 * React runtime, Mantine, zod and i18next first, then whatever else the first screen loads from npm,
 * and only then the charts stack, which only the (lazy) Plan screen imports and so stays out of the
 * first load — in two chunks (recharts itself, and the d3/redux pieces it draws on).
 */
const VENDOR_CHUNKS: ReadonlyArray<{ name: string; packages: RegExp; initialOnly?: true }> = [
  { name: 'vendor-react', packages: /^(react|react-dom|scheduler|react-router|cookie)$/ },
  { name: 'vendor-mantine', packages: /^(@mantine\/(core|hooks|notifications)|@floating-ui\/.+)$/ },
  { name: 'vendor-zod', packages: /^zod$/ },
  { name: 'vendor-i18n', packages: /^(i18next|react-i18next)$/ },
  { name: 'vendor', packages: /./, initialOnly: true },
  {
    name: 'vendor-chart-deps',
    packages:
      /^(d3-.+|victory-vendor|internmap|@reduxjs\/toolkit|redux|redux-thunk|reselect|react-redux|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)$/,
  },
  { name: 'vendor-charts', packages: /^(recharts|@mantine\/charts)$/ },
];

/** `…/node_modules/@scope/name/…` → `@scope/name` (the innermost node_modules). */
function packageOf(id: string): string | null {
  const match = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  return match?.[1]?.replace(/\\/g, '/') ?? null;
}

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // One build, several Node entries: the Electron main process, the headless CLI (`edn360`)
        // and the worker process — all share the Electron-free core.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          worker: resolve(__dirname, 'src/main/worker/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot load ESM or require npm modules: ship one CommonJS bundle.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: shared },
    // Relative asset paths so the same build loads from file:// (Electron) and from `edn360 serve`.
    base: './',
    plugins: [react()],
    build: {
      // electron-vite leaves every target unminified; the renderer is also what `edn360 serve` sends
      // to browsers, and a third of the bytes parse faster at every window start.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        // The client version's builders are pure (no import-time effects but their own tables): the
        // plan view borrows one function from them, and tree-shaking may then leave out the rest —
        // the exercise catalog among it, which the renderer reads through the API instead.
        treeshake: {
          moduleSideEffects: [{ test: /[\\/]src[\\/]shared[\\/]client-plan[\\/]/, sideEffects: false }],
        },
        output: {
          codeSplitting: {
            groups: VENDOR_CHUNKS.map(({ name, packages, initialOnly }, index) => ({
              name,
              priority: VENDOR_CHUNKS.length - index,
              ...(initialOnly ? { tags: ['$initial' as const] } : {}),
              // Styles stay in the one stylesheet main.tsx imports (in its order), or importing
              // `@mantine/charts/styles.css` there would preload the charts' code at start.
              test: (id: string) => !/\.css(\?|$)/.test(id) && packages.test(packageOf(id) ?? ''),
            })),
          },
        },
      },
    },
  },
});
