import { describe, expect, it } from 'vitest';
import { foodById } from '../../../../src/shared/foods';
import { MENU_TOLERANCES } from '../../../../src/shared/menu-totals';
import {
  applyNutritionEdit,
  clientRestrictions,
  dayTotalsAgainstTargets,
  foodOptions,
} from '../../../../src/shared/plan-edits';
import type { NutritionPlanDocument } from '../../../../src/shared/plans';
import { applied, at, coeliac, dayOf, lactose, refused, tableSum } from './nutrition-fixtures';

const optionsFor = (plan: NutritionPlanDocument) => foodOptions(plan, clientRestrictions(plan));

describe('foodOptions', () => {
  it('disables gluten foods for the coeliac client, with the reason in both languages', () => {
    const options = optionsFor(coeliac());
    const pasta = options.find((o) => o.id === 'pasta_cruda');
    expect(pasta).toMatchObject({ allowed: false, name_en: foodById('pasta_cruda')?.name.en });
    expect(pasta?.reason?.es).toContain('cereales con gluten');
    expect(pasta?.reason?.en).toContain('cereals containing gluten');
    for (const id of ['pan_blanco', 'harina_trigo', 'cuscus_cocido', 'cerveza'])
      expect(options.find((o) => o.id === id)?.allowed).toBe(false);
    expect(options.find((o) => o.id === 'arroz_blanco_crudo')).toMatchObject({ allowed: true });
    expect(options.find((o) => o.id === 'arroz_blanco_crudo')?.reason).toBeUndefined();
    const plan = coeliac();
    const [error] = refused(plan, { type: 'replace_food', ...at, food_id: 'pan_integral' });
    expect(error).toMatchObject({ field: 'edit.food_id', code: 'restricted' });
    expect(error?.message).toContain('cereales con gluten');
  });

  it('disables dairy with lactose for the lactose-intolerant client only', () => {
    const options = optionsFor(lactose());
    expect(options.find((o) => o.id === 'leche_entera')?.allowed).toBe(false);
    expect(options.find((o) => o.id === 'leche_sin_lactosa')?.allowed).toBe(true);
    expect(options.find((o) => o.id === 'pan_blanco')?.allowed).toBe(true);
  });

  it('allows only the menu foods when a declaration cannot be checked', () => {
    const plan = lactose();
    const options = foodOptions(plan, {
      alergias: [],
      intolerancias: ['fructosa'],
      patron_alimentario: 'omnivoro',
    });
    expect(options.find((o) => o.id === 'atun_crudo')?.allowed).toBe(true);
    const apple = options.find((o) => o.id === 'manzana');
    expect(apple?.allowed).toBe(false);
    expect(apple?.reason?.es).toContain('no se puede comprobar');
    expect(foodOptions(plan, null).find((o) => o.id === 'manzana')?.allowed).toBe(false);
    const edit = {
      type: 'add_food',
      day_type: 'medio',
      meal: 0,
      dish: 0,
      food_id: 'manzana',
      grams: 150,
    } as const;
    expect(applyNutritionEdit(plan, edit, null)).toMatchObject({
      ok: false,
      errors: [{ code: 'restricted' }],
    });
    expect(applyNutritionEdit(plan, edit).ok).toBe(true);
  });
});

describe('dayTotalsAgainstTargets', () => {
  it('compares totals with targets at the audit tolerances, as the coach edits', () => {
    const plan = lactose();
    const shown = dayTotalsAgainstTargets(plan, 'medio');
    const day = dayOf(plan, 'medio');
    expect(shown?.totals).toEqual(tableSum(day));
    expect(shown?.targets).toEqual(day.objetivo);
    expect(shown?.nutrients.map((n) => n.nutrient)).toEqual(Object.keys(MENU_TOLERANCES));
    const kcal = shown?.nutrients.find((n) => n.nutrient === 'kcal');
    expect(kcal?.ratio).toBeCloseTo((day.totales!.kcal - day.objetivo!.kcal) / day.objetivo!.kcal, 10);
    expect(kcal?.tolerance).toEqual({ warn: MENU_TOLERANCES.kcal.warn, block: MENU_TOLERANCES.kcal.block });
    expect(shown?.level).toBe('ok');

    const doubled = applied(plan, { type: 'set_grams', ...at, item: 2, grams: 120 });
    const after = dayTotalsAgainstTargets(doubled, 'medio');
    expect(after?.nutrients.find((n) => n.nutrient === 'grasa_g')?.level).toBe('block');
    expect(after?.level).toBe('block');
    expect(dayTotalsAgainstTargets(plan, 'alto')).toBeNull();
  });
});
