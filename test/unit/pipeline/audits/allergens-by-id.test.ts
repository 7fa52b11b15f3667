import { describe, expect, it } from 'vitest';
import {
  allowedFoods,
  findGroupTerm,
  findRestrictedIngredients,
} from '../../../../src/main/pipeline/audits/allergens';
import { FOOD_GROUP_IDS, type FoodGroupId } from '../../../../src/main/pipeline/audits/food-groups';
import { foodById, FOODS, type Food } from '../../../../src/shared/foods';

/*
 * Ingredient ids beat words (issue 13 point 2): a menu names table foods by id, and a food's
 * allergen and diet groups come from the table, whatever language the plan is written in. Free
 * text (dish names, plans stored before the table) is still read with the word lexicon in Spanish
 * and English — and the table and the lexicon are checked against each other here.
 */

const none = { alergias: [], intolerancias: [], patron_alimentario: 'omnivoro' };
const menuOf = (ingredients: { alimento_id?: string; alimento?: string }[], dish = 'Plato del día') => ({
  menus: [
    {
      tipo_dia: 'alto',
      comidas: [{ nombre: 'Comida', platos: [{ nombre: dish, ingredientes: ingredients }] }],
    },
  ],
});
const food = (id: string): Food => {
  const found = foodById(id);
  if (!found) throw new Error(`${id} is not in the table`);
  return found;
};

describe('every group, by id and by its names in both languages', () => {
  it.each(FOOD_GROUP_IDS)('%s: each tagged food is caught by id; its es and en names by words', (group) => {
    const tagged = FOODS.filter((f) => f.groups.includes(group));
    expect(tagged.length, `no food tagged ${group}`).toBeGreaterThan(0);
    const restriction = { ...none, alergias: [group] };
    for (const f of tagged) {
      expect(findRestrictedIngredients(menuOf([{ alimento_id: f.id }]), restriction), f.id).not.toEqual([]);
    }
    // At least one tagged food is also recognised from its name alone in each language, so a dish
    // name or an older plan written in either language is checked too.
    for (const lang of ['es', 'en'] as const) {
      const named = tagged.filter(
        (f) => findRestrictedIngredients(menuOf([{ alimento: f.name[lang] }]), restriction).length > 0,
      );
      expect(named.length, `${group}: no ${lang} name recognised`).toBeGreaterThan(0);
    }
  });

  it('a food of no restricted group passes by id', () => {
    expect(
      findRestrictedIngredients(menuOf([{ alimento_id: 'arroz_blanco_crudo' }]), {
        ...none,
        alergias: ['gluten', 'leche'],
      }),
    ).toEqual([]);
  });
});

describe('ids beat words', () => {
  it('catches allergens a name does not say (dark chocolate: soy and milk; gelatine: pork)', () => {
    const chocolate = food('chocolate_negro');
    expect(findGroupTerm(chocolate.name.es, 'soja')).toBeNull();
    const hits = findRestrictedIngredients(menuOf([{ alimento_id: chocolate.id }], 'Dessert'), {
      ...none,
      alergias: ['soja'],
    });
    expect(hits.map((h) => h.restriction)).toEqual([expect.stringContaining('alergia: soja')]);
    const vegan = findRestrictedIngredients(menuOf([{ alimento_id: 'gelatina_neutra' }]), {
      ...none,
      patron_alimentario: 'vegano',
    });
    expect(vegan.length).toBeGreaterThan(0);
  });

  it('does not see a group in words that mean something else ("leche de vaca" is not meat, "setas de ostra" not a mollusc)', () => {
    expect(findGroupTerm(food('leche_entera').name.es, 'carne')).not.toBeNull(); // the lexicon alone would
    expect(
      findRestrictedIngredients(menuOf([{ alimento_id: 'leche_entera' }]), {
        ...none,
        patron_alimentario: 'ovolactovegetariano',
      }),
    ).toEqual([]);
    expect(
      findRestrictedIngredients(menuOf([{ alimento_id: 'setas' }]), { ...none, alergias: ['moluscos'] }),
    ).toEqual([]);
  });

  it('finds a food the client named outside the EU-14 by any of its names (alimento:kiwi, alimento:melocoton)', () => {
    expect(
      findRestrictedIngredients(menuOf([{ alimento_id: 'kiwi' }], 'Fruit bowl'), {
        ...none,
        alergias: ['alimento:kiwi'],
      }),
    ).toHaveLength(1);
    expect(
      findRestrictedIngredients(menuOf([{ alimento_id: 'melocoton' }]), {
        ...none,
        alergias: ['alimento:melocoton'],
      }),
    ).toHaveLength(1);
    expect(
      findRestrictedIngredients(menuOf([{ alimento_id: 'manzana' }]), {
        ...none,
        alergias: ['alimento:kiwi'],
      }),
    ).toEqual([]);
  });

  it('reads the dish name as well: it is an instruction to the client', () => {
    const hits = findRestrictedIngredients(
      menuOf([{ alimento_id: 'pan_sin_gluten' }, { alimento_id: 'tomate' }], 'Toast with butter and tomato'),
      { ...none, intolerancias: ['lactosa'] },
    );
    expect(hits).toEqual([
      expect.objectContaining({ ingredient: 'Toast with butter and tomato', term: 'butter' }),
    ]);
  });
});

