// Static security scan of the built Electron code with @doyensec/electronegativity (`.ci/run`).
// Scans out/main (main process + worker), out/preload and the renderer's index.html (CSP), and exits
// 1 on any HIGH-severity finding. The tool is in maintenance mode (see its README): a backstop next to
// the unit tests of the security modules, not a replacement for them.
//
// Offline: the tool fetches translations and Electron's release list over the network (`got`), and a
// failed fetch crashes it from a timer. Both are stubbed here so it runs without network; the one
// check that needs the release list (AvailableSecurityFixesGlobalCheck: "is there a newer Electron
// with security fixes?") is skipped and reported as such — keeping Electron current is `npm outdated`.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const offlineGot = () => Promise.reject(new Error('offline: network disabled for this scan'));
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got' && parent?.filename?.includes('electronegativity')) return offlineGot;
  return load.call(this, request, parent, isMain);
};

for (const dir of ['out/main', 'out/preload', 'out/renderer']) {
  if (!existsSync(dir)) {
    console.error(`electronegativity: ${dir} is missing — run \`npm run build\` first`);
    process.exit(1);
  }
}

// The scanner only reads .js/.html files and needs a package.json to tell which Electron it targets.
const stage = mkdtempSync(join(tmpdir(), 'edn-eng-'));
cpSync('out/main', join(stage, 'main'), { recursive: true });
mkdirSync(join(stage, 'preload'));
for (const file of readdirSync('out/preload')) {
  cpSync(join('out/preload', file), join(stage, 'preload', file.replace(/\.cjs$/, '.js')));
}
cpSync('out/renderer/index.html', join(stage, 'index.html'));
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
writeFileSync(
  join(stage, 'package.json'),
  JSON.stringify({ devDependencies: { electron: electronVersion } }),
);

const run = require('@doyensec/electronegativity/dist/runner.js');
const SKIPPED = ['AvailableSecurityFixesGlobalCheck'];
let result;
try {
  result = await run({
    input: stage,
    isRelative: true,
    severitySet: 'INFORMATIONAL',
    confidenceSet: 'TENTATIVE',
    customScan: [],
    excludeFromScan: SKIPPED,
    electronVersionOverride: electronVersion,
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const rows = result.issues.map((issue) => ({
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  id: issue.id,
  where: `${issue.file}:${issue.location.line}:${issue.location.column}`,
  sample: String(issue.sample ?? '').slice(0, 100),
}));
for (const row of rows)
  console.log(
    `${row.severity.padEnd(13)} ${row.confidence.padEnd(9)} ${row.id}  ${row.where}  ${row.sample}`,
  );
const fatal = result.errors.filter((error) => !error.tolerable);
for (const error of fatal) console.error(`parse error in ${error.file}: ${error.message}`);
const high = rows.filter((row) => row.severity === 'HIGH');
console.log(
  `electronegativity ${electronVersion}: ${result.atomicChecks + result.globalChecks} checks, ${rows.length} findings, ${high.length} high; skipped offline: ${SKIPPED.join(', ')}`,
);
process.exit(high.length > 0 || fatal.length > 0 ? 1 : 0);
