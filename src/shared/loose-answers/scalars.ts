import { z } from 'zod';
import { isNoneWord, readYesNo, valuesForPhrase } from './lexicon';
import { readNumber, type RangeKey } from './numbers';
import { isPlainObject, KEEP_AS_TEXT, type Reading } from './reading';
import type { PartSpec } from './fields';

/* Readers of single-valued answers: text, numbers, enums, yes/no, dates, times, country codes. */

const IsoDate = z.iso.date();

export function readText(value: unknown): Reading {
  // The original documents its numbers as strings: a number in a text answer is that text.
  return typeof value === 'number' && Number.isFinite(value)
    ? { kind: 'read', value: String(value) }
    : KEEP_AS_TEXT;
}

export function readNumberAnswer(field: string, range: RangeKey, value: unknown): Reading {
  const number = readNumber(value, range);
  if (number.kind === 'number') return { kind: 'read', value: number.value };
  if (number.kind === 'implausible') {
    return number.value === undefined
      ? { kind: 'implausible' }
      : { kind: 'implausible', understood: number.value };
  }
  // Graded fields ("Medio", "muy buena") read their words from scale-words.json.
  if (typeof value !== 'string') return KEEP_AS_TEXT;
  const [only, ...others] = valuesForPhrase(field, value);
  return typeof only === 'number' && others.length === 0 ? { kind: 'read', value: only } : KEEP_AS_TEXT;
}

/** `comidas_dia`: a number must be a plausible count; text is the original's own answer. */
export function readCountOrText(range: RangeKey, value: unknown): Reading {
  if (typeof value !== 'number') return KEEP_AS_TEXT;
  const number = readNumber(value, range);
  return number.kind === 'implausible' ? { kind: 'implausible', understood: value } : KEEP_AS_TEXT;
}

/** One enum value from an answer: its id, a lexicon phrase, or a "none" word for its "no" value. */
export function enumValue(
  lexicon: string,
  values: readonly string[],
  none: string | undefined,
  value: unknown,
): string | null {
  if (value === false && none !== undefined) return none;
  if (typeof value !== 'string') return null;
  if (values.includes(value)) return value;
  if (none !== undefined && isNoneWord(value)) return none;
  const found = valuesForPhrase(lexicon, value).filter((candidate) => values.includes(String(candidate)));
  return found.length === 1 ? String(found[0]) : null;
}

export function readEnum(
  field: string,
  values: readonly string[],
  none: string | undefined,
  value: unknown,
): Reading {
  const found = enumValue(field, values, none, value);
  return found === null ? KEEP_AS_TEXT : { kind: 'read', value: found };
}

export function yesNoValue(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' ? readYesNo(value) : null;
}

export function readBoolean(value: unknown): Reading {
  const found = yesNoValue(value);
  return found === null ? KEEP_AS_TEXT : { kind: 'read', value: found };
}

/** `YYYY-MM-DD`, also from an ISO timestamp (its date part) or a Date (its UTC date). */
export function dateValue(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const datePart = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)?.[1];
  return datePart !== undefined && IsoDate.safeParse(datePart).success ? datePart : null;
}

export function readCountry(value: unknown): Reading {
  if (typeof value !== 'string') return KEEP_AS_TEXT;
  const code = value.trim();
  return /^[a-z]{2}$/i.test(code) ? { kind: 'read', value: code.toUpperCase() } : KEEP_AS_TEXT;
}

/**
 * `HH:MM` from "8:30", "08.30", "8h30", "8h", "20:00 h". A bare "8" is not read: in speech it is as
 * often 20:00 as 08:00.
 */
export function timeValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,2})\s*(?:(?:[:.]|h)\s*(\d{2})\s*h?|h)$/i.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export function readMealTimes(value: unknown): Reading {
  if (!isPlainObject(value)) return KEEP_AS_TEXT;
  const entries = Object.entries(value);
  const read = entries.flatMap(([meal, time]) => {
    const hhmm = timeValue(time);
    return hhmm === null ? [] : [[meal, hhmm] as const];
  });
  if (read.length === 0) return KEEP_AS_TEXT;
  const times = Object.fromEntries(read);
  return read.length === entries.length
    ? { kind: 'read', value: times }
    : { kind: 'partial', value: times, understood: times };
}

/** One key of an object answer; null when it cannot be read with certainty. */
export function partValue(part: PartSpec, value: unknown): unknown {
  switch (part.kind) {
    case 'boolean':
      return yesNoValue(value);
    case 'number': {
      const number = readNumber(value, part.range);
      return number.kind === 'number' ? number.value : null;
    }
    case 'enum':
      return enumValue(part.lexicon, part.values, undefined, value);
    case 'text':
      if (typeof value === 'string') return value;
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'date':
      return dateValue(value);
  }
}
