import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * docs/AUDITS.md is the maintainer's map of every safety rule (issue 13 point 6). This keeps it
 * honest: every rule id the audit code can emit has a row in a rule table and in "Where each rule is
 * tested", and every test file named there exists.
 */

const ROOT = join(__dirname, '../../..');
const doc = readFileSync(join(ROOT, 'docs/AUDITS.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const emitted = [
  ...new Set(
    sources(join(ROOT, 'src/main/pipeline'))
      .map((file) => readFileSync(file, 'utf8'))
      .flatMap((text) => [...text.matchAll(/'((?:SCR|TRN|NUT)-\d{2})'/g)].map((match) => match[1]!)),
  ),
].sort();

const testedSection = doc.slice(doc.indexOf('## 11. Where each rule is tested'));
const testedRows = new Map(
  [...testedSection.matchAll(/^\| ((?:SCR|TRN|NUT)-\d{2}) +\| (.+?) +\|$/gm)].map((match) => [
    match[1]!,
    [...match[2]!.matchAll(/`([^`]+)`/g)].map((file) => file[1]!),
  ]),
);

describe('docs/AUDITS.md', () => {
  it('finds the rules the code emits (the scan itself works)', () => {
    expect(emitted).toEqual(expect.arrayContaining(['SCR-01', 'TRN-06', 'NUT-13', 'NUT-14']));
  });

  it.each(emitted)('%s has a rule-table row and a tests row', (id) => {
    expect(doc.slice(0, doc.indexOf('## 11.'))).toMatch(new RegExp(`^\\| ${id} +\\|`, 'm'));
    expect(testedRows.get(id)?.length ?? 0, `${id} in §11`).toBeGreaterThan(0);
  });

  it('names only test files that exist', () => {
    const missing = [...testedRows.values()].flat().filter((file) => !existsSync(join(ROOT, 'test', file)));
    expect(missing).toEqual([]);
  });

  it('lists no rule the code does not emit', () => {
    expect([...testedRows.keys()].filter((id) => !emitted.includes(id))).toEqual([]);
  });
});
