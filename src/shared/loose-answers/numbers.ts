import { TYPED_NUMBER_RANGES, type NumberRange } from '../questionnaire';
import { isZeroWord, unitPhrases } from './lexicon';
import { fold } from './text';

/*
 * Numbers written as text ("7", "7,5 h", "78 kg", "8.000 pasos"). Only certain readings count:
 *  - a decimal comma or point, and the field's own unit or rate phrase after the number;
 *  - "1.800" / "1,800" (a separator followed by exactly three digits) is either 1.8 or 1800. For a
 *    whole-number field it is a thousands group (nobody writes 8.000 meaning eight steps); for a
 *    decimal field the reading inside the field's range wins, and when both or neither fit the
 *    answer is not certain (both) or implausible (neither);
 *  - "1.234.567", "8 000", "1.234,5" / "1,234.5" (two different separators) are unambiguous;
 *  - "3/5", "3 de 5", "3 sobre 5" when the denominator is the field's maximum (a score);
 *  - ranges ("7-8"), approximations ("unos 7", "más de 6") and conversions ("1 hora" for minutes)
 *    are not read: the answer is kept as text.
 */

export type RangeKey = keyof typeof TYPED_NUMBER_RANGES;

export type NumberReading =
  | { kind: 'number'; value: number }
  /** Read, but the field cannot hold it (out of range, or not whole); `value` when one reading. */
  | { kind: 'implausible'; value?: number }
  | { kind: 'unknown' };

const UNKNOWN: NumberReading = { kind: 'unknown' };

/** Consumption counts where "nada" / "none" means zero. */
const ZERO_WORD_FIELDS: ReadonlySet<RangeKey> = new Set(['alcohol_unidades_semana', 'cafeina_mg_dia']);

function fits(value: number, range: NumberRange): boolean {
  return value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value));
}

function checked(value: number, range: NumberRange): NumberReading {
  return fits(value, range) ? { kind: 'number', value } : { kind: 'implausible', value };
}

function withoutUnit(text: string, rangeKey: RangeKey): string {
  for (const unit of unitPhrases(rangeKey)) {
    if (!text.endsWith(unit) || text.length === unit.length) continue;
    const before = text.slice(0, -unit.length);
    // "78kg" and "78 kg", but not "7 sem" inside "7 semanas" (handled by the longer phrase first).
    if (/[\d\s]$/.test(before)) return before.trimEnd();
  }
  return text;
}

function decimal(whole: string, fraction: string | undefined, sign: string): number {
  return Number(`${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
}

/** The candidate values of a bare number written as text (one, or two when "1.800"-like). */
function readings(text: string, range: NumberRange): number[] {
  let match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (match) {
    const [, sign = '', whole = '', fraction] = match;
    const grouped = fraction?.length === 3 && whole.length <= 3 && !whole.startsWith('0');
    if (!grouped) return [decimal(whole, fraction, sign)];
    const thousands = Number(`${sign}${whole}${fraction}`);
    return range.integer ? [thousands] : [decimal(whole, fraction, sign), thousands];
  }
  // Several thousands groups with one separator, or groups separated by spaces: an integer.
  match = /^([+-]?)(\d{1,3}(?:([.,])\d{3}){2,})$/.exec(text) ?? /^([+-]?)(\d{1,3}(?: \d{3})+)$/.exec(text);
  if (match) return [Number(`${match[1] ?? ''}${(match[2] ?? '').replace(/[., ]/g, '')}`)];
  // Thousands groups and a decimal part with the other separator: "1.234,5", "1,234.5".
  match = /^([+-]?)(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)$/.exec(text);
  if (match && match[3] !== match[4]) {
    return [decimal((match[2] ?? '').replace(/[.,]/g, ''), match[5], match[1] ?? '')];
  }
  return [];
}

function outOfMax(text: string, range: NumberRange): NumberReading | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*(?:\/|de|sobre|out of)\s*(\d+)$/.exec(text);
  if (!match) return null;
  if (Number(match[2]) !== range.max) return UNKNOWN;
  return checked(Number((match[1] ?? '').replace(',', '.')), range);
}

/** A number for the typed field `rangeKey` from any answer; see the rules above. */
export function readNumber(raw: unknown, rangeKey: RangeKey): NumberReading {
  const range: NumberRange = TYPED_NUMBER_RANGES[rangeKey];
  if (typeof raw === 'number') return Number.isFinite(raw) ? checked(raw, range) : UNKNOWN;
  if (typeof raw !== 'string') return UNKNOWN;
  if (ZERO_WORD_FIELDS.has(rangeKey) && isZeroWord(raw)) return { kind: 'number', value: 0 };
  const text = withoutUnit(fold(raw), rangeKey);
  const score = outOfMax(text, range);
  if (score) return score;
  const values = readings(text, range);
  if (values.length === 1) return checked(values[0] ?? Number.NaN, range);
  if (values.length === 0) return UNKNOWN;
  const plausible = values.filter((value) => fits(value, range));
  if (plausible.length === 1) return { kind: 'number', value: plausible[0] ?? Number.NaN };
  return plausible.length === 0 ? { kind: 'implausible' } : UNKNOWN;
}
