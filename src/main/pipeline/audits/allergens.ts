import { foodById, type Food } from '@shared/foods';
import {
  foodNames,
  mentionedRestrictionWord,
  resolveRestrictions,
  type DeclaredRestrictions,
  type Restriction,
  type RestrictionKind,
} from '@shared/foods/restrictions';
import { mentionedPhrase } from '@shared/reading';
import { findTokenRun, tokens } from './text';
import { FOOD_GROUPS, type FoodGroupId, type FoodRule } from './food-groups';

export { FOOD_GROUPS, type FoodGroup, type FoodGroupId } from './food-groups';
export {
  allowedFoods,
  resolveRestrictions,
  type DeclaredRestrictions,
  type ResolvedRestrictions,
  type Restriction,
  type RestrictionKind,
} from '@shared/foods/restrictions';

/*
 * Finds the food groups a client must not eat (EU-14 allergens, intolerances, dietary patterns) in
 * the ingredient names of a menu (NUT-14, docs/AUDITS.md "3. Nutrition audit (NUT-\*) — N8"). The LLM writes ingredients freely, in
 * Spanish or English ("Yogur griego natural 0 %", "pan integral de centeno", "oat milk"), so each
 * group of resources/lexicons/food-groups.json lists the food words in the singular (plurals are
 * matched by `wordMatches`) and the qualifiers that turn the word into something else ("leche de
 * almendra" and "almond milk" are not milk, "nuez moscada" is not a tree nut, "avena sin gluten" is
 * safe for a celiac). When in doubt a word stays in the list: a false alarm costs the coach a
 * glance, a miss can cost the client an anaphylaxis. Which groups and words a client must avoid is
 * read in src/shared/foods/restrictions.ts, shared with the client version's swaps.
 */

interface CompiledRule {
  readonly terms: readonly (readonly string[])[];
  readonly unlessFollowedBy: readonly (readonly string[])[];
  readonly unlessPrecededBy: readonly (readonly string[])[];
  readonly unlessContains: readonly (readonly string[])[];
}

const compiled = new Map<FoodGroupId, readonly CompiledRule[]>();

function compile(groupId: FoodGroupId): readonly CompiledRule[] {
  const cached = compiled.get(groupId);
  if (cached) return cached;
  const rules = FOOD_GROUPS[groupId].rules.map((rule: FoodRule) => ({
    terms: rule.terms.map(tokens),
    unlessFollowedBy: (rule.unlessFollowedBy ?? []).map(tokens),
    unlessPrecededBy: (rule.unlessPrecededBy ?? []).map(tokens),
    unlessContains: (rule.unlessContains ?? []).map(tokens),
  }));
  compiled.set(groupId, rules);
  return rules;
}

function startsAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return findTokenRun(words.slice(at, at + phrase.length), phrase) === 0;
}

/**
 * The food word of `group` found in an ingredient name, or null. "Leche semidesnatada" → "leche";
 * "Bebida de avena" → null for `leche` and "avena" for `gluten`.
 */
export function findGroupTerm(ingredient: string, group: FoodGroupId): string | null {
  const words = tokens(ingredient);
  for (const rule of compile(group)) {
    if (rule.unlessContains.some((phrase) => findTokenRun(words, phrase) >= 0)) continue;
    for (const term of rule.terms) {
      let at = findTokenRun(words, term);
      while (at >= 0) {
        const end = at + term.length;
        const followed = rule.unlessFollowedBy.some((phrase) => startsAt(words, phrase, end));
        const preceded = rule.unlessPrecededBy.some(
          (phrase) => at - phrase.length >= 0 && startsAt(words, phrase, at - phrase.length),
        );
        if (!followed && !preceded) return term.join(' ');
        at = findTokenRun(words, term, at + 1);
      }
    }
  }
  return null;
}

/** An ingredient of a menu that a client restriction rules out. */
export interface RestrictedIngredient {
  tipo_dia: string;
  /** Meal name ("Desayuno"). */
  comida: string;
  /** Dish name ("Tostadas con tomate"). */
  dish: string;
  /** The food's Spanish name from the table, the free text of an older plan, or the dish name. */
  ingredient: string;
  /** The food word that matched ("pan"), or the table food's name when its groups decided. */
  term: string;
  /** What it breaks, for the coach: "cereales con gluten (alergia: gluten)". */
  restriction: string;
}

const KIND_LABEL: Record<RestrictionKind, string> = {
  alergia: 'alergia',
  intolerancia: 'intolerancia',
  patron: 'patrón',
  por_revisar: 'respuesta por confirmar',
};

