import { z } from 'zod';
import { FOOD_IDS } from '../foods';
import { DayTypeSchema } from './common';

/*
 * N6's output on its own module: its schema names every id of the food table, so importing it loads
 * the table. The renderer reads stored menus through menu-plan.ts and never needs this file.
 */

/**
 * A food of the composition table (resources/foods) by id, with its grams in the state the table
 * names (raw rice, cooked chickpeas…). The model never writes a food's name or nutrients: code
 * takes both from the table, so totals and allergens come from data, not from the model's words.
 */
export const IngredientSchema = z.object({
  alimento_id: z.enum(FOOD_IDS),
  cantidad_g: z.number().min(1).max(1000),
});

/** N6 Menús: real meals with portions, one menu per day type the week uses. */
export const N6OutputSchema = z.object({
  menus: z
    .array(
      z.object({
        tipo_dia: DayTypeSchema,
        comidas: z
          .array(
            z.object({
              nombre: z.string().min(1).max(60),
              platos: z
                .array(
                  z.object({
                    nombre: z.string().min(1).max(120),
                    ingredientes: z.array(IngredientSchema).min(1).max(12),
                  }),
                )
                .min(1)
                .max(4),
            }),
          )
          .min(2)
          .max(7),
      }),
    )
    .min(1)
    .max(3),
  equivalencias: z.array(z.string().max(300)).max(20),
});
export type N6Output = z.infer<typeof N6OutputSchema>;
