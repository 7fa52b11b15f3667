import type { DayType } from '../agent-outputs/common';
import { readNutrition } from '../client-plan/read-plans';
import type { Nutrients } from '../foods';
import { FIBRE_MIN_G, MenuPlanSchema, type MenuTarget } from '../menu-plan';
import { compareToTarget, MENU_TOLERANCES, menuDayTotals, type NutrientComparison } from '../menu-totals';
import type { NutritionPlanDocument } from '../plans';

/*
 * What the menu editor shows as the coach types: a day type's totals from the food table next to its
 * targets, each nutrient's deviation at the tolerances NUT-13 audits with (MENU_TOLERANCES), and the
 * fibre against NUT-16's minimum. Totals are recomputed from ids and grams, never read from the
 * stored `totales`, so they are right even for a document edited by hand.
 */

export interface NutrientAgainstTarget extends NutrientComparison {
  /** The tolerances the level was judged with (relative: 0.05 = ±5 %). */
  tolerance: { warn: number; block: number };
}

export interface DayTotalsAgainstTargets {
  day_type: DayType;
  totals: Nutrients;
  /** The day type's targets (the menu's stored `objetivo`, else the macro design's); null if neither reads. */
  targets: MenuTarget | null;
  /** One per compared nutrient (kcal, protein, carbohydrate, fat); empty without targets. */
  nutrients: NutrientAgainstTarget[];
  fibre: { total: number; min: number; low: boolean };
  /** Ingredients without a table food (older plans' free text): not counted in the totals. */
  unknown: string[];
  /** The worst level of the compared nutrients: what NUT-13 would say of this day. */
  level: 'ok' | 'warn' | 'block';
}

/** The day type's totals against its targets, or null when the plan has no readable menu for it. */
export function dayTotalsAgainstTargets(
  plan: NutritionPlanDocument,
  dayType: DayType,
): DayTotalsAgainstTargets | null {
  const menu = MenuPlanSchema.safeParse(plan.nutrition.menu_plan);
  const day = menu.success ? menu.data.menus.find((d) => d.tipo_dia === dayType) : undefined;
  if (!day) return null;
  const { totals, unknown } = menuDayTotals(day);
  const targets = day.objetivo ?? readNutrition(plan).macros?.por_tipo_dia[dayType] ?? null;
  const nutrients = targets
    ? compareToTarget(totals, targets).map((c) => ({
        ...c,
        tolerance: { warn: MENU_TOLERANCES[c.nutrient].warn, block: MENU_TOLERANCES[c.nutrient].block },
      }))
    : [];
  const level = nutrients.some((n) => n.level === 'block')
    ? 'block'
    : nutrients.some((n) => n.level === 'warn')
      ? 'warn'
      : 'ok';
  return {
    day_type: dayType,
    totals,
    targets,
    nutrients,
    fibre: { total: totals.fibra_g, min: FIBRE_MIN_G, low: totals.fibra_g < FIBRE_MIN_G },
    unknown,
    level,
  };
}