interface IngredientLike {
  alimento_id?: string;
  alimento?: string;
}

interface MenuLike {
  menus: readonly {
    tipo_dia: string;
    comidas: readonly {
      nombre: string;
      platos: readonly { nombre: string; ingredientes: readonly IngredientLike[] }[];
    }[];
  }[];
}

interface Break {
  term: string;
  restriction: string;
}

/** The names an ingredient goes by: all of its table food's, or the free text of an older plan. */
export function ingredientNames(ingredient: IngredientLike): string[] {
  const food = ingredient.alimento_id ? foodById(ingredient.alimento_id) : undefined;
  return food ? foodNames(food) : [ingredient.alimento ?? ''];
}

/**
 * The restrictions one ingredient breaks. A food of the table is judged by its groups — ids beat
 * words: "bebida de almendra" is a tree nut and not milk whatever its name says, and a name the
 * lexicon has never seen still carries its allergens — and by all its names for the client's
 * named foods and open questions. Free text (older plans, dish names) goes through the lexicon.
 */
function breaksOf(text: string, food: Food | undefined, restrictions: readonly Restriction[]): Break[] {
  const found: Break[] = [];
  for (const restriction of restrictions) {
    for (const group of restriction.groups) {
      const term = food ? (food.groups.includes(group) ? food.name.es : null) : findGroupTerm(text, group);
      if (term === null) continue;
      found.push({
        term,
        restriction: `${FOOD_GROUPS[group].label.es} (${KIND_LABEL[restriction.kind]}: ${restriction.declared})`,
      });
    }
    const word = food
      ? mentionedRestrictionWord(food, restriction)
      : mentionedPhrase(text, restriction.words);
    if (word) {
      found.push({
        term: word.source.replace(/\*$/, ''),
        restriction: `${KIND_LABEL[restriction.kind]}: ${restriction.declared}`,
      });
    }
  }
  return found;
}

function hasGroup(text: string, food: Food | undefined, group: FoodGroupId): string | null {
  if (food) return food.groups.includes(group) ? food.name.es : null;
  return findGroupTerm(text, group);
}

/**
 * Every ingredient of the menus that contains a declared allergen, intolerance or a food the
 * dietary pattern excludes (NUT-14), every dish whose name does, plus dairy served with meat in
 * one meal for kosher clients. Used by the N8 audit and by N6's repair round, so both see the same
 * list.
 */
export function findRestrictedIngredients(
  menu: MenuLike,
  declared: DeclaredRestrictions,
): RestrictedIngredient[] {
  const { restrictions, separateMeatAndDairy } = resolveRestrictions(declared);
  const hits: RestrictedIngredient[] = [];
  for (const day of menu.menus) {
    for (const meal of day.comidas) {
      const meat: RestrictedIngredient[] = [];
      const dairy: RestrictedIngredient[] = [];
      for (const dish of meal.platos) {
        const place = { tipo_dia: day.tipo_dia, comida: meal.nombre, dish: dish.nombre };
        const inDish: RestrictedIngredient[] = [];
        for (const ingredient of dish.ingredientes) {
          const food = ingredient.alimento_id ? foodById(ingredient.alimento_id) : undefined;
          const text = food?.name.es ?? ingredient.alimento ?? ingredient.alimento_id ?? '';
          const at = { ...place, ingredient: text };
          for (const hit of breaksOf(text, food, restrictions)) inDish.push({ ...at, ...hit });
          if (separateMeatAndDairy) {
            const meatTerm = hasGroup(text, food, 'carne');
            const dairyTerm = hasGroup(text, food, 'leche');
            const restriction = 'carne y lácteos en la misma comida (patrón: kosher)';
            if (meatTerm) meat.push({ ...at, term: meatTerm, restriction });
            if (dairyTerm) dairy.push({ ...at, term: dairyTerm, restriction });
          }
        }
        // The client reads the dish name too: "Tostada con mantequilla" is an instruction even when
        // no ingredient is butter. Named once: an ingredient hit already names the dish.
        const named = new Set(inDish.map((hit) => hit.restriction));
        for (const hit of breaksOf(dish.nombre, undefined, restrictions))
          if (!named.has(hit.restriction)) inDish.push({ ...place, ingredient: dish.nombre, ...hit });
        hits.push(...inDish);
      }
      if (meat.length > 0 && dairy.length > 0) hits.push(...dairy);
    }
  }
  return hits;
}
