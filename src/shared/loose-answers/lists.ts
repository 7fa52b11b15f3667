import { isNoneWord, LIST_JOINERS, mentionsKeepWholeWord, valuesForPhrase } from './lexicon';
import { KEEP_AS_TEXT, type Reading } from './reading';
import { splitList } from './text';

/* Readers of list answers: lists of enum ids and lists of free texts, also when written as text. */

/** Items of a list answer: its elements, or the parts of a text ("Brócoli, coliflor"). */
export function listItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return [...value];
  return typeof value === 'string' ? splitList(value, LIST_JOINERS) : null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Enum ids from a list answer ("Mancuernas, bandas y esterilla" → mancuernas, bandas; "esterilla"
 * is kept). A "none" answer is [] (or the field's own "ninguno" value).
 */
export function readEnumList(
  field: string,
  values: readonly string[],
  none: string | undefined,
  value: unknown,
): Reading {
  if (typeof value === 'string' && isNoneWord(value)) return { kind: 'read', value: none ? [none] : [] };
  const items = listItems(value);
  if (items === null) return KEEP_AS_TEXT;
  const known: string[] = [];
  const unknown: unknown[] = [];
  for (const item of items) {
    const found =
      typeof item === 'string'
        ? values.includes(item)
          ? [item]
          : valuesForPhrase(field, item)
              .map(String)
              .filter((candidate) => values.includes(candidate))
        : [];
    if (found.length > 0) known.push(...found);
    else unknown.push(item);
  }
  if (unknown.some((item) => typeof item === 'string' && mentionsKeepWholeWord(field, item)))
    return KEEP_AS_TEXT;
  if (known.length === 0) return items.length === 0 ? { kind: 'read', value: [] } : KEEP_AS_TEXT;
  const read = unique(known);
  return unknown.length > 0
    ? { kind: 'partial', value: read, understood: read }
    : { kind: 'read', value: read };
}

/** Free-text items ("Brócoli, coliflor" → ["Brócoli", "coliflor"]); numbers become their text. */
export function readTextList(value: unknown): Reading {
  if (typeof value === 'string' && isNoneWord(value)) return { kind: 'read', value: [] };
  const items = listItems(value);
  if (items === null) return KEEP_AS_TEXT;
  const texts = items.flatMap((item) => {
    if (typeof item === 'string') return item.trim().length > 0 ? [item.trim()] : [];
    return typeof item === 'number' && Number.isFinite(item) ? [String(item)] : [];
  });
  const dropped = items.some(
    (item) => typeof item !== 'string' && !(typeof item === 'number' && Number.isFinite(item)),
  );
  if (!dropped) return { kind: 'read', value: texts };
  return texts.length > 0 ? { kind: 'partial', value: texts, understood: texts } : KEEP_AS_TEXT;
}
