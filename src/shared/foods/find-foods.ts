import { words } from '../reading/text-match';
import { FOODS, type Food } from './food-table';

/*
 * Recognising foods a person names in free text ("el kiwi me pica", "I can't have shrimp") by the
 * table's names and synonyms. Unlike the health-answer reader this is deliberately literal: whole
 * words, folded for case and accents, and regular plurals; no typo slack, because a one-letter
 * slip between two foods ("pera", "perca") would name the wrong food rather than miss one.
 */

interface Pattern {
  readonly food: Food;
  readonly words: readonly string[];
}

function tokens(text: string): string[] {
  // The shared tokenizer keeps the lexicon's wildcard characters; in a person's text they are noise.
  return words(text)
    .map((w) => w.replace(/[*~]/g, ''))
    .filter((w) => w !== '');
}

const PATTERNS: readonly Pattern[] = FOODS.flatMap((food) => {
  const phrases = [...food.synonyms.es, ...food.synonyms.en, food.name.es, food.name.en].map(tokens);
  const unique = new Map(phrases.filter((p) => p.length > 0).map((p) => [p.join(' '), p]));
  return [...unique.values()].map((p) => ({ food, words: p }));
});

/**
 * The token is the word or one of its regular plurals: Spanish and English -s/-es, Spanish
 * z→ces ("nuez", "nueces"), English y→ies ("strawberry"). Only that direction: a synonym listed
 * in the plural ("pasas") must not match its singular, which may be another word ("pasa", a verb).
 */
function sameWord(token: string, word: string): boolean {
  return (
    token === word ||
    token === `${word}s` ||
    token === `${word}es` ||
    (word.endsWith('z') && token === `${word.slice(0, -1)}ces`) ||
    (word.endsWith('y') && token === `${word.slice(0, -1)}ies`)
  );
}

interface Hit {
  readonly food: Food;
  readonly start: number;
  readonly end: number;
}

/**
 * Foods a free text names, by their names and synonyms in es and en (accent/case-insensitive,
 * whole words, Spanish/English plurals). "Nada, solo que el kiwi me pica" → [kiwi].
 * A food named inside a longer name gives way to it: "leche de almendras" is the almond drink,
 * not milk and almonds; "pechuga de pollo" is the breast, not every chicken cut. Several foods
 * sharing the same words ("garbanzos": dry, cooked, canned) are all returned. Order: first
 * mention in the text, then id.
 */
export function findFoodsInText(text: string): Food[] {
  const toks = tokens(text);
  const hits: Hit[] = [];
  for (const pattern of PATTERNS) {
    const n = pattern.words.length;
    for (let start = 0; start + n <= toks.length; start += 1) {
      if (pattern.words.every((w, i) => sameWord(toks[start + i] ?? '', w))) {
        hits.push({ food: pattern.food, start, end: start + n });
      }
    }
  }
  const kept = hits.filter(
    (h) => !hits.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
  kept.sort((a, b) => a.start - b.start || (a.food.id < b.food.id ? -1 : a.food.id > b.food.id ? 1 : 0));
  return [...new Set(kept.map((h) => h.food))];
}
