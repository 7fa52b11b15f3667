import { describe, expect, it } from 'vitest';
import { findGroupTerm, type FoodGroupId } from '../../../src/main/pipeline/audits';
import { FOOD_GROUP_IDS, FOOD_GROUPS, loadFoodGroups } from '../../../src/main/pipeline/audits/food-groups';
import { ALERGENOS_EU14 } from '../../../src/shared/questionnaire';

describe('resources/lexicons/food-groups.json', () => {
  it('loads every group with Spanish and English labels, a source and resolved rules', () => {
    expect(FOOD_GROUP_IDS.length).toBeGreaterThanOrEqual(19);
    for (const id of FOOD_GROUP_IDS) {
      const group = FOOD_GROUPS[id];
      expect(group.id).toBe(id);
      expect(group.label.es.length, id).toBeGreaterThan(0);
      expect(group.label.en.length, id).toBeGreaterThan(0);
      expect(group.source.length, id).toBeGreaterThan(0);
      expect(group.rules.length, id).toBeGreaterThan(0);
      for (const rule of group.rules) {
        const phrases = [
          ...rule.terms,
          ...(rule.unlessFollowedBy ?? []),
          ...(rule.unlessPrecededBy ?? []),
          ...(rule.unlessContains ?? []),
        ];
        // Qualifier references (@name) are replaced by their phrases at load.
        expect(
          phrases.filter((phrase) => phrase.startsWith('@')),
          id,
        ).toEqual([]);
      }
    }
  });

  it('has a group for each of the EU-14 allergens the questionnaire offers', () => {
    for (const allergen of ALERGENOS_EU14) expect(FOOD_GROUP_IDS).toContain(allergen);
    expect(FOOD_GROUPS.leche.source).toMatch(/1169\/2011/);
  });

  it('derives lactosa from leche, with lactose-free products allowed', () => {
    const leche = FOOD_GROUPS.leche.rules;
    const lactosa = FOOD_GROUPS.lactosa.rules;
    expect(lactosa.map((rule) => rule.terms)).toEqual(leche.map((rule) => rule.terms));
    for (const rule of lactosa) expect(rule.unlessContains).toEqual(expect.arrayContaining(['sin lactosa']));
  });

  it('rejects a lexicon with an unknown qualifier, an accented term or a misspelt field', () => {
    const lexicon = (rule: object, qualifiers: object = {}) => ({
      description: 'test',
      qualifiers,
      groups: { leche: { label: { es: 'leche', en: 'milk' }, source: 'test', rules: [rule] } },
    });
    expect(loadFoodGroups(lexicon({ terms: ['leche'] })).leche.rules[0]!.terms).toEqual(['leche']);
    expect(() => loadFoodGroups(lexicon({ terms: ['leche'], unlessFollowedBy: ['@plant'] }))).toThrow(
      /@plant/,
    );
    expect(() => loadFoodGroups(lexicon({ terms: ['requesón'] }))).toThrow(/lower case, no accents/);
    expect(() => loadFoodGroups(lexicon({ terms: ['leche'], unlessFolowedBy: ['de soja'] }))).toThrow(
      /unlessFolowedBy/,
    );
    expect(() => loadFoodGroups(lexicon({ terms: ['leche'] }, { plant: ['de soja'] }))).toThrow(/plant/);
  });
});

/** [ingredient written in English, group, food word expected (null = safe for that group)]. */
const ENGLISH: readonly [string, FoodGroupId, string | null][] = [
  ['Greek yogurt', 'leche', 'yogurt'],
  ['Cheddar cheese', 'leche', 'cheese'],
  ['Unsalted butter', 'leche', 'butter'],
  ['Whey protein', 'leche', 'whey'],
  ['Whole wheat bread', 'gluten', 'wheat'],
  ['Rolled oats', 'gluten', 'oat'],
  ['Peanut butter', 'cacahuete', 'peanut'],
  ['Shrimp', 'crustaceos', 'shrimp'],
  ['Scrambled eggs', 'huevo', 'egg'],
  ['Canned tuna', 'pescado', 'tuna'],
  ['Mussels', 'moluscos', 'mussel'],
  ['Walnuts', 'frutos_cascara', 'walnut'],
  ['Firm tofu', 'soja', 'tofu'],
  ['Tahini', 'sesamo', 'tahini'],
  ['Dijon mustard', 'mostaza', 'mustard'],
  ['Celery sticks', 'apio', 'celery'],
  ['Dried apricots', 'sulfitos', 'dried apricot'],
  ['Chicken breast', 'carne', 'chicken'],
  ['Pork loin', 'cerdo', 'pork'],
  ['Honey', 'miel', 'honey'],
  ['Red wine', 'alcohol', 'wine'],
  // English exceptions.
  ['Almond milk', 'leche', null],
  ['Coconut milk', 'leche', null],
  ['Oat milk', 'leche', null],
  ['Peanut butter', 'leche', null],
  ['Soy yogurt', 'leche', null],
  ['Lactose-free milk', 'lactosa', null],
  ['Lactose-free milk', 'leche', 'milk'],
  ['Gluten-free bread', 'gluten', null],
  ['Buckwheat', 'gluten', null],
  ['Buckwheat flour', 'gluten', null],
  ['Rice noodles', 'gluten', null],
  ['Nutmeg', 'frutos_cascara', null],
  ['Ground nutmeg', 'frutos_cascara', null],
  ['Coconut flakes', 'frutos_cascara', null],
  ['Eggplant', 'huevo', null],
  ['Oyster mushrooms', 'moluscos', null],
  ['Veggie burger', 'carne', null],
  ['Alcohol-free beer', 'alcohol', null],
  // Commas are lost in normalisation: a food before the term must not hide it.
  ['Eggs, beans, sausage', 'carne', 'sausage'],
  ['Quinoa, pollo', 'carne', 'pollo'],
];

describe('findGroupTerm: English ingredient names', () => {
  it.each(ENGLISH)('%s · %s → %s', (ingredient, group, expected) => {
    expect(findGroupTerm(ingredient, group)).toBe(expected);
  });
});
