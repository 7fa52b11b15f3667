#!/usr/bin/env node
'use strict';
// Thin launcher: checks the Node version and the build, then runs the bundled CLI (out/main/cli.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`EDN360 Coach necesita Node.js 22.12 o superior (tienes ${process.versions.node}).`);
  process.exit(1);
}
const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('EDN360 Coach no está compilado todavía: ejecuta `npm run build` y vuelve a intentarlo.');
  process.exit(1);
}
require(cli);
