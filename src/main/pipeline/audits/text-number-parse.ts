/*
 * Numbers as the LLM writes them in Spanish and English (docs/AUDITS.md §9): digits with a
 * thousands dot or comma ("2.350", "2,350"), a decimal comma or point ("1,8", "2.5"), narrow spaces
 * ("2 350"), and number words up to twelve ("cuatro", "four").
 */

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1, una: 1, uno: 1, one: 1,
  dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6,
  siete: 7, seven: 7, ocho: 8, eight: 8, nueve: 9, nine: 9, diez: 10, ten: 10,
  once: 11, eleven: 11, doce: 12, twelve: 12,
}; // prettier-ignore

const WORD_ALT = Object.keys(NUMBER_WORDS).join('|');
/** A digit number (thousands groups with . , or narrow spaces; a decimal part) or a number word. */
export const NUMBER = new RegExp(
  `(?<![\\p{L}\\d_.,])([+\\-−±]\\s?)?(\\d{1,3}(?:[.,\\u00a0\\u202f\\u2009]\\d{3})+(?:[.,]\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)?|(?:${WORD_ALT})(?![\\p{L}]))`,
  'giu',
);

/** Lower case without accents, one character for one, so positions map back to the original. */
export function fold(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += folded.length === char.length ? folded : char.toLowerCase().slice(0, char.length);
  }
  return out;
}

/**
 * "2.350" and "2,350" are thousands (a separator followed by exactly three digits, unless the
 * integer part is 0); "1,8" and "2.5" decimals; "2.350,5" / "2,350.5" both.
 */
export function parseNumber(raw: string): number {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  if (word !== undefined) return word;
  const text = raw.replace(/[\u00a0\u202f\u2009]/g, '');
  const separators = [...text.matchAll(/[.,]/g)].map((m) => m.index);
  if (separators.length === 0) return Number(text);
  const last = separators[separators.length - 1] ?? 0;
  const kinds = new Set(separators.map((i) => text[i]));
  if (kinds.size === 2) {
    return Number(text.slice(0, last).replace(/[.,]/g, '') + '.' + text.slice(last + 1));
  }
  const integer = text.slice(0, separators[0]);
  const thousands =
    separators.length > 1 || (text.length - last - 1 === 3 && integer !== '0' && integer !== '');
  return thousands ? Number(text.replace(/[.,]/g, '')) : Number(text.replace(',', '.'));
}

/** Decimals written (0 for integers), for rounding tolerance. */
export function writtenStep(raw: string, value: number): number {
  if (NUMBER_WORDS[raw.toLowerCase()] !== undefined) return 1;
  if (!Number.isInteger(value)) return 10 ** -(String(value).split('.')[1]?.length ?? 0);
  const zeros = /0*$/.exec(String(value))?.[0].length ?? 0;
  return value === 0 ? 1 : 10 ** zeros;
}
