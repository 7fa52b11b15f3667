import type { DayType } from '@shared/agent-outputs/common';
import type { StoredMenuDay } from '@shared/menu-plan';
import type { NutritionEdit } from '@shared/plan-edits';
import type { Meal } from './nutrition-bounds';

type ReplaceMeal = Extract<NutritionEdit, { type: 'replace_meal' }>;
type Platos = ReplaceMeal['platos'];

/** Another meal of the plan that may take a meal's place. */
export interface MealChoice {
  /** `day_type:index`, unique in the plan. */
  id: string;
  day_type: DayType;
  index: number;
  nombre: string;
  /** Its dishes in N6's shape, or null when a food is not in the table (free text of an older plan). */
  platos: Platos | null;
  /** The same meal (by name, or by place when the day names it otherwise) on another day type. */
  sameMeal: boolean;
}

export const mealChoiceId = (dayType: DayType, index: number): string => `${dayType}:${index}`;

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function platosOf(meal: Meal): Platos | null {
  const platos = meal.platos.map((dish) => ({
    nombre: dish.nombre,
    ingredientes: dish.ingredientes.map((i) => ({ alimento_id: i.alimento_id, cantidad_g: i.cantidad_g })),
  }));
  const complete = platos.every((dish) => dish.ingredientes.every((i) => i.alimento_id !== undefined));
  return complete ? (platos as Platos) : null;
}

/**
 * The meals that may replace meal `index` of `dayType`: every other meal of the plan, every day type,
 * in menu order; those that are this same meal on another day type are flagged `sameMeal`.
 */
export function mealChoices(menus: readonly StoredMenuDay[], dayType: DayType, index: number): MealChoice[] {
  const self = menus.find((day) => day.tipo_dia === dayType)?.comidas[index];
  if (!self) return [];
  return menus.flatMap((day) => {
    const named = day.comidas.findIndex((meal) => sameName(meal.nombre, self.nombre));
    const same = named >= 0 ? named : index;
    return day.comidas.flatMap((meal, i) =>
      day.tipo_dia === dayType && i === index
        ? []
        : [
            {
              id: mealChoiceId(day.tipo_dia, i),
              day_type: day.tipo_dia,
              index: i,
              nombre: meal.nombre,
              platos: platosOf(meal),
              sameMeal: day.tipo_dia !== dayType && i === same,
            },
          ],
    );
  });
}

/** The edit that puts `choice`'s dishes in meal `index` of `dayType`, with its name or keeping this one. */
export function replaceMealEdit(
  dayType: DayType,
  index: number,
  choice: MealChoice & { platos: Platos },
  takeName: boolean,
): ReplaceMeal {
  return {
    type: 'replace_meal',
    day_type: dayType,
    meal: index,
    platos: choice.platos,
    ...(takeName ? { nombre: choice.nombre } : {}),
  };
}
