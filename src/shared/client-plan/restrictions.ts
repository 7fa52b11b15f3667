import { FOOD_GROUP_IDS, FOODS, findFoodsInText, type Food } from '../foods';
import type { NutritionFacts } from '../plan-content';
import {
  foodPhrases,
  intoleranceGroups,
  mentionedPhrase,
  patternGroups,
  readAnswer,
  wordPhrases,
} from '../reading';
import type { Phrase } from '../reading/text-match';

/*
 * The table foods a client may be offered as a swap. This follows the menu audit's reading of the
 * declared restrictions (src/main/pipeline/audits/allergens.ts `resolveRestrictions`, which lives
 * in main and cannot be imported here): allergens, intolerances and the diet pattern as food
 * groups, named foods, dislikes and open questions as words. When a declaration cannot be turned
 * into groups or words, only foods the audited menu already uses are offered: a swap must never be
 * the one thing the audit could not check.
 */

const UNRESTRICTED_PATTERNS = new Set(['', 'omnivoro', 'flexitariano']);

function codes(field: string, text: string, topic: string): string[] {
  return readAnswer(field, text)
    .detected.findings.filter((f) => f.topic === topic)
    .map((f) => f.code);
}

export interface SwapPolicy {
  /** Whether a table food may be offered to this client. */
  allows(food: Food): boolean;
  /**
   * Whether a free text (an equivalence the plan lists) names only foods the client may eat; with
   * `menuFoods`, only foods the audited menu already uses when some declaration could not be read.
   */
  allowsText(text: string, menuFoods: ReadonlySet<string>): boolean;
  /** True when some declaration could not be resolved: only foods already on the menu are safe. */
  menuFoodsOnly: boolean;
}

export function swapPolicy(facts: NutritionFacts | undefined): SwapPolicy {
  if (!facts) return { allows: () => false, allowsText: () => false, menuFoodsOnly: true };
  const groups = new Set<string>();
  const phrases: Phrase[] = [];
  let unresolved = false;
  for (const declared of facts.alergias) {
    const found =
      FOOD_GROUP_IDS.includes(declared) || declared.startsWith('alimento:')
        ? [declared]
        : codes('alergias', declared, 'alergia');
    const foodCodes = found.filter((code) => !code.startsWith('no_alimentaria:'));
    if (found.length === 0) unresolved = true;
    for (const code of foodCodes) {
      if (code.startsWith('alimento:')) phrases.push(...foodPhrases(code.slice('alimento:'.length)));
      else if (FOOD_GROUP_IDS.includes(code)) groups.add(code);
      else unresolved = true;
    }
  }
  for (const declared of facts.intolerancias) {
    const ids = intoleranceGroups(declared) ? [declared] : codes('intolerancias', declared, 'intolerancia');
    const found = ids.flatMap((id) => intoleranceGroups(id) ?? []);
    if (found.length === 0) unresolved = true;
    for (const group of found) groups.add(group);
  }
  const pattern = facts.patron_alimentario.trim();
  if (!UNRESTRICTED_PATTERNS.has(pattern)) {
    const ids = patternGroups(pattern) ? [pattern] : codes('dieta', pattern, 'patron');
    const found = ids.flatMap((id) => patternGroups(id) ?? []);
    if (found.length === 0 && !ids.some((id) => UNRESTRICTED_PATTERNS.has(id))) unresolved = true;
    for (const group of found) groups.add(group);
  }
  for (const disliked of facts.alimentos_no_gustan) phrases.push(...foodPhrases(disliked));
  for (const item of facts.por_revisar) {
    const words = wordPhrases(item.palabras);
    if (words.length === 0) unresolved = true;
    phrases.push(...words);
  }
  const names = (food: Food) => [food.name.es, food.name.en, ...food.synonyms.es, ...food.synonyms.en];
  const allows = (food: Food) =>
    !food.groups.some((g) => groups.has(g)) &&
    !names(food).some((name) => mentionedPhrase(name, phrases) !== null);
  return {
    allows,
    allowsText: (text, menuFoods) =>
      mentionedPhrase(text, phrases) === null &&
      findFoodsInText(text).every((food) => allows(food) && (!unresolved || menuFoods.has(food.id))),
    menuFoodsOnly: unresolved,
  };
}

/** Every table food the policy allows (for tests and for the swap search). */
export function allowedSwapFoods(policy: SwapPolicy): Food[] {
  return FOODS.filter((food) => policy.allows(food));
}
