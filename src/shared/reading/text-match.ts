/*
 * Word-level matching for free-text answers (docs/DOMAIN.md, "Reading free-text answers").
 *
 * People type health answers with typos, without accents, in capitals, with "ll" for "y"; a missed
 * word can cost a client an allergic reaction, so matching is deliberately forgiving: words are
 * folded (case, accents, ñ), compared on a Spanish phonetic key ("rodiya" ≈ "rodilla",
 * "hipertenson" ≈ "hipertension") and, for longer words, with one edit of slack ("maricso").
 * A false match costs the coach a glance; a missed one is the defect this module exists to avoid.
 */

/** Lower case, accents and ñ folded, apostrophes kept for contraction expansion. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

/** Folded words of a text fragment (no punctuation). */
export function words(text: string): string[] {
  const folded = fold(text)
    .replace(/[^a-z0-9*~]+/g, ' ')
    .trim();
  return folded === '' ? [] : folded.split(' ');
}

/**
 * A phonetic key that makes Spanish spelling slips equal: ll/y, v/b, z/s, soft c/s, qu/k, hard
 * c/k, silent h, doubled letters. Applied to both sides of every comparison.
 */
export function phoneticKey(word: string): string {
  return word
    .replace(/ch/g, '§')
    .replace(/ll/g, 'y')
    .replace(/v/g, 'b')
    .replace(/z/g, 's')
    .replace(/c([ei])/g, 's$1')
    .replace(/qu/g, 'k')
    .replace(/c/g, 'k')
    .replace(/h/g, '')
    .replace(/§/g, 'ch')
    .replace(/(.)\1+/g, '$1');
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at 2. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let best = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * One word of a term: exact, a stem (`rodill*`), any single word (`*`) or a gap of up to two
 * words (`~`: "dolor ~ pecho" finds "dolor opresivo en el pecho").
 */
export interface WordPattern {
  readonly text: string;
  readonly key: string;
  readonly prefix: boolean;
  readonly any: boolean;
  readonly gap: boolean;
}

const MAX_GAP = 2;

export interface Phrase {
  /** The term as written in the lexicon, for reasons shown to the coach. */
  readonly source: string;
  readonly words: readonly WordPattern[];
}

/**
 * Shortest term spelled loosely: below five letters a phonetic key or one edit turns words into
 * other words ("shin" ≈ "sin", "hip" ≈ "he"), so short terms match exactly or as a stem only.
 */
const LOOSE_MIN_LENGTH = 5;
/** Shortest phonetic key allowed one edit ("mareé" must not become "madre"). */
const FUZZY_MIN_KEY = 6;

export function wordPattern(raw: string): WordPattern {
  if (raw === '*') return { text: '*', key: '*', prefix: false, any: true, gap: false };
  if (raw === '~') return { text: '~', key: '~', prefix: false, any: false, gap: true };
  const prefix = raw.endsWith('*');
  const text = prefix ? raw.slice(0, -1) : raw;
  return { text, key: phoneticKey(text), prefix, any: false, gap: false };
}

export function wordMatches(word: string, pattern: WordPattern): boolean {
  if (pattern.any) return true;
  if (word === pattern.text || (pattern.prefix && word.startsWith(pattern.text))) return true;
  if (pattern.text.length < LOOSE_MIN_LENGTH || /\d/.test(word)) return false;
  const key = phoneticKey(word);
  if (key === pattern.key || (pattern.prefix && key.startsWith(pattern.key))) return true;
  // Typos rarely touch the first letter; requiring it keeps "after" from reading as "father".
  if (key[0] !== pattern.key[0] || pattern.key.length < FUZZY_MIN_KEY) return false;
  if (!pattern.prefix) return editDistance(key, pattern.key) <= 1;
  // A stem with a slip: compare the word's start, allowing one letter more or less ("penuts" is
  // peanuts). It also lets "spring" pass for "sprain": a needless question beats a missed allergy.
  const n = pattern.key.length;
  return [n - 1, n, n + 1].some(
    (len) => len <= key.length && editDistance(key.slice(0, len), pattern.key) <= 1,
  );
}

/** End (exclusive) of a match of `patterns` starting exactly at `at`, or -1. */
function matchEnd(tokens: readonly string[], patterns: readonly WordPattern[], at: number): number {
  const [first, ...rest] = patterns;
  if (!first) return at;
  if (first.gap) {
    for (let skip = 0; skip <= MAX_GAP && at + skip <= tokens.length; skip += 1) {
      const end = matchEnd(tokens, rest, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (at >= tokens.length || !wordMatches(tokens[at] ?? '', first)) return -1;
  return matchEnd(tokens, rest, at + 1);
}

/** The first [start, end) where `phrase` occurs at or after `from`, or null. */
export function findRange(tokens: readonly string[], phrase: Phrase, from = 0): [number, number] | null {
  if (phrase.words.length === 0) return null;
  for (let start = Math.max(0, from); start < tokens.length; start += 1) {
    const end = matchEnd(tokens, phrase.words, start);
    if (end > start) return [start, end];
  }
  return null;
}

/** Where `phrase` starts in `tokens` at or after `from`, or -1. */
export function findPhrase(tokens: readonly string[], phrase: Phrase, from = 0): number {
  return findRange(tokens, phrase, from)?.[0] ?? -1;
}

/** Every [start, end) range where the phrase occurs. */
export function phraseRanges(tokens: readonly string[], phrase: Phrase): [number, number][] {
  const ranges: [number, number][] = [];
  let range = findRange(tokens, phrase);
  while (range) {
    ranges.push(range);
    range = findRange(tokens, phrase, range[0] + 1);
  }
  return ranges;
}
