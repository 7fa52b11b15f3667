import { FOOD_CATEGORIES, foodById, foodName, type FoodCategory } from '../foods';
import type { StoredMenuDay } from '../menu-plan';
import { formatNumber } from './format';
import { countableUnit } from './household-measures';
import type { Dictionary } from './i18n';
import type { ClientPlanLanguage, ClientShoppingGroup } from './schema';

/*
 * The week's shopping: every food of each day type's menu times the days of that type in the
 * week, grouped as a shop is. Totals are rounded up, so following the list never runs short.
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

export function buildShoppingList(
  week: readonly WeekMenu[],
  language: ClientPlanLanguage,
  dict: Dictionary,
): ClientShoppingGroup[] {
  const byGroup = new Map<string, { name: string; grams: number; quantity: string }[]>();
  for (const entry of weeklyGrams(week).values()) {
    if (entry.grams <= 0) continue;
    const food = entry.foodId ? foodById(entry.foodId) : undefined;
    const group = food ? GROUP_NAMES[food.category][language] : dict.otherGroup;
    const grams = shoppingGrams(entry.grams);
    const name = food ? foodName(food.id, language) : entry.name;
    const items = byGroup.get(group) ?? [];
    items.push({ name, grams, quantity: quantityText(food?.id, grams, language) });
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