describe('the list N6 chooses from', () => {
  const groupsOf = (foods: Food[]) => new Set(foods.flatMap((f) => f.groups));

  it('leaves out every food of a restricted group, and keeps the rest', () => {
    const vegan = allowedFoods({ ...none, patron_alimentario: 'vegano' });
    for (const group of [
      'carne',
      'pescado',
      'huevo',
      'leche',
      'miel',
      'crustaceos',
      'moluscos',
    ] as FoodGroupId[])
      expect(groupsOf(vegan).has(group), group).toBe(false);
    expect(vegan.map((f) => f.id)).toEqual(
      expect.arrayContaining(['lentejas_crudas', 'tofu', 'arroz_blanco_crudo']),
    );
    const coeliacLactose = allowedFoods({ ...none, alergias: ['gluten'], intolerancias: ['lactosa'] });
    expect(groupsOf(coeliacLactose).has('gluten')).toBe(false);
    expect(groupsOf(coeliacLactose).has('lactosa')).toBe(false);
    expect(coeliacLactose.map((f) => f.id)).toEqual(
      expect.arrayContaining(['pan_sin_gluten', 'leche_sin_lactosa']),
    );
  });

  it('leaves out a named food and anything an open question could match', () => {
    const ids = allowedFoods({
      ...none,
      alergias: ['alimento:kiwi'],
      por_revisar: [
        { tema: 'alergia', campo: 'alergias', texto: 'algo con las fresas', palabras: ['fresa'] },
      ],
    }).map((f) => f.id);
    expect(ids).not.toContain('kiwi');
    expect(ids).not.toContain('fresas');
    expect(ids).toContain('manzana');
  });
});

/**
 * Where the word lexicon sees a group the table does not, the table must say why. Each entry was
 * reviewed: the table is right, and the menu check follows the table.
 */
const REVIEWED_WORD_ONLY: Record<string, string> = {
  'leche_desnatada:carne': '"de vaca" names the animal the milk comes from, not meat',
  'leche_entera:carne': '"de vaca" names the animal the milk comes from, not meat',
  'leche_semidesnatada:carne': '"de vaca" names the animal the milk comes from, not meat',
  'setas:moluscos': 'oyster mushrooms ("setas de ostra") are fungi',
  'vinagre:alcohol': 'vinegar keeps only traces of alcohol; halal rulings accept it',
  'parmesano:lactosa': 'long-aged hard cheese: lactose below 0.1 g/100 g (table note)',
  'queso_oveja_curado:lactosa': 'aged cheese: lactose below 0.1 g/100 g (table note)',
};

describe('the table and the lexicon agree', () => {
  it('every group the lexicon reads in a food name is in the table, or reviewed above', () => {
    const unexplained: string[] = [];
    for (const f of FOODS)
      for (const lang of ['es', 'en'] as const)
        for (const group of FOOD_GROUP_IDS)
          if (
            findGroupTerm(f.name[lang], group) !== null &&
            !f.groups.includes(group) &&
            !REVIEWED_WORD_ONLY[`${f.id}:${group}`]
          )
            unexplained.push(`${f.id} (${lang} "${f.name[lang]}"): ${group}`);
    expect(unexplained).toEqual([]);
  });
});
