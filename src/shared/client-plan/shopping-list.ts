import { FOOD_CATEGORIES, foodById, foodName, type FoodCategory } from '../foods';
import type { StoredMenuDay } from '../menu-plan';
import { formatNumber } from './format';
import { boughtForm, OIL_DENSITY_G_PER_ML, SHOPPING_NAMES } from './cooking-yields';
import { countableUnit } from './household-measures';
import type { Dictionary } from './i18n';
import type { ClientPlanLanguage, ClientShoppingGroup } from './schema';

/*
 * The week's shopping: every food of each day type's menu times the days of that type in the
 * week, grouped as a shop is. A cooked food is bought raw: it is counted as its raw form
 * (cooking-yields.ts), merged with that form's own grams. Totals are rounded up, so following the
 * list never runs short.
 */

const GROUP_NAMES: Record<FoodCategory, { es: string; en: string }> = {
  proteina_animal: { es: 'Carne y embutidos', en: 'Meat' },
  pescado_marisco: { es: 'Pescado y marisco', en: 'Fish and seafood' },
  huevo: { es: 'Huevos', en: 'Eggs' },
  lacteo: { es: 'Lácteos', en: 'Dairy' },
  proteina_vegetal: { es: 'Proteína vegetal', en: 'Plant protein' },
  legumbre: { es: 'Legumbres', en: 'Pulses' },
  cereal: { es: 'Cereales, pan y pasta', en: 'Grains, bread and pasta' },
  tuberculo: { es: 'Patatas y tubérculos', en: 'Potatoes and tubers' },
  verdura: { es: 'Verduras y hortalizas', en: 'Vegetables' },
  fruta: { es: 'Fruta', en: 'Fruit' },
  fruto_seco_semilla: { es: 'Frutos secos y semillas', en: 'Nuts and seeds' },
  grasa: { es: 'Aceites y grasas', en: 'Oils and fats' },
  condimento: { es: 'Especias y condimentos', en: 'Herbs, spices and condiments' },
  bebida: { es: 'Bebidas', en: 'Drinks' },
  dulce: { es: 'Dulces y otros', en: 'Sweet things and others' },
};

/** A week's grams rounded up for shopping: to 10 g, 50 g from 250 g, 100 g from 1 kg. */
export function shoppingGrams(total: number): number {
  const step = total < 250 ? 10 : total < 1000 ? 50 : 100;
  return Math.ceil(total / step) * step;
}

// A no-break space keeps "750 g" on one line in a narrow column.
const NBSP = '\u00a0';

/** Oils bottled in these sizes (litres); a week's oil is named by the smallest that holds it. */
const BOTTLES_L = [0.25, 0.5, 0.75, 1] as const;

const isOil = (foodId: string | undefined): boolean => foodId?.startsWith('aceite_') ?? false;

/** "120 ml"; from 250 ml with the bottle it fits in: "330 ml (≈ 0,5 l)", "1,4 l (≈ 2 × 1 l)". */
function oilText(grams: number, language: ClientPlanLanguage): string {
  const ml = Math.ceil(grams / OIL_DENSITY_G_PER_ML / 10) * 10;
  const volume =
    ml >= 1000 ? `${formatNumber(ml / 1000, language, 2)}${NBSP}l` : `${formatNumber(ml, language)}${NBSP}ml`;
  if (ml < 250) return volume;
  const bottle = BOTTLES_L.find((size) => size * 1000 >= ml);
  const fits = bottle
    ? `${formatNumber(bottle, language, 2)}${NBSP}l`
    : `${Math.ceil(ml / 1000)} × 1${NBSP}l`;
  return `${volume} (≈${NBSP}${fits})`;
}

