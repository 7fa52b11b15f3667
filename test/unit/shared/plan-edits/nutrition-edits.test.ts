import { describe, expect, it } from 'vitest';
import { foodById } from '../../../../src/shared/foods';
import { applyNutritionEdit } from '../../../../src/shared/plan-edits';
import { mainNutrient } from '../../../../src/shared/plan-edits/nutrition-grams';
import { applied, at, coeliac, dayOf, lactose, refused, tableSum } from './nutrition-fixtures';

describe('applyNutritionEdit', () => {
  it('replace_food with grams: new food named in the plan language, totals from the table', () => {
    const plan = lactose();
    const before = structuredClone(plan);
    const edited = applied(plan, { type: 'replace_food', ...at, food_id: 'pollo_pechuga_cruda', grams: 150 });
    const day = dayOf(edited, 'medio');
    expect(day.comidas[1]?.platos[0]?.ingredientes[0]).toEqual({
      alimento_id: 'pollo_pechuga_cruda',
      alimento: foodById('pollo_pechuga_cruda')?.name.es,
      cantidad_g: 150,
    });
    expect(day.totales).toEqual(tableSum(day));
    expect(day.totales).not.toEqual(dayOf(plan, 'medio').totales);
    expect(day.objetivo).toEqual(dayOf(plan, 'medio').objetivo);
    // The other day and the input document are untouched.
    expect(dayOf(edited, 'bajo')).toEqual(dayOf(plan, 'bajo'));
    expect(plan).toEqual(before);
    // …and shares no object with it: changing the result leaves the input as it was.
    (edited.nutrition.profile as Record<string, unknown>)['edited_later'] = true;
    expect(plan).toEqual(before);
  });

  it('replace_food without grams: same main nutrient as the replaced food, rounded to 5 g', () => {
    const plan = lactose();
    const old = dayOf(plan, 'medio').comidas[1]?.platos[0]?.ingredientes[0];
    expect(old?.alimento_id).toBe('atun_crudo');
    const tuna = foodById('atun_crudo')!;
    const chicken = foodById('pollo_pechuga_cruda')!;
    expect(mainNutrient(tuna)).toBe('proteina_g');
    const edited = applied(plan, { type: 'replace_food', ...at, food_id: 'pollo_pechuga_cruda' });
    const grams = dayOf(edited, 'medio').comidas[1]?.platos[0]?.ingredientes[0]?.cantidad_g ?? 0;
    expect(grams % 5).toBe(0);
    const protein = (tuna.per100g.proteina_g * old!.cantidad_g) / 100;
    expect(Math.abs((chicken.per100g.proteina_g * grams) / 100 - protein)).toBeLessThanOrEqual(
      (chicken.per100g.proteina_g * 2.5) / 100,
    );
  });

  it('set_grams, add_food and remove_food recompute the day', () => {
    const plan = lactose();
    const set = dayOf(applied(plan, { type: 'set_grams', ...at, grams: 200 }), 'medio');
    expect(set.comidas[1]?.platos[0]?.ingredientes[0]?.cantidad_g).toBe(200);
    expect(set.totales).toEqual(tableSum(set));

    const added = dayOf(
      applied(plan, {
        type: 'add_food',
        day_type: 'medio',
        meal: 0,
        dish: 0,
        food_id: 'manzana',
        grams: 150,
      }),
      'medio',
    );
    expect(added.comidas[0]?.platos[0]?.ingredientes.at(-1)).toMatchObject({
      alimento_id: 'manzana',
      cantidad_g: 150,
    });
    expect(added.totales).toEqual(tableSum(added));

    const removed = dayOf(applied(plan, { type: 'remove_food', ...at, item: 3 }), 'medio');
    expect(removed.comidas[1]?.platos[0]?.ingredientes.map((i) => i.alimento_id)).toEqual([
      'atun_crudo',
      'arroz_blanco_crudo',
      'aceite_girasol',
    ]);
    expect(removed.totales).toEqual(tableSum(removed));
  });

  it('replace_meal puts in a whole meal in N6 shape', () => {
    const plan = coeliac();
    const edited = applied(plan, {
      type: 'replace_meal',
      day_type: 'bajo',
      meal: 0,
      platos: [
        {
          nombre: 'Omelette and fruit',
          ingredientes: [
            { alimento_id: 'huevo_crudo', cantidad_g: 120 },
            { alimento_id: 'manzana', cantidad_g: 150 },
          ],
        },
      ],
    });
    const day = dayOf(edited, 'bajo');
    expect(day.comidas[0]?.nombre).toBe(dayOf(plan, 'bajo').comidas[0]?.nombre);
    expect(day.comidas[0]?.platos).toEqual([
      {
        nombre: 'Omelette and fruit',
        ingredientes: [
          { alimento_id: 'huevo_crudo', alimento: foodById('huevo_crudo')?.name.en, cantidad_g: 120 },
          { alimento_id: 'manzana', alimento: foodById('manzana')?.name.en, cantidad_g: 150 },
        ],
      },
    ]);
    expect(day.totales).toEqual(tableSum(day));
  });

  it('move_meal reorders the day and changes the meal time in the timing plan', () => {
    const plan = lactose();
    const before = structuredClone(plan);
    const names = dayOf(plan, 'medio').comidas.map((m) => m.nombre);
    const edited = applied(plan, { type: 'move_meal', day_type: 'medio', meal: 3, to: 2, hora: '20:30' });
    expect(dayOf(edited, 'medio').comidas.map((m) => m.nombre)).toEqual([
      names[0],
      names[1],
      names[3],
      names[2],
    ]);
    expect(dayOf(edited, 'medio').totales).toEqual(dayOf(plan, 'medio').totales);
    const timing = edited.nutrition.timing_plan as { comidas: { nombre: string; hora: string }[] };
    expect(timing.comidas.find((c) => c.nombre === names[3])?.hora).toBe('20:30');
    expect(plan).toEqual(before);
  });

  it('refuses by field, in Spanish, and leaves the plan as it was', () => {
    const plan = lactose();
    const before = structuredClone(plan);
    expect(refused(plan, { type: 'replace_food', ...at, food_id: 'unicornio' })).toEqual([
      {
        field: 'edit.food_id',
        code: 'invalid_value',
        message: 'edit.food_id: «unicornio» no está en la tabla de alimentos',
      },
    ]);
    expect(refused(plan, { type: 'set_grams', ...at, meal: 9, grams: 100 })).toEqual([
      {
        field: 'edit.meal',
        code: 'out_of_range',
        message: 'edit.meal: índice 9 fuera de rango: el menú del día medio tiene 4 comidas (0–3)',
      },
    ]);
    expect(refused(plan, { type: 'set_grams', ...at, item: 4, grams: 100 })[0]?.field).toBe('edit.item');
    expect(refused(plan, { type: 'set_grams', ...at, dish: 1, grams: 100 })[0]?.field).toBe('edit.dish');
    expect(refused(plan, { type: 'set_grams', ...at, day_type: 'alto', grams: 100 })[0]).toMatchObject({
      field: 'edit.day_type',
      message: 'edit.day_type: el plan no tiene menú para el día alto',
    });
    const tooMuch = refused(plan, { type: 'set_grams', ...at, grams: 5000 });
    expect(tooMuch[0]).toMatchObject({ field: 'edit.grams', code: 'too_big' });
    expect(tooMuch[0]?.message).toMatch(/^edit\.grams: /);
    expect(refused(plan, { type: 'set_grams', ...at, grams: 0 })[0]?.field).toBe('edit.grams');
    expect(refused(plan, { type: 'move_meal', day_type: 'medio', meal: 0 })[0]?.field).toBe('edit.to');
    expect(refused(plan, { type: 'replace_meal', day_type: 'medio', meal: 0, platos: [] })[0]?.field).toBe(
      'edit.platos',
    );
    expect(plan).toEqual(before);
  });

  it('refuses a dish left empty or past N6 bounds', () => {
    const plan = lactose();
    let edited = plan;
    for (const item of [3, 2, 1]) edited = applied(edited, { type: 'remove_food', ...at, item });
    expect(refused(edited, { type: 'remove_food', ...at })[0]).toMatchObject({
      field: 'edit.item',
      code: 'too_small',
    });
    let full = plan;
    for (let i = 0; i < 8; i += 1)
      full = applied(full, {
        type: 'add_food',
        day_type: 'medio',
        meal: 1,
        dish: 0,
        food_id: 'manzana',
        grams: 10,
      });
    expect(
      refused(full, {
        type: 'add_food',
        day_type: 'medio',
        meal: 1,
        dish: 0,
        food_id: 'manzana',
        grams: 10,
      })[0],
    ).toMatchObject({ field: 'edit.dish', code: 'too_big' });
  });

  it('refuses a dairy food for the lactose-intolerant client, with the reason', () => {
    const plan = lactose();
    const [error] = refused(plan, { type: 'replace_food', ...at, food_id: 'yogur_natural', grams: 125 });
    expect(error).toMatchObject({ field: 'edit.food_id', code: 'restricted' });
    expect(error?.message).toContain('lácteos con lactosa');
    expect(error?.message).toContain('«lactosa»');
    expect(
      refused(plan, {
        type: 'add_food',
        day_type: 'bajo',
        meal: 0,
        dish: 0,
        food_id: 'leche_entera',
        grams: 200,
      })[0]?.code,
    ).toBe('restricted');
    expect(
      refused(plan, {
        type: 'replace_meal',
        day_type: 'bajo',
        meal: 0,
        platos: [{ nombre: 'Desayuno', ingredientes: [{ alimento_id: 'kefir', cantidad_g: 200 }] }],
      })[0]?.field,
    ).toBe('edit.platos.0.ingredientes.0.alimento_id');
    // Lactose-free milk is allowed.
    expect(
      applyNutritionEdit(plan, { type: 'replace_food', ...at, food_id: 'leche_sin_lactosa', grams: 200 }).ok,
    ).toBe(true);
  });
});
