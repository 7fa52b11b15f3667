import { describe, expect, it } from 'vitest';
import { FOODS } from '../../../../src/shared/foods';
import { allowedFoods } from '../../../../src/shared/foods/restrictions';
import { NutritionProfileSchema, type NutritionFacts } from '../../../../src/shared/plan-content';
import { swapPolicy } from '../../../../src/shared/client-plan/restrictions';
import { storedPlans } from './stored-plans';

/*
 * The client's swaps and the menu audit read the restrictions in one place
 * (src/shared/foods/restrictions.ts): no swap may be a food the audit would keep off the menu.
 */

/** A stored client's facts with no restriction, then the one under test. */
const BASE = NutritionProfileSchema.parse(
  storedPlans('rodillaLactosa', 'es').nutrition.nutrition.profile,
).datos;

function facts(patch: Partial<NutritionFacts>): NutritionFacts {
  return {
    ...BASE,
    alergias: [],
    intolerancias: [],
    patron_alimentario: 'omnivoro',
    por_revisar: [],
    ...patch,
  };
}

const CASES: [string, Partial<NutritionFacts>][] = [
  ['EU-14 codes', { alergias: ['frutos_de_cascara', 'sesamo'] }],
  ['allergies written as text', { alergias: ['Soy alérgica al marisco y a los cacahuetes'] }],
  ['a named food', { alergias: ['alimento:kiwi'] }],
  ['an intolerance as text', { intolerancias: ['No tolero bien la lactosa'] }],
  ['a diet pattern', { patron_alimentario: 'vegano' }],
  [
    'an open question with words',
    {
      por_revisar: [
        { tema: 'alergia', campo: 'alergias', texto: 'creo que al melocotón', palabras: ['melocotón'] },
      ],
    },
  ],
];

describe('swap policy', () => {
  it.each(CASES)('offers no food the audit keeps off the menu: %s', (_, patch) => {
    const declared = facts(patch);
    const audited = new Set(allowedFoods(declared).map((food) => food.id));
    const policy = swapPolicy(declared);
    const offered = FOODS.filter((food) => policy.allows(food));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((food) => !audited.has(food.id)).map((food) => food.id)).toEqual([]);
  });

  it('also leaves out the foods the client dislikes, which the audit only warns about', () => {
    const policy = swapPolicy(facts({ alimentos_no_gustan: ['brócoli', 'salmón'] }));
    const names = FOODS.filter((food) => !policy.allows(food)).map((food) => food.name.es.toLowerCase());
    expect(names.some((name) => name.includes('brócoli'))).toBe(true);
    expect(names.some((name) => name.includes('salmón'))).toBe(true);
  });

  it('stays on the audited menu when a declaration gives the audit nothing to check', () => {
    expect(swapPolicy(facts({})).menuFoodsOnly).toBe(false);
    // The audit asks for a manual review of these; a swap must not be the unchecked food.
    expect(swapPolicy(facts({ intolerancias: ['histamina'] })).menuFoodsOnly).toBe(true);
    expect(
      swapPolicy(facts({ por_revisar: [{ tema: 'alergia', campo: 'alergias', texto: 'sí', palabras: [] }] }))
        .menuFoodsOnly,
    ).toBe(true);
    // Listed as an allergy, read as none: nobody checked it either.
    expect(swapPolicy(facts({ alergias: ['a algo que no recuerdo'] })).menuFoodsOnly).toBe(true);
  });
});
