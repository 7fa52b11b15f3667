import { foodById, nutrientsFor, roundNutrients, sumNutrients } from '../../../../src/shared/foods';
import { MenuPlanSchema, type MenuPlan, type StoredMenuDay } from '../../../../src/shared/menu-plan';
import { applyNutritionEdit, type NutritionEdit } from '../../../../src/shared/plan-edits';
import type { NutritionPlanDocument } from '../../../../src/shared/plans';
import { storedPlans } from '../client-plan/stored-plans';

/** Helpers of the nutrition edit tests, on the stored-plan fixtures. */

export const lactose = () => storedPlans('rodillaLactosa', 'es').nutrition;
export const coeliac = () => storedPlans('celiacaEnCasa', 'en').nutrition;

export const menuOf = (plan: NutritionPlanDocument): MenuPlan =>
  MenuPlanSchema.parse(plan.nutrition.menu_plan);
export const dayOf = (plan: NutritionPlanDocument, type: string): StoredMenuDay => {
  const day = menuOf(plan).menus.find((d) => d.tipo_dia === type);
  if (!day) throw new Error(`no ${type} day`);
  return day;
};

/** The day's totals summed by hand from the table, rounded as stored. */
export function tableSum(day: StoredMenuDay) {
  const parts = day.comidas.flatMap((m) =>
    m.platos.flatMap((p) =>
      p.ingredientes.map((i) => {
        const food = foodById(i.alimento_id ?? '');
        if (!food) throw new Error(`unknown ${i.alimento_id}`);
        return nutrientsFor(food, i.cantidad_g);
      }),
    ),
  );
  return roundNutrients(sumNutrients(parts));
}

export function applied(plan: NutritionPlanDocument, edit: NutritionEdit): NutritionPlanDocument {
  const result = applyNutritionEdit(plan, edit);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.plan;
}

export function refused(plan: NutritionPlanDocument, edit: unknown) {
  const result = applyNutritionEdit(plan, edit as NutritionEdit);
  if (result.ok) throw new Error('edit was applied');
  return result.errors;
}

export const at = { day_type: 'medio', meal: 1, dish: 0, item: 0 } as const;
