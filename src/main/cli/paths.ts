import { resolve } from 'node:path';

// The bundled CLI runs from out/main/cli.js: the worker entry sits next to it, the renderer's web
// build in out/renderer, and resources/ at the repository (or app) root.
export const builtDir = __dirname;
export const workerEntry = resolve(builtDir, 'worker.js');
export const webRoot = resolve(builtDir, '../renderer');
export const repoResourcesDir = resolve(builtDir, '../../resources');
