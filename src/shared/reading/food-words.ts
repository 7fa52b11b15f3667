import { contentWords, FOOD, phrase } from './lexicon';
import { findPhrase, type Phrase } from './text-match';

/*
 * The food side of the reading lexicons, for the menu audit (NUT-14): which words of an ingredient
 * a declared food or an open question rules out, and which food groups an intolerance or a dietary
 * pattern excludes. One lexicon serves both the reading of the client's answer and the check of
 * the menu, so "kiwi" declared and "kiwi" served are the same word.
 */

/** Words that name `food` (the code after `alimento:`), Spanish and English. */
export function foodPhrases(food: string): Phrase[] {
  const known = FOOD.otherFoods.filter((entry) => entry.value === food).map((entry) => entry.phrase);
  // Spanish and English often share the word ("kiwi", "mango"): one phrase each.
  const unique = [...new Map(known.map((p) => [p.source, p])).values()];
  return unique.length > 0 ? unique : [phrase(food)];
}

/**
 * One phrase per word of an open question ("fruta", "hueso"), as a stem so "frutas" and "stone
 * fruits" match too: while the question is open, over-matching an ingredient is the safe side.
 */
export function wordPhrases(words: readonly string[]): Phrase[] {
  const stem = (word: string) => (word.length >= 4 && !word.endsWith('*') ? `${word}*` : word);
  return words.map((text) => phrase(text.split(/\s+/).map(stem).join(' '))).filter((p) => p.words.length > 0);
}

/** The first phrase an ingredient name contains, or null. */
export function mentionedPhrase(ingredient: string, phrases: readonly Phrase[]): Phrase | null {
  const tokens = contentWords(ingredient);
  return phrases.find((candidate) => findPhrase(tokens, candidate) >= 0) ?? null;
}

/** Food groups a menu must avoid for an intolerance id; [] when no word list can check it. */
export function intoleranceGroups(id: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(FOOD.intoleranceGroups, id)
    ? FOOD.intoleranceGroups[id]
    : undefined;
}

/** Food groups a dietary pattern excludes; undefined for an unknown pattern. */
export function patternGroups(pattern: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(FOOD.dietPatternGroups, pattern)
    ? FOOD.dietPatternGroups[pattern]
    : undefined;
}
