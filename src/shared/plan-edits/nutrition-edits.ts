import type { z } from 'zod';
import { IngredientSchema } from '../agent-outputs/menus';
import { N5OutputSchema } from '../agent-outputs/nutrition';
import type { FieldError } from '../field-error';
import { foodById, type Food } from '../foods';
import type { DeclaredRestrictions } from '../foods/restrictions';
import { MenuPlanSchema, type MenuPlan, type StoredIngredient, type StoredMenuDay } from '../menu-plan';
import { menuDayTotals, storedIngredient } from '../menu-totals';
import type { NutritionPlanDocument } from '../plans';
import { SPANISH_ZOD_ERRORS } from '../zod-field-errors';
import { DishIngredientsSchema, NutritionEditSchema, type NutritionEdit } from './nutrition-edit-schema';
import { clientRestrictions, foodPolicy, type FoodPolicy } from './nutrition-food-options';
import { sameMainNutrientGrams } from './nutrition-grams';

/*
 * One coach edit applied to a stored nutrition plan, as a pure function: the input document is
 * never touched; the result is a new document whose edited day has its `totales` recomputed from the
 * food table exactly as N6 stores them (src/shared/menu-totals.ts), or the edit's errors, each
 * naming its field (`edit.food_id`, `edit.meal`…) in Spanish. A food the client must not eat is
 * refused with the reason (nutrition-food-options.ts). Persisting the new version, re-running the
 * audit and the editor's screens are the next steps of issue #16.
 */

export type NutritionEditResult =
  { ok: true; plan: NutritionPlanDocument } | { ok: false; errors: FieldError[] };

const DAY_ES = { alto: 'día alto', medio: 'día medio', bajo: 'día bajo' } as const;

class EditError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

function fail(field: string, code: string, message: string): never {
  throw new EditError([{ field, code, message: `${field}: ${message}` }]);
}

/** `list[index]`, or an error naming the field: "índice 9 fuera de rango: el menú del día medio tiene 4 comidas (0–3)". */
function at<T>(list: readonly T[], index: number, field: string, holder: string, noun: string): T {
  const found = list[index];
  if (found === undefined)
    fail(
      field,
      'out_of_range',
      `índice ${index} fuera de rango: ${holder} tiene ${list.length} ${noun} (0–${list.length - 1})`,
    );
  return found;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
}

/** The edit's own field errors, in Spanish; a food id outside the table says so. */
function editErrors(edit: unknown, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = ['edit', ...issue.path.map(String)].join('.');
    const key = issue.path.at(-1);
    const message =
      issue.code === 'invalid_value' && (key === 'food_id' || key === 'alimento_id')
        ? `«${String(valueAt(edit, issue.path))}» no está en la tabla de alimentos`
        : issue.message;
    return { field, code: issue.code, message: `${field}: ${message}` };
  });
}

function refuseRestricted(policy: FoodPolicy, food: Food, field: string): void {
  const verdict = policy(food);
  if (!verdict.allowed) fail(field, 'restricted', verdict.reason.es);
}

function checkIngredientCount(ingredients: readonly StoredIngredient[], field: string): void {
  const counted = DishIngredientsSchema.safeParse(
    ingredients.map((i) => ({ alimento_id: i.alimento_id ?? '', cantidad_g: i.cantidad_g })),
    { error: SPANISH_ZOD_ERRORS },
  );
  const issue = counted.error?.issues.find((i) => i.path.length === 0);
  if (issue)
    fail(field, issue.code, `el plato quedaría con ${ingredients.length} alimentos: ${issue.message}`);
}

interface Context {
  policy: FoodPolicy;
  language: 'es' | 'en';
}

function editDay(day: StoredMenuDay, edit: NutritionEdit, ctx: Context): void {
  const meal = at(day.comidas, edit.meal, 'edit.meal', `el menú del ${DAY_ES[edit.day_type]}`, 'comidas');
  if (edit.type === 'move_meal') {
    if (edit.to !== undefined) {
      at(day.comidas, edit.to, 'edit.to', `el menú del ${DAY_ES[edit.day_type]}`, 'comidas');
      day.comidas.splice(edit.meal, 1);
      day.comidas.splice(edit.to, 0, meal);
    }
    return;
  }
  if (edit.type === 'replace_meal') {
    edit.platos.forEach((dish, d) =>
      dish.ingredientes.forEach((ingredient, i) => {
        const food = foodById(ingredient.alimento_id);
        if (food) refuseRestricted(ctx.policy, food, `edit.platos.${d}.ingredientes.${i}.alimento_id`);
      }),
    );
    meal.nombre = edit.nombre ?? meal.nombre;
    meal.platos = edit.platos.map((dish) => ({
      nombre: dish.nombre,
      ingredientes: dish.ingredientes.map((i) => storedIngredient(i.alimento_id, i.cantidad_g, ctx.language)),
    }));
    return;
  }
  const dish = at(meal.platos, edit.dish, 'edit.dish', `la comida «${meal.nombre}»`, 'platos');
  if (edit.type === 'add_food') {
    const food = foodById(edit.food_id);
    if (food) refuseRestricted(ctx.policy, food, 'edit.food_id');
    const next = [...dish.ingredientes, storedIngredient(edit.food_id, edit.grams, ctx.language)];
    checkIngredientCount(next, 'edit.dish');
    dish.ingredientes = next;
    return;
  }
  const item = at(dish.ingredientes, edit.item, 'edit.item', `el plato «${dish.nombre}»`, 'ingredientes');
  switch (edit.type) {
    case 'set_grams':
      item.cantidad_g = edit.grams;
      return;
    case 'remove_food': {
      const next = dish.ingredientes.filter((_, i) => i !== edit.item);
      checkIngredientCount(next, 'edit.item');
      dish.ingredientes = next;
      return;
    }
    case 'replace_food': {
      const food = foodById(edit.food_id);
      if (!food)
        return fail('edit.food_id', 'invalid_value', `«${edit.food_id}» no está en la tabla de alimentos`);
      refuseRestricted(ctx.policy, food, 'edit.food_id');
      const grams = edit.grams ?? defaultGrams(item, food);
      dish.ingredientes[edit.item] = storedIngredient(food.id, grams, ctx.language);
      return;
    }
  }
}

