/*
 * How two versions' parts are matched for the plan diff (training-diff.ts, nutrition-diff.ts):
 * deep equality, pairing by identity and alignment of ordered lists.
 */

export type Lang = 'es' | 'en';

/** A sentence in both languages (`PlanChange['text']`). */
export const localized = (make: (lang: Lang) => string): Record<Lang, string> => ({
  es: make('es'),
  en: make('en'),
});

export const arrow = (before: string, after: string): string => `${before} → ${after}`;

/**
 * Pairs each item of `after` with one of `before`, trying each test in turn (the strictest first)
 * so an item paired by a strict test is not taken by a looser one. Returns after index → before index.
 */
export function pairBy<T>(
  before: readonly T[],
  after: readonly T[],
  tests: readonly ((a: T, b: T) => boolean)[],
): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const same of tests) {
    after.forEach((b, j) => {
      if (pairs.has(j)) return;
      const i = before.findIndex((a, k) => !taken.has(k) && same(a, b));
      if (i < 0) return;
      pairs.set(j, i);
      taken.add(i);
    });
  }
  return pairs;
}

/**
 * Deep equality of stored values, blind to key order (documents read back from MongoDB or rebuilt
 * by an edit need not keep it) and to keys holding `undefined` (absent and undefined read the same).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/** A copy of an object field without the keys code derives; a non-object is kept as is. */
export function without(value: unknown, keys: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

export type Aligned<T> =
  | { kind: 'same' | 'moved' | 'replaced'; before: T; after: T; from: number; to: number }
  | { kind: 'added'; after: T; to: number }
  | { kind: 'removed'; before: T; from: number };

function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] =
        a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/**
 * Aligns two lists by key, in `after`'s order (a removed item where it stood): the longest common
 * subsequence is kept in place, so one insertion is one `added` and not a swap at every later slot;
 * a key left out of it on both sides is `moved`; what remains between two kept items is `replaced`
 * slot by slot, the surplus `added` or `removed`.
 */
export function align<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Aligned<T>[] {
  const keysBefore = before.map(key);
  const keysAfter = after.map(key);
  const kept = lcsPairs(keysBefore, keysAfter);
  const keptBefore = new Set(kept.map(([i]) => i));
  const keptAfter = new Set(kept.map(([, j]) => j));
  const out: { sort: number; op: Aligned<T> }[] = [];
  const pair = (kind: 'same' | 'moved' | 'replaced', from: number, to: number) =>
    out.push({ sort: to, op: { kind, before: before[from] as T, after: after[to] as T, from, to } });
  for (const [i, j] of kept) pair('same', i, j);
  const looseBefore = before.map((_, i) => i).filter((i) => !keptBefore.has(i));
  const looseAfter = after.map((_, j) => j).filter((j) => !keptAfter.has(j));
  for (const j of [...looseAfter]) {
    const i = looseBefore.find((candidate) => keysBefore[candidate] === keysAfter[j]);
    if (i === undefined) continue;
    looseBefore.splice(looseBefore.indexOf(i), 1);
    looseAfter.splice(looseAfter.indexOf(j), 1);
    pair('moved', i, j);
  }
  // Gap g lies between kept pair g-1 and kept pair g.
  const gapOf = (index: number, side: 0 | 1) => kept.filter((p) => p[side] < index).length;
  for (let g = 0; g <= kept.length; g++) {
    const gone = looseBefore.filter((i) => gapOf(i, 0) === g);
    const come = looseAfter.filter((j) => gapOf(j, 1) === g);
    come.forEach((j, k) => {
      const i = gone[k];
      if (i === undefined) out.push({ sort: j, op: { kind: 'added', after: after[j] as T, to: j } });
      else pair('replaced', i, j);
    });
    const nextKept = kept[g]?.[1] ?? after.length;
    for (const i of gone.slice(come.length)) {
      out.push({ sort: nextKept - 0.5, op: { kind: 'removed', before: before[i] as T, from: i } });
    }
  }
  return out.sort((x, y) => x.sort - y.sort).map((entry) => entry.op);
}

/** `es`'s participle agrees with the label: feminine and/or plural. */
