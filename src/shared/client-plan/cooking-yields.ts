import type { ClientPlanLanguage } from './schema';

/*
 * What a shopper buys for a cooked food of the menu: its raw (dry) form in the food table and the
 * raw grams per cooked gram. The food table (resources/foods/food-table.json) holds each form with
 * its own composition but no relation between them, so the relation is kept here; the factors and
 * their sources ([YLD1]–[YLD3]) are in docs/SOURCES.md "4. Cooking yields (client's shopping list)".
 */

export interface CookingYield {
  /** The food table's id of the form that is bought. */
  rawId: string;
  /** Raw grams per gram of the cooked food. */
  factor: number;
}

export const COOKING_YIELDS: Readonly<Record<string, CookingYield>> = {
  arroz_blanco_cocido: { rawId: 'arroz_blanco_crudo', factor: 0.4 },
  arroz_integral_cocido: { rawId: 'arroz_integral_crudo', factor: 0.4 },
  pasta_cocida: { rawId: 'pasta_cruda', factor: 0.45 },
  pasta_integral_cocida: { rawId: 'pasta_integral_cruda', factor: 0.45 },
  alubias_blancas_cocidas: { rawId: 'alubias_blancas_crudas', factor: 0.4 },
  garbanzos_cocidos: { rawId: 'garbanzos_crudos', factor: 0.4 },
  lentejas_cocidas: { rawId: 'lentejas_crudas', factor: 0.4 },
  boniato_asado: { rawId: 'boniato_crudo', factor: 1.3 },
  patata_cocida: { rawId: 'patata_cruda', factor: 1.15 },
  pollo_pechuga_asada: { rawId: 'pollo_pechuga_cruda', factor: 1.3 },
};

/**
 * How the shopping list names a bought form, saying it is weighed raw or dry ("Arroz integral (en
 * crudo)"); the food table's own name ("Arroz integral, crudo") is the one the menus print.
 */
export const SHOPPING_NAMES: Readonly<Record<string, Readonly<Record<ClientPlanLanguage, string>>>> = {
  arroz_blanco_crudo: { es: 'Arroz blanco (en crudo)', en: 'White rice (uncooked)' },
  arroz_integral_crudo: { es: 'Arroz integral (en crudo)', en: 'Brown rice (uncooked)' },
  pasta_cruda: { es: 'Pasta (en seco)', en: 'Pasta (dry)' },
  pasta_integral_cruda: { es: 'Pasta integral (en seco)', en: 'Whole-wheat pasta (dry)' },
  alubias_blancas_crudas: { es: 'Alubias blancas secas', en: 'White beans (dried)' },
  garbanzos_crudos: { es: 'Garbanzos secos', en: 'Chickpeas (dried)' },
  lentejas_crudas: { es: 'Lentejas secas', en: 'Lentils (dried)' },
  boniato_crudo: { es: 'Boniato (en crudo)', en: 'Sweet potato (raw)' },
  patata_cruda: { es: 'Patata (en crudo, con piel)', en: 'Potato (raw, unpeeled)' },
  pollo_pechuga_cruda: { es: 'Pechuga de pollo sin piel (en crudo)', en: 'Chicken breast, skinless (raw)' },
};

/** The raw form and raw grams of `grams` of a food, or the food itself when it is bought as it is. */
export function boughtForm(foodId: string, grams: number): { foodId: string; grams: number } {
  const cooked = Object.prototype.hasOwnProperty.call(COOKING_YIELDS, foodId)
    ? COOKING_YIELDS[foodId]
    : undefined;
  return cooked ? { foodId: cooked.rawId, grams: grams * cooked.factor } : { foodId, grams };
}

/** Oil density (g/ml) for the list's volumes: olive and sunflower oil ≈ 0.91–0.92 at 20 °C. */
export const OIL_DENSITY_G_PER_ML = 0.92;
