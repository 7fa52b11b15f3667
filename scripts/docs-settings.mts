/**
 * Rewrites README.md "Configuration"'s settings table from the settings descriptor
 * (src/shared/settings-descriptor.ts). `npm run docs:settings`; a unit test fails while they differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { withSettingsTable } from '../src/shared/settings-descriptor';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const before = await readFile(readmePath, 'utf8');
const after = withSettingsTable(before);
if (after === before) {
  console.log('README.md: settings table already current.');
} else {
  await writeFile(readmePath, after, 'utf8');
  console.log('README.md: settings table rewritten.');
}
