import { z } from 'zod';
import { DayTypeSchema } from '../agent-outputs/common';
import { IngredientSchema, N6OutputSchema } from '../agent-outputs/menus';
import { N5OutputSchema } from '../agent-outputs/nutrition';

/*
 * The coach's edits to one nutrition plan's menus (issue #16 point 2), one command at a time. Each
 * names its place by day type and 0-based indexes into the stored menu (`menu_plan.menus[]`, its
 * `comidas[]`, their `platos[]` and `ingredientes[]`). Foods, grams, dishes and meal names are held
 * to the bounds N6's own output is held to (src/shared/agent-outputs/menus.ts), and a meal's time to
 * N5's, so an edited menu is never one the pipeline could not have written.
 */

const MealSchema = N6OutputSchema.shape.menus.element.shape.comidas.element;
/** A dish's ingredients: N6's bounds (1–12 foods). */
export const DishIngredientsSchema = MealSchema.shape.platos.element.shape.ingredientes;
const HoraSchema = N5OutputSchema.shape.comidas.element.shape.hora;

const index = z.number().int().min(0);
const FoodId = IngredientSchema.shape.alimento_id;
const Grams = IngredientSchema.shape.cantidad_g;

const meal = { day_type: DayTypeSchema, meal: index };
const item = { ...meal, dish: index, item: index };

export const NutritionEditSchema = z.discriminatedUnion('type', [
  /** Another table food in place of one; without grams, as much as gives the same main nutrient. */
  z.strictObject({ type: z.literal('replace_food'), ...item, food_id: FoodId, grams: Grams.optional() }),
  z.strictObject({ type: z.literal('set_grams'), ...item, grams: Grams }),
  /** A table food added at the end of a dish. */
  z.strictObject({ type: z.literal('add_food'), ...meal, dish: index, food_id: FoodId, grams: Grams }),
  z.strictObject({ type: z.literal('remove_food'), ...item }),
  /** A whole meal's dishes (and optionally its name), in N6's shape. */
  z.strictObject({
    type: z.literal('replace_meal'),
    ...meal,
    nombre: MealSchema.shape.nombre.optional(),
    platos: MealSchema.shape.platos,
  }),
  /**
   * A meal moved to another place of the day (`to`) and/or given another time (`hora`). The time
   * is the timing plan's (N5), which every day type shares.
   */
  z
    .strictObject({
      type: z.literal('move_meal'),
      ...meal,
      to: index.optional(),
      hora: HoraSchema.optional(),
    })
    .refine((edit) => edit.to !== undefined || edit.hora !== undefined, {
      path: ['to'],
      message: 'indica la nueva posición (to), la nueva hora (hora) o ambas',
    }),
]);
export type NutritionEdit = z.infer<typeof NutritionEditSchema>;
export type NutritionEditType = NutritionEdit['type'];
