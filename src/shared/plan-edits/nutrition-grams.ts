import type { Food } from '../foods';

/*
 * The default grams of a food that replaces another: as much as gives the same amount of the
 * replaced food's main nutrient — the macronutrient that brings most of its energy (chicken →
 * protein, rice → carbohydrate, oil → fat) — rounded to 5 g. When the new food has none of it, the
 * same energy; when neither food has energy to speak of (water, spices), the same grams.
 */

export type MainNutrient = 'proteina_g' | 'carbohidratos_g' | 'grasa_g';

const KCAL_PER_G: Record<MainNutrient, number> = { proteina_g: 4, carbohidratos_g: 4, grasa_g: 9 };

const LABEL_ES: Record<MainNutrient | 'kcal' | 'cantidad', string> = {
  proteina_g: 'la proteína',
  carbohidratos_g: 'los hidratos',
  grasa_g: 'la grasa',
  kcal: 'la energía',
  cantidad: 'la cantidad',
};

/** The macronutrient that brings most of a food's energy. */
export function mainNutrient(food: Food): MainNutrient {
  const n = food.per100g;
  const energy = (key: MainNutrient) => n[key] * KCAL_PER_G[key];
  return (['proteina_g', 'carbohidratos_g', 'grasa_g'] as const).reduce((best, key) =>
    energy(key) > energy(best) ? key : best,
  );
}

const roundTo5 = (grams: number) => Math.max(5, Math.round(grams / 5) * 5);

/** Grams of `next` matching `grams` of `replaced`, and what was matched (Spanish, for messages). */
export function sameMainNutrientGrams(
  replaced: Food,
  grams: number,
  next: Food,
): { grams: number; nutrient: string } {
  const key = mainNutrient(replaced);
  const given = replaced.per100g[key] * grams;
  if (given > 0 && next.per100g[key] > 0)
    return { grams: roundTo5(given / next.per100g[key]), nutrient: LABEL_ES[key] };
  const kcal = replaced.per100g.kcal * grams;
  if (kcal > 0 && next.per100g.kcal > 0)
    return { grams: roundTo5(kcal / next.per100g.kcal), nutrient: LABEL_ES.kcal };
  return { grams: roundTo5(grams), nutrient: LABEL_ES.cantidad };
}
