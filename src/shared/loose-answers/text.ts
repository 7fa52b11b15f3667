/*
 * Matching keys for free-text answers. Lexicon phrases and answers go through the same `fold`, so
 * "Mancuernas", "mancuerna" and "MANCUERNAS." meet on one key; the key is not a real singular
 * (it only has to be the same on both sides).
 */

/** Removes a plural -s, then a final -e after a consonant ("lesiones" → "lesion", "cables" → "cabl"). */
function foldWord(word: string): string {
  let folded = word;
  if (folded.length > 3 && folded.endsWith('s')) folded = folded.slice(0, -1);
  // Spanish plurals in -es ("lesiones", "regulares") leave that -e behind; dropping it on both
  // sides makes "lesion" and "lesiones" meet, and "cable"/"cables" still agree.
  if (folded.length > 4 && /[^aeiou]e$/.test(folded)) folded = folded.slice(0, -1);
  return folded;
}

/** Case, accents, hyphens between letters, spacing, trailing punctuation and plurals ignored. */
export function fold(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\p{L})-(?=\p{L})/gu, '$1 ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:,!¡?¿]+$/u, '')
    .trim();
  return plain
    .split(' ')
    .map((word) => foldWord(word))
    .join(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Items of a list written as text: "Mancuernas, bandas y esterilla" → three items. Commas, semicolons,
 * slashes, "+", bullets and line breaks separate items, and so do the joining words (" y ", " and ").
 */
export function splitList(text: string, joiners: readonly string[]): string[] {
  const words = joiners.filter((joiner) => joiner.trim().length > 0).map(escapeRegExp);
  const joined =
    words.length > 0 ? text.replace(new RegExp(`\\s(?:${words.join('|')})\\s`, 'giu'), ',') : text;
  return joined
    .split(/[,;/+•·|\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Drops one leading article ("unas mancuernas" → "mancuernas"); `articles` are folded. */
export function withoutArticle(folded: string, articles: ReadonlySet<string>): string {
  const space = folded.indexOf(' ');
  if (space < 0) return folded;
  return articles.has(folded.slice(0, space)) ? folded.slice(space + 1) : folded;
}
