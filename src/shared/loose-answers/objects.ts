import type { ObjectShape } from './fields';
import { isNoneWord, LIST_JOINERS } from './lexicon';
import { hasOwn, isPlainObject, KEEP_AS_TEXT, type PlainObject, type Reading } from './reading';
import { partValue } from './scalars';
import { splitList } from './text';

/*
 * Readers of object answers (PAR-Q+, consents, perimeters…) and lists of objects (lesions,
 * medication…). Each known key is read on its own; a key that cannot be read is left out and the
 * answer counts as partly understood. Unknown keys are kept as they came.
 */

interface ObjectReading {
  /** The object with every readable key converted and the unreadable ones left out. */
  value: PlainObject;
  /** Whether some known key could not be read. */
  dropped: boolean;
  /** Whether some known key was read. */
  understoodAny: boolean;
}

function readParts(value: PlainObject, shape: ObjectShape): ObjectReading {
  let dropped = false;
  let understoodAny = false;
  const entries = Object.entries(value).flatMap(([key, raw]) => {
    const part = hasOwn(shape.parts, key) ? shape.parts[key] : undefined;
    // null is "not answered" for optional keys; the object's schema decides for required ones.
    if (part === undefined || raw === null || raw === undefined) return [[key, raw] as const];
    const read = partValue(part, raw);
    if (read === null) {
      dropped = true;
      return [];
    }
    understoodAny = true;
    return [[key, read] as const];
  });
  return { value: Object.fromEntries(entries), dropped, understoodAny };
}

/** An object answer; `partial` without a typed value when its schema cannot hold the readable part. */
export function readObject(shape: ObjectShape, value: unknown): Reading {
  if (!isPlainObject(value)) return KEEP_AS_TEXT;
  const read = readParts(value, shape);
  const parsed = shape.schema.safeParse(read.value);
  if (parsed.success) {
    return read.dropped
      ? { kind: 'partial', value: parsed.data, understood: parsed.data }
      : { kind: 'read', value: parsed.data };
  }
  return read.understoodAny ? { kind: 'partial', understood: read.value } : KEEP_AS_TEXT;
}

type ItemReading = { ok: true; value: unknown; partial: boolean } | { ok: false };

function readItem(shape: ObjectShape, fromText: string | undefined, item: unknown): ItemReading {
  if (typeof item === 'string' && fromText !== undefined) {
    const parsed = shape.schema.safeParse({ [fromText]: item.trim() });
    return parsed.success ? { ok: true, value: parsed.data, partial: false } : { ok: false };
  }
  if (!isPlainObject(item)) return { ok: false };
  const read = readParts(item, shape);
  const parsed = shape.schema.safeParse(read.value);
  return parsed.success ? { ok: true, value: parsed.data, partial: read.dropped } : { ok: false };
}

/**
 * A list of objects. Written as text, a "none" answer is []; otherwise the text is one item
 * (`whole`: medication, surgery — the client's words become the item's name), several items
 * (`split`: supplements) or not read at all (`keep`: a lesion needs its zone and state).
 */
export function readObjectList(
  shape: ObjectShape,
  fromText: string | undefined,
  textAnswer: 'whole' | 'split' | 'keep',
  value: unknown,
): Reading {
  if (typeof value === 'string') {
    if (isNoneWord(value)) return { kind: 'read', value: [] };
    if (textAnswer === 'keep' || fromText === undefined) return KEEP_AS_TEXT;
    const items = textAnswer === 'whole' ? [value] : splitList(value, LIST_JOINERS);
    const read = readObjectList(shape, fromText, textAnswer, items);
    // One item named after a whole sentence is a reading of it, not the answer itself.
    return textAnswer === 'whole' && read.kind === 'read'
      ? { kind: 'partial', value: read.value, understood: read.value }
      : read;
  }
  const items = isPlainObject(value) ? [value] : Array.isArray(value) ? value : null;
  if (items === null) return KEEP_AS_TEXT;
  const readings = items.map((item) => readItem(shape, fromText, item));
  const typed = readings.flatMap((reading) => (reading.ok ? [reading.value] : []));
  if (typed.length === 0 && items.length > 0) return KEEP_AS_TEXT;
  const complete = readings.every((reading) => reading.ok && !reading.partial);
  return complete ? { kind: 'read', value: typed } : { kind: 'partial', value: typed, understood: typed };
}