function quantityText(foodId: string | undefined, grams: number, language: ClientPlanLanguage): string {
  const weight =
    grams >= 1000
      ? `${formatNumber(grams / 1000, language, 1)}${NBSP}kg`
      : `${formatNumber(grams, language)}${NBSP}g`;
  const unit = countableUnit(foodId, language);
  if (!unit) return weight;
  const count = Math.max(1, Math.ceil(grams / unit.grams));
  if (count > unit.max) return weight;
  return `${count} ${count === 1 ? unit.singular : unit.plural} (${weight})`;
}

export interface WeekMenu {
  menu: StoredMenuDay;
  daysPerWeek: number;
}

/** Exact weekly grams per food key (table id, or the stored name of a free-text ingredient). */
export function weeklyGrams(
  week: readonly WeekMenu[],
): Map<string, { foodId?: string; name: string; grams: number }> {
  const totals = new Map<string, { foodId?: string; name: string; grams: number }>();
  for (const { menu, daysPerWeek } of week) {
    for (const meal of menu.comidas) {
      for (const dish of meal.platos) {
        for (const ingredient of dish.ingredientes) {
          const key = ingredient.alimento_id ?? `text:${ingredient.alimento}`;
          const entry = totals.get(key) ?? {
            ...(ingredient.alimento_id ? { foodId: ingredient.alimento_id } : {}),
            name: ingredient.alimento,
            grams: 0,
          };
          entry.grams += ingredient.cantidad_g * daysPerWeek;
          totals.set(key, entry);
        }
      }
    }
  }
  return totals;
}

/**
 * Exact weekly grams of what is bought: `weeklyGrams` with each cooked food turned into its raw form
 * and merged with it (cooked rice and raw rice → raw rice).
 */
export function shoppingTotals(
  week: readonly WeekMenu[],
): Map<string, { foodId?: string; name: string; grams: number }> {
  const totals = new Map<string, { foodId?: string; name: string; grams: number }>();
  for (const [key, entry] of weeklyGrams(week)) {
    if (!entry.foodId) {
      totals.set(key, { ...entry });
      continue;
    }
    const bought = boughtForm(entry.foodId, entry.grams);
    const merged = totals.get(bought.foodId) ?? { foodId: bought.foodId, name: entry.name, grams: 0 };
    merged.grams += bought.grams;
    totals.set(bought.foodId, merged);
  }
  return totals;
}

function shoppingName(foodId: string, language: ClientPlanLanguage): string {
  return Object.prototype.hasOwnProperty.call(SHOPPING_NAMES, foodId)
    ? (SHOPPING_NAMES[foodId]?.[language] ?? foodName(foodId, language))
    : foodName(foodId, language);
}

export function buildShoppingList(
  week: readonly WeekMenu[],
  language: ClientPlanLanguage,
  dict: Dictionary,
): ClientShoppingGroup[] {
  const byGroup = new Map<string, { name: string; grams: number; quantity: string }[]>();
  for (const entry of shoppingTotals(week).values()) {
    if (entry.grams <= 0) continue;
    const food = entry.foodId ? foodById(entry.foodId) : undefined;
    const group = food ? GROUP_NAMES[food.category][language] : dict.otherGroup;
    const grams = shoppingGrams(entry.grams);
    const name = food ? shoppingName(food.id, language) : entry.name;
    const items = byGroup.get(group) ?? [];
    // An oil's volume comes from the exact grams: rounding twice would add a spoonful each time.
    const quantity = isOil(food?.id)
      ? oilText(entry.grams, language)
      : quantityText(food?.id, grams, language);
    items.push({ name, grams, quantity });
    byGroup.set(group, items);
  }
  const order = [...FOOD_CATEGORIES.map((c) => GROUP_NAMES[c][language]), dict.otherGroup];
  const collator = new Intl.Collator(language === 'es' ? 'es-ES' : 'en-GB');
  return order
    .filter((group) => byGroup.has(group))
    .map((group) => ({
      group,
      items: (byGroup.get(group) ?? []).sort((a, b) => collator.compare(a.name, b.name)),
    }));
}
