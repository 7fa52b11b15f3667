import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

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
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
