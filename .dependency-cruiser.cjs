/**
 * The layer rule of docs/ARCHITECTURE.md "Layers and their rule", checked by `npm run lint`.
 *
 * Each row of MAIN_LAYERS is a folder of src/main/, lowest first. A folder imports only folders in
 * lower rows (and src/shared); folders in the same row do not import each other. So no import can
 * point up and no cycle can run between folders. A folder missing from the table fails the build
 * until it is given a row here and in the document.
 */

/** Lowest first. */
const MAIN_LAYERS = [
  ['util'],
  ['log', 'client-pdf'],
  ['config'],
  ['db'],
  ['queue'],
  ['pipeline'],
  ['worker'],
  ['application'],
  ['api'],
  ['core'],
  ['electron', 'cli'],
];

const folder = (names) => `^src/main/(${names.join('|')})/`;
/** The Electron entry, `src/main/index.ts`, sits above every folder. */
const ENTRY = '^src/main/index\\.ts$';

const layerRules = MAIN_LAYERS.map((row, rank) => {
  const above = MAIN_LAYERS.slice(rank + 1).flat();
  return {
    name: `layer-${row.join('-')}`,
    severity: 'error',
    comment:
      `${row.join(', ')} may import only lower layers (docs/ARCHITECTURE.md "Layers and their rule"): ` +
      'move the shared piece down, or pass it in from above.',
    from: { path: folder(row) },
    to: { path: above.length > 0 ? `${folder(above)}|${ENTRY}` : ENTRY },
  };
});

const siblingRules = MAIN_LAYERS.filter((row) => row.length > 1).flatMap((row) =>
  row.map((name) => ({
    name: `layer-${name}-no-sibling`,
    severity: 'error',
    comment: `${name} does not import the other folders of its layer (${row.join(', ')}).`,
    from: { path: folder([name]) },
    to: { path: folder(row.filter((other) => other !== name)) },
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    ...siblingRules,
    {
      name: 'doors-meet-in-application',
      severity: 'error',
      comment: 'The IPC door (electron) does not import the HTTP door (api): both call src/main/application.',
      from: { path: folder(['electron']) },
      to: { path: folder(['api']) },
    },
    {
      name: 'main-folder-has-a-layer',
      severity: 'error',
      comment: 'Every folder of src/main has a row in .dependency-cruiser.cjs and docs/ARCHITECTURE.md.',
      from: { path: '^src/main/', pathNot: `${folder(MAIN_LAYERS.flat())}|${ENTRY}` },
      to: {},
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'src/shared is used by main, preload and renderer alike: it imports none of them.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|preload|renderer)/' },
    },
    {
      name: 'renderer-not-to-main',
      severity: 'error',
      comment: 'The renderer reaches main only through the IPC/HTTP contracts in src/shared.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/main/' },
    },
    {
      name: 'preload-not-to-main-or-renderer',
      severity: 'error',
      comment: 'The preload bridge imports only src/shared.',
      from: { path: '^src/preload/' },
      to: { path: '^src/(main|renderer)/' },
    },
    {
      name: 'main-not-to-renderer',
      severity: 'error',
      comment: 'Main-process code does not import browser code; what both need lives in src/shared.',
      from: { path: '^src/(main|preload)/' },
      to: { path: '^src/renderer/' },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count too: a type import that points up is still a wrong-way dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
