import { z } from 'zod';
import { DayTypeSchema } from './agent-outputs/common';
import { MacroDaySchema, type MacroDay } from './plan-content';

/*
 * The stored menu (`nutrition.menu_plan`): N6's choice of foods and grams, with what code derived
 * from it — each food's name in the plan's language and each day's totals from the food table next
 * to the day's targets (docs/DOMAIN.md "Menus: foods by id, totals by code"). The totals are for
 * showing; the N8 audit recomputes them from ids and grams, never reads them.
 *
 * Plans stored before the food table named ingredients in free text only: `alimento_id`, `totales`
 * and `objetivo` are optional so those plans still open.
 */

/** EFSA adequate intake of dietary fibre for adults (2010): 25 g/day; NUT-16 warns below it. */
export const FIBRE_MIN_G = 25;

export const NutrientTotalsSchema = z.object({
  kcal: z.number(),
  proteina_g: z.number(),
  carbohidratos_g: z.number(),
  grasa_g: z.number(),
  fibra_g: z.number(),
});
export type NutrientTotals = z.infer<typeof NutrientTotalsSchema>;

/** A day type's targets are the macro design's day: the menu is held to exactly what N3 designed. */
export const MenuTargetSchema = MacroDaySchema;
export type MenuTarget = MacroDay;

export const StoredIngredientSchema = z.object({
  alimento_id: z.string().optional(),
  /** The food's name in the plan's language (from the table), or the free text of an older plan. */
  alimento: z.string(),
  cantidad_g: z.number(),
});
export type StoredIngredient = z.infer<typeof StoredIngredientSchema>;

export const StoredMenuDaySchema = z.object({
  tipo_dia: DayTypeSchema,
  comidas: z.array(
    z.object({
      nombre: z.string(),
      platos: z.array(z.object({ nombre: z.string(), ingredientes: z.array(StoredIngredientSchema) })),
    }),
  ),
  totales: NutrientTotalsSchema.optional(),
  objetivo: MenuTargetSchema.optional(),
});
export type StoredMenuDay = z.infer<typeof StoredMenuDaySchema>;

export const MenuPlanSchema = z.object({
  menus: z.array(StoredMenuDaySchema),
  equivalencias: z.array(z.string()),
});
export type MenuPlan = z.infer<typeof MenuPlanSchema>;
