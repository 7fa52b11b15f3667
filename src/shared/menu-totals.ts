import { foodById, foodName, nutrientsFor, roundNutrients, sumNutrients, type Nutrients } from './foods';
import type { MenuTarget, StoredIngredient } from './menu-plan';

/*
 * A menu day's totals from the food table and their distance to the day type's targets: what N6
 * stores (`totales`), what NUT-13 audits (src/main/pipeline/audits/menu-targets.ts) and what the
 * coach's menu editor shows as the coach edits (src/shared/plan-edits). One computation, so the
 * editor never shows a number the audit would not.
 */

export type ComparedNutrient = keyof MenuTarget;

/**
 * Relative deviation from the target that warns and that blocks. Energy is held tightest (the
 * plan's whole point; ±10 % is the QA tolerance used for menus built from a food database), protein
 * next (a menu with a fraction of the protein target undoes the macro design), carbohydrate and fat
 * loosest, because a real menu trades one for the other.
 */
export const MENU_TOLERANCES: Record<
  ComparedNutrient,
  { warn: number; block: number; label: string; unit: string }
> = {
  kcal: { warn: 0.05, block: 0.1, label: 'energía', unit: 'kcal' },
  proteina_g: { warn: 0.1, block: 0.15, label: 'proteína', unit: 'g' },
  carbohidratos_g: { warn: 0.15, block: 0.25, label: 'hidratos', unit: 'g' },
  grasa_g: { warn: 0.15, block: 0.25, label: 'grasa', unit: 'g' },
};

interface IngredientLike {
  readonly alimento_id?: string;
  readonly alimento?: string;
  readonly cantidad_g: number;
}
export interface MenuDayLike {
  readonly tipo_dia: string;
  readonly comidas: readonly {
    readonly platos: readonly { readonly ingredientes: readonly IngredientLike[] }[];
  }[];
}

/** A table food as the stored menu keeps it: its id, its name in the plan's language, its grams. */
export function storedIngredient(alimentoId: string, grams: number, language: 'es' | 'en'): StoredIngredient {
  return { alimento_id: alimentoId, alimento: foodName(alimentoId, language), cantidad_g: grams };
}

/** A day's totals from the table, and the ingredients it could not count (no known id). */
export function menuDayTotals(day: MenuDayLike): { totals: Nutrients; unknown: string[] } {
  const parts: Nutrients[] = [];
  const unknown: string[] = [];
  for (const meal of day.comidas)
    for (const dish of meal.platos)
      for (const ingredient of dish.ingredientes) {
        const food = ingredient.alimento_id ? foodById(ingredient.alimento_id) : undefined;
        if (food) parts.push(nutrientsFor(food, ingredient.cantidad_g));
        else unknown.push(ingredient.alimento_id ?? ingredient.alimento ?? '?');
      }
  return { totals: roundNutrients(sumNutrients(parts)), unknown };
}

export interface NutrientComparison {
  nutrient: ComparedNutrient;
  total: number;
  target: number;
  /** Signed, relative to the target; 0 when the target is 0 (nothing to compare with). */
  ratio: number;
  level: 'ok' | 'warn' | 'block';
}

/** Every compared nutrient of a day against its target, at MENU_TOLERANCES. */
export function compareToTarget(totals: Nutrients, target: MenuTarget): NutrientComparison[] {
  return (Object.keys(MENU_TOLERANCES) as ComparedNutrient[]).map((nutrient) => {
    const goal = target[nutrient];
    const total = totals[nutrient];
    if (goal <= 0) return { nutrient, total, target: goal, ratio: 0, level: 'ok' };
    const ratio = (total - goal) / goal;
    const tolerance = MENU_TOLERANCES[nutrient];
    const level =
      Math.abs(ratio) > tolerance.block ? 'block' : Math.abs(ratio) > tolerance.warn ? 'warn' : 'ok';
    return { nutrient, total, target: goal, ratio, level };
  });
}

export interface Deviation extends NutrientComparison {
  level: 'warn' | 'block';
}

/** The nutrients past their warning or blocking tolerance. */
export function deviationsFromTarget(totals: Nutrients, target: MenuTarget): Deviation[] {
  return compareToTarget(totals, target).filter((c): c is Deviation => c.level !== 'ok');
}
