import { findFoodsInText, type Food } from '../foods';
import {
  foodNames,
  resolveRestrictions,
  restrictionExcludes,
  unreadDeclarations,
} from '../foods/restrictions';
import type { NutritionFacts } from '../plan-content';
import { foodPhrases, mentionedPhrase } from '../reading';

/*
 * The table foods a client may be offered as a swap: what the menu audit lets through
 * (src/shared/foods/restrictions.ts, the same reading NUT-14 uses) minus the foods the client
 * dislikes, which the audit only warns about but a swap has no reason to offer. When the audit
 * could not check a declaration (it asks the coach to review the menu by hand, an allergy question
 * is still open, or a listed allergy reads as nothing), only foods the audited menu already uses are offered: a swap must never
 * be the one thing nobody checked.
 */

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
  const { restrictions, unverifiable, unresolved } = resolveRestrictions(facts);
  const menuFoodsOnly =
    unverifiable.length > 0 || unresolved.length > 0 || unreadDeclarations(facts).length > 0;
  const disliked = facts.alimentos_no_gustan.flatMap((food) => foodPhrases(food));
  const words = [...restrictions.flatMap((restriction) => restriction.words), ...disliked];
  const allows = (food: Food) =>
    !restrictions.some((restriction) => restrictionExcludes(food, restriction)) &&
    !foodNames(food).some((name) => mentionedPhrase(name, disliked) !== null);
  return {
    allows,
    allowsText: (text, menuFoods) =>
      mentionedPhrase(text, words) === null &&
      findFoodsInText(text).every((food) => allows(food) && (!menuFoodsOnly || menuFoods.has(food.id))),
    menuFoodsOnly,
  };
}
