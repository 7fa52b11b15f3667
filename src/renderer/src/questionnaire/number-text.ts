import type { TFunction } from 'i18next';

/*
 * What a numeric input of the questionnaire holds. The coach types text; the form keeps a number
 * when the text is one ("62,5", "10.000" steps) and otherwise the text itself, wrapped, so that a
 * number written in words ("siete", "unos 70") is reported instead of being dropped.
 */

/**
 * Text typed into a numeric input that is not a number. A class, not a string: an answer imported
 * from the original system may legitimately be text in a numeric field ("78 kg", "Más de 6"), and
 * only what the coach typed here is to be reported (an import can never produce an instance).
 */
export class UnreadNumber {
  constructor(readonly text: string) {}
}

/** "62,5" / "62.5" / "-3" / "62," (a decimal being typed). */
const DECIMAL = /^[+-]?\d+(?:[.,]\d*)?$/;
/** "10.000" / "1.250.000": Spanish thousands grouping, read as such where no decimals are allowed. */
const GROUPED_INTEGER = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/**
 * The value a numeric input's text stands for: undefined when empty, a number when the text is
 * one (decimal comma or point; in a whole-number field a point groups thousands), otherwise the
 * text as an `UnreadNumber`.
 */
export function parseNumberText(text: string, decimals: boolean): number | UnreadNumber | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!decimals && GROUPED_INTEGER.test(trimmed)) return Number(trimmed.replace(/\./g, ''));
  if (DECIMAL.test(trimmed)) return Number(trimmed.replace(',', '.').replace(/\.$/, ''));
  return new UnreadNumber(trimmed);
}

/** The text a numeric input shows for a form value (a number with the language's decimal separator). */
export function numberText(value: unknown, decimalSeparator: string): string {
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', decimalSeparator) : '';
  if (typeof value === 'string') return value; // imported as text: shown as it arrived
  if (value instanceof UnreadNumber) return value.text;
  return '';
}

/** Whether `text` already stands for `value` (then the input keeps the coach's own text, e.g. "62,"). */
export function textReadsAs(text: string, value: unknown, decimals: boolean): boolean {
  if (typeof value === 'string') return text === value;
  const parsed = parseNumberText(text, decimals);
  if (parsed instanceof UnreadNumber) return value instanceof UnreadNumber && value.text === parsed.text;
  if (parsed === undefined) return value === undefined || value === null || value === '';
  return parsed === value;
}

type Path = (string | number)[];

function collect(value: unknown, path: Path, out: { path: Path; text: string }[]): void {
  if (value instanceof UnreadNumber) out.push({ path, text: value.text });
  else if (Array.isArray(value)) value.forEach((item, index) => collect(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) collect(item, [...path, key], out);
  }
}

/** Every number typed in words in the form, by form path (`['lesiones', 1, 'dolor_0_10']`). */
export function unreadNumbers(values: Record<string, unknown>): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  collect(values, [], out);
  return out;
}

function strip(value: unknown): unknown {
  if (value instanceof UnreadNumber) return undefined;
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strip(item)]));
  }
  return value;
}

/**
 * The form values with every number typed in words left unanswered: the shared validator then
 * judges the rest, and the words are reported once, by `numberInWordsProblems`.
 */
export function withoutUnreadNumbers(values: Record<string, unknown>): Record<string, unknown> {
  return strip(values) as Record<string, unknown>;
}

export interface NumberInWordsProblem {
  /** As the validator names fields: `responses.lesiones.1.dolor_0_10`. */
  field: string;
  code: 'invalid_number';
  /** Written like the validator's messages: the field path, then what to do. */
  message: string;
}

/** One problem per number typed in words, worded in the coach's language. */
export function numberInWordsProblems(values: Record<string, unknown>, t: TFunction): NumberInWordsProblem[] {
  return unreadNumbers(values).map(({ path, text }) => {
    const written = path.join('.');
    return {
      field: `responses.${written}`,
      code: 'invalid_number',
      message: `${written}: ${t('questionnaire.numberInWords', { text })}`,
    };
  });
}
