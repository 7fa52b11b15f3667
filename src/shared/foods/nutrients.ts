import type { Food, Nutrients } from './food-table';

/*
 * Arithmetic on nutrients. Scaling and summing keep full precision; rounding happens once, at the
 * end, so a day of twenty items does not accumulate twenty rounding errors.
 */

const ZERO: Nutrients = Object.freeze({ kcal: 0, proteina_g: 0, carbohidratos_g: 0, grasa_g: 0, fibra_g: 0 });

/** What `grams` of the food provide (per-100 g values scaled, not rounded). */
export function nutrientsFor(food: Food, grams: number): Nutrients {
  // A negative or NaN weight would silently subtract from a day's total.
  if (!Number.isFinite(grams) || grams < 0) {
    throw new RangeError(`grams must be a finite number ≥ 0, got ${grams} for ${food.id}`);
  }
  const f = grams / 100;
  const n = food.per100g;
  return {
    kcal: n.kcal * f,
    proteina_g: n.proteina_g * f,
    carbohidratos_g: n.carbohidratos_g * f,
    grasa_g: n.grasa_g * f,
    fibra_g: n.fibra_g * f,
  };
}

export function sumNutrients(list: readonly Nutrients[]): Nutrients {
  return list.reduce<Nutrients>(
    (sum, n) => ({
      kcal: sum.kcal + n.kcal,
      proteina_g: sum.proteina_g + n.proteina_g,
      carbohidratos_g: sum.carbohidratos_g + n.carbohidratos_g,
      grasa_g: sum.grasa_g + n.grasa_g,
      fibra_g: sum.fibra_g + n.fibra_g,
    }),
    { ...ZERO },
  );
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/** For display and storage: kcal to the unit, grams to 0.1 g. */
export function roundNutrients(n: Nutrients): Nutrients {
  return {
    kcal: Math.round(n.kcal),
    proteina_g: tenth(n.proteina_g),
    carbohidratos_g: tenth(n.carbohidratos_g),
    grasa_g: tenth(n.grasa_g),
    fibra_g: tenth(n.fibra_g),
  };
}
