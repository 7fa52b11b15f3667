import { FOODS, foodById, foodName, type Food, type FoodCategory, type Nutrients } from '../foods';
import type { StoredIngredient } from '../menu-plan';
import { formatNumber } from './format';
import type { Dictionary } from './i18n';
import type { SwapPolicy } from './restrictions';
import type { ClientPlanLanguage } from './schema';

/*
 * Swaps per meal: for the meal's main foods, the closest foods of the same group the client may
 * eat, in the amount that gives the same amount of the nutrient the food is there for (protein for
 * meat, fish, eggs, dairy and legumes; carbohydrate for cereals, tubers and fruit; fat for nuts and
 * fats). Vegetables, drinks, condiments and sweets are left as they are.
 */

type Key = keyof Pick<Nutrients, 'proteina_g' | 'carbohidratos_g' | 'grasa_g'>;

const KEY_NUTRIENT: Partial<Record<FoodCategory, Key>> = {
  proteina_animal: 'proteina_g',
  pescado_marisco: 'proteina_g',
  huevo: 'proteina_g',
  lacteo: 'proteina_g',
  proteina_vegetal: 'proteina_g',
  legumbre: 'proteina_g',
  cereal: 'carbohidratos_g',
  tuberculo: 'carbohidratos_g',
  fruta: 'carbohidratos_g',
  fruto_seco_semilla: 'grasa_g',
  grasa: 'grasa_g',
};

const MAX_SWAPPED_PER_MEAL = 3;
const OPTIONS_PER_FOOD = 2;

const roundTo5 = (grams: number): number => Math.max(5, Math.round(grams / 5) * 5);

/** How far a swap's other macros land from the original's, per portion. */
function distance(original: Food, grams: number, candidate: Food, candidateGrams: number): number {
  const macros: Key[] = ['proteina_g', 'carbohidratos_g', 'grasa_g'];
  return macros.reduce(
    (sum, m) => sum + Math.abs((original.per100g[m] * grams - candidate.per100g[m] * candidateGrams) / 100),
    0,
  );
}

interface Option {
  food: Food;
  grams: number;
  score: number;
}

function optionsFor(
  original: Food,
  grams: number,
  policy: SwapPolicy,
  menuFoods: ReadonlySet<string>,
): Option[] {
  const key = KEY_NUTRIENT[original.category];
  if (!key || original.per100g[key] <= 0) return [];
  const options: Option[] = [];
  for (const food of FOODS) {
    if (food.id === original.id || food.category !== original.category) continue;
    if (!policy.allows(food) || (policy.menuFoodsOnly && !menuFoods.has(food.id))) continue;
    if (food.per100g[key] < original.per100g[key] * 0.3) continue;
    const swapGrams = roundTo5((grams * original.per100g[key]) / food.per100g[key]);
    if (swapGrams > grams * 2.5 || swapGrams < grams * 0.4) continue;
    // Foods already on the client's menu come first: the client knows and buys them.
    const familiar = menuFoods.has(food.id) ? 0 : 1;
    options.push({
      food,
      grams: swapGrams,
      score: familiar * 1000 + distance(original, grams, food, swapGrams),
    });
  }
  return options
    .sort((a, b) => a.score - b.score || (a.food.id < b.food.id ? -1 : 1))
    .slice(0, OPTIONS_PER_FOOD);
}

/** Swap sentences for one meal's ingredients. */
export function mealSubstitutions(
  ingredients: readonly StoredIngredient[],
  policy: SwapPolicy,
  menuFoods: ReadonlySet<string>,
  language: ClientPlanLanguage,
  dict: Dictionary,
): string[] {
  const main = ingredients
    .map((ingredient) => ({
      ingredient,
      food: ingredient.alimento_id ? foodById(ingredient.alimento_id) : undefined,
    }))
    .flatMap((x) => {
      const key = x.food ? KEY_NUTRIENT[x.food.category] : undefined;
      if (!x.food || !key) return [];
      return [
        {
          ingredient: x.ingredient,
          food: x.food,
          weight: (x.food.per100g[key] * x.ingredient.cantidad_g) / 100,
        },
      ];
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SWAPPED_PER_MEAL);
  const out: string[] = [];
  for (const { ingredient, food } of main) {
    const options = optionsFor(food, ingredient.cantidad_g, policy, menuFoods);
    if (options.length === 0) continue;
    const amount = (grams: number, id: string) =>
      dict.gramsOf(formatNumber(Math.round(grams), language), foodName(id, language));
    out.push(
      dict.swap(
        amount(ingredient.cantidad_g, food.id),
        options.map((o) => amount(o.grams, o.food.id)),
      ),
    );
  }
  return out;
}
