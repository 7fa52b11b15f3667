import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Code comments cite the project's documents by file and heading — `docs/DOMAIN.md "Energy
 * targets"`, `README.md "Configuration"` (the style docs/ARCHITECTURE.md states at its top). A
 * heading renamed without its citations would send the next maintainer nowhere: every citation must
 * name a heading that exists.
 */

const ROOT = join(__dirname, '../../..');
const CITATION = /\b(docs\/[A-Z]+\.md|README(?:\.md)?) "([^"\n]+)"/g;
/** A numbered section of one of our documents (`docs/AUDITS.md §8`): its heading starts "8. ". */
const SECTION_CITATION = /\b(docs\/[A-Z]+\.md) §(\d+)\b/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function headings(doc: string): Set<string> {
  const text = readFileSync(join(ROOT, doc === 'README' ? 'README.md' : doc), 'utf8');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]!.trim()));
}

const citations = ['src', 'test', 'bench', 'scripts'].flatMap((dir) =>
  files(join(ROOT, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(CITATION)].map((match) => ({
      file: file.slice(ROOT.length + 1),
      doc: match[1]!,
      heading: match[2]!,
    })),
  ),
);

describe('citations of the docs in code', () => {
  it('finds the citations (the scan itself works)', () => {
    expect(citations.length).toBeGreaterThan(50);
  });

  it('every cited heading exists', () => {
    const known = new Map<string, Set<string>>();
    const broken = citations.filter(({ doc, heading }) => {
      if (!known.has(doc)) known.set(doc, headings(doc));
      return !known.get(doc)!.has(heading);
    });
    expect(broken.map(({ file, doc, heading }) => `${file}: ${doc} "${heading}"`)).toEqual([]);
  });

  it('every cited section number is a numbered heading of that document', () => {
    const sections = ['src', 'test', 'bench', 'scripts'].flatMap((dir) =>
      files(join(ROOT, dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(SECTION_CITATION)].map((match) => ({
          file: file.slice(ROOT.length + 1),
          doc: match[1]!,
          number: match[2]!,
        })),
      ),
    );
    expect(sections.length).toBeGreaterThan(10);
    const broken = sections.filter(
      ({ doc, number }) => ![...headings(doc)].some((heading) => heading.startsWith(`${number}. `)),
    );
    expect(broken.map(({ file, doc, number }) => `${file}: ${doc} §${number}`)).toEqual([]);
  });

  it('no code cites the DESIGN / DOMAIN section numbers of documents outside the repository', () => {
    const stale = ['src', 'test', 'bench', 'scripts'].flatMap((dir) =>
      files(join(ROOT, dir)).filter((file) => /\b(DESIGN|DOMAIN) §\d/.test(readFileSync(file, 'utf8'))),
    );
    expect(stale.filter((file) => !file.endsWith('citations.test.ts'))).toEqual([]);
  });
});