/** Grams of `food` that give what the replaced item gave of its main nutrient, within N6's bounds. */
function defaultGrams(item: StoredIngredient, food: Food): number {
  const old = item.alimento_id ? foodById(item.alimento_id) : undefined;
  if (!old)
    fail(
      'edit.grams',
      'required',
      `«${item.alimento}» no tiene valores en la tabla; indica los gramos del nuevo alimento`,
    );
  const { grams, nutrient } = sameMainNutrientGrams(old, item.cantidad_g, food);
  const bounded = IngredientSchema.shape.cantidad_g.safeParse(grams, { error: SPANISH_ZOD_ERRORS });
  if (!bounded.success)
    fail(
      'edit.grams',
      'out_of_range',
      `harían falta ${grams} g de «${food.name.es}» para igualar ${nutrient} de ${item.cantidad_g} g de «${old.name.es}» (${bounded.error.issues[0]?.message ?? ''}); indica los gramos`,
    );
  return grams;
}

function withTime(
  plan: NutritionPlanDocument,
  mealName: string,
  hora: string,
): NutritionPlanDocument['nutrition'] {
  const timing = N5OutputSchema.safeParse(plan.nutrition.timing_plan);
  const index = timing.success ? timing.data.comidas.findIndex((c) => c.nombre === mealName) : -1;
  if (!timing.success || index < 0)
    fail('edit.hora', 'no_time', `el plan no guarda la hora de «${mealName}»`);
  const comidas = timing.data.comidas.map((c, i) => (i === index ? { ...c, hora } : c));
  return { ...plan.nutrition, timing_plan: { ...plan.nutrition.timing_plan, comidas } };
}

/**
 * Applies one edit to a stored nutrition plan. `restrictions` defaults to the client's as the plan
 * stored them (N0's facts); pass them when they come from elsewhere, null when they are unknown
 * (then only foods already on the menu may be added).
 */
export function applyNutritionEdit(
  plan: NutritionPlanDocument,
  edit: NutritionEdit,
  restrictions: DeclaredRestrictions | null = clientRestrictions(plan),
): NutritionEditResult {
  const parsedEdit = NutritionEditSchema.safeParse(edit, { error: SPANISH_ZOD_ERRORS });
  if (!parsedEdit.success) return { ok: false, errors: editErrors(edit, parsedEdit.error.issues) };
  const parsedMenu = MenuPlanSchema.safeParse(plan.nutrition.menu_plan);
  if (!parsedMenu.success) {
    const field = 'nutrition.menu_plan';
    return {
      ok: false,
      errors: [{ field, code: 'unreadable', message: `${field}: el menú guardado no se puede leer` }],
    };
  }
  const valid = parsedEdit.data;
  const menu: MenuPlan = structuredClone(parsedMenu.data);
  try {
    const day = menu.menus.find((d) => d.tipo_dia === valid.day_type);
    if (!day) fail('edit.day_type', 'not_found', `el plan no tiene menú para el ${DAY_ES[valid.day_type]}`);
    const mealName = day.comidas[valid.meal]?.nombre ?? '';
    const ctx: Context = { policy: foodPolicy(plan, restrictions), language: plan.language };
    editDay(day, valid, ctx);
    day.totales = menuDayTotals(day).totals;
    const nutrition =
      valid.type === 'move_meal' && valid.hora !== undefined
        ? withTime(plan, mealName, valid.hora)
        : plan.nutrition;
    // A whole new document: the result shares nothing with the input (a caller may edit either).
    return {
      ok: true,
      plan: structuredClone({
        ...plan,
        nutrition: { ...nutrition, menu_plan: { ...plan.nutrition.menu_plan, ...menu } },
      }),
    };
  } catch (error) {
    if (error instanceof EditError) return { ok: false, errors: error.errors };
    throw error;
  }
}
