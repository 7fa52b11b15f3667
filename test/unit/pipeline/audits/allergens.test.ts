import { describe, expect, it } from 'vitest';
import {
  findGroupTerm,
  findRestrictedIngredients,
  resolveRestrictions,
  type FoodGroupId,
} from '../../../../src/main/pipeline/audits';
import { parseYesNo } from '../../../../src/main/pipeline/audits/text';

/** [ingredient as an LLM writes it, group, food word expected (null = safe for that group)]. */
const CASES: readonly [string, FoodGroupId, string | null][] = [
  // Milk and dairy, accents, capitals and plurals.
  ['Yogur griego natural', 'leche', 'yogur'],
  ['YOGURES desnatados', 'leche', 'yogur'],
  ['Queso fresco batido 0 %', 'leche', 'queso'],
  ['Kéfir de leche', 'leche', 'leche'],
  ['Kéfir', 'leche', 'kefir'],
  ['Requesón', 'leche', 'requeson'],
  ['Proteína de suero (whey)', 'leche', 'suero'],
  ['Caseína micelar', 'leche', 'caseina'],
  ['Nata para cocinar', 'leche', 'nata'],
  ['Mantequilla', 'leche', 'mantequilla'],
  ['Mozzarella light', 'leche', 'mozzarella'],
  ['Leche semidesnatada sin lactosa', 'leche', 'leche'],
  ['Bebida de avena', 'leche', null],
  ['Leche de almendras', 'leche', null],
  ['Yogur de soja', 'leche', null],
  ['Mantequilla de cacahuete', 'leche', null],
  ['Natillas caseras', 'leche', 'natilla'],
  // Lactose: lactose-free dairy is fine.
  ['Leche semidesnatada sin lactosa', 'lactosa', null],
  ['Yogur natural 0% lactosa', 'lactosa', null],
  ['Queso curado', 'lactosa', 'queso'],
  // Gluten.
  ['Pan integral de centeno', 'gluten', 'pan'],
  ['Panes de hamburguesa', 'gluten', 'pan'],
  ['Copos de avena', 'gluten', 'avena'],
  ['Avena sin gluten', 'gluten', null],
  ['Harina de trigo', 'gluten', 'trigo'],
  ['Harina', 'gluten', 'harina'],
  ['Harina de trigo sarraceno', 'gluten', null],
  ['Trigo sarraceno', 'gluten', null],
  ['Tortitas de arroz', 'gluten', null],
  ['Pasta de lentejas roja', 'gluten', null],
  ['Espaguetis integrales', 'gluten', 'espagueti'],
  ['Cuscús', 'gluten', 'cuscus'],
  ['Seitán a la plancha', 'gluten', 'seitan'],
  ['Cerveza', 'gluten', 'cerveza'],
  ['Salsa de soja', 'gluten', 'salsa de soja'],
  ['Pan de molde sin gluten', 'gluten', null],
  ['Espelta en grano', 'gluten', 'espelta'],
  ['Cebada perlada', 'gluten', 'cebada'],
  ['Arroz integral', 'gluten', null],
  // Egg.
  ['Huevos camperos', 'huevo', 'huevo'],
  ['Claras de huevo pasteurizadas', 'huevo', 'huevo'],
  ['Tortilla francesa', 'huevo', 'tortilla'],
  ['Tortillas de maíz', 'huevo', null],
  ['Mayonesa', 'huevo', 'mayonesa'],
  ['Mayonesa vegana', 'huevo', null],
  // Fish and shellfish.
  ['Lomo de salmón', 'pescado', 'salmon'],
  ['Atún al natural', 'pescado', 'atun'],
  ['Boquerones en vinagre', 'pescado', 'boqueron'],
  ['Gambas peladas', 'crustaceos', 'gamba'],
  ['Langostinos cocidos', 'crustaceos', 'langostino'],
  ['Mejillones en escabeche', 'moluscos', 'mejillon'],
  ['Calamares', 'moluscos', 'calamar'],
  ['Pulpo a la gallega', 'moluscos', 'pulpo'],
  // Nuts, peanuts, seeds and the rest of the EU-14.
  ['Nueces', 'frutos_cascara', 'nuez'],
  ['Nuez moscada', 'frutos_cascara', null],
  ['Almendras tostadas', 'frutos_cascara', 'almendra'],
  ['Leche de almendras', 'frutos_cascara', 'almendra'],
  ['Crema de cacahuete', 'cacahuete', 'cacahuete'],
  ['Frutos secos variados', 'cacahuete', 'fruto seco'],
  ['Tofu firme', 'soja', 'tofu'],
  ['Bebida de soja', 'soja', 'soja'],
  ['Edamame', 'soja', 'edamame'],
  ['Hummus', 'sesamo', 'hummus'],
  ['Semillas de sésamo', 'sesamo', 'sesamo'],
  ['Tahini', 'sesamo', 'tahini'],
  ['Mostaza de Dijon', 'mostaza', 'mostaza'],
  ['Apio en rama', 'apio', 'apio'],
  ['Altramuces', 'altramuces', 'altramuz'],
  ['Orejones de albaricoque', 'sulfitos', 'orejon'],
  ['Vino blanco para cocinar', 'sulfitos', 'vino'],
  // Dietary patterns.
  ['Pechuga de pollo', 'carne', 'pollo'],
  ['Jamón serrano', 'carne', 'jamon'],
  ['Hamburguesa vegetal', 'carne', null],
  ['Hamburguesa de ternera', 'carne', 'ternera'],
  ['Carne de membrillo', 'carne', null],
  ['Lomo de bacalao', 'carne', null],
  ['Huevos de codorniz', 'carne', null],
  ['Gelatina', 'carne', 'gelatina'],
  ['Buey de mar', 'carne', null],
  ['Jamón serrano', 'cerdo', 'jamon'],
  ['Jamón de pavo', 'cerdo', null],
  ['Chorizo', 'cerdo', 'chorizo'],
  ['Lomo embuchado', 'cerdo', 'lomo'],
  ['Manteca de cacao', 'cerdo', null],
  ['Miel de romero', 'miel', 'miel'],
  ['Cerveza 0,0', 'alcohol', null],
  ['Vino tinto', 'alcohol', 'vino'],
];

describe('findGroupTerm: Spanish ingredient names', () => {
  it.each(CASES)('%s · %s → %s', (ingredient, group, expected) => {
    expect(findGroupTerm(ingredient, group)).toBe(expected);
  });
});

describe('resolveRestrictions', () => {
  it('maps EU-14 ids, intolerances and patterns to food groups', () => {
    const resolved = resolveRestrictions({
      alergias: ['frutos_cascara', 'leche'],
      intolerancias: ['lactosa', 'gluten_no_celiaca'],
      patron_alimentario: 'pescetariano',
    });
    expect(resolved.restrictions.map((r) => [r.kind, r.declared, r.groups])).toEqual([
      ['alergia', 'frutos_cascara', ['frutos_cascara']],
      ['alergia', 'leche', ['leche']],
      ['intolerancia', 'lactosa', ['lactosa']],
      ['intolerancia', 'gluten_no_celiaca', ['gluten']],
      ['patron', 'pescetariano', ['carne']],
    ]);
    expect(resolved.unverifiable).toEqual([]);
  });

  it('reads the original system’s free text and keeps what it cannot map for a manual review', () => {
    const resolved = resolveRestrictions({
      alergias: ['Celiaquía', 'Frutos secos', 'No', 'kiwi'],
      intolerancias: ['Intolerancia a la lactosa', 'histamina'],
      patron_alimentario: 'Vegetariana',
    });
    expect(resolved.restrictions.map((r) => [r.groups, r.words.map((w) => w.source)])).toEqual([
      [['gluten'], []],
      [['frutos_cascara', 'cacahuete'], []],
      // A food outside the EU-14 is kept as its words (Spanish and English), not left unchecked.
      [[], ['kiwi*']],
      [['lactosa'], []],
      [['carne', 'pescado', 'crustaceos', 'moluscos'], []],
    ]);
    expect(resolved.unverifiable).toEqual(['intolerancia «histamina»']);
  });

  it('treats omnivore, flexitarian and empty patterns as unrestricted', () => {
    for (const pattern of ['omnivoro', 'flexitariano', '']) {
      expect(resolveRestrictions({ alergias: [], intolerancias: [], patron_alimentario: pattern })).toEqual({
        restrictions: [],
        unverifiable: [],
        unresolved: [],
        separateMeatAndDairy: false,
      });
    }
  });
});

const dish = (nombre: string, ...alimentos: string[]) => ({
  nombre,
  ingredientes: alimentos.map((alimento) => ({ alimento, cantidad_g: 100 })),
});

describe('findRestrictedIngredients', () => {
  const menu = {
    menus: [
      {
        tipo_dia: 'alto',
        comidas: [
          {
            nombre: 'Desayuno',
            platos: [dish('Tostada con tomate', 'Pan de centeno', 'Tomate rallado', 'Aceite de oliva')],
          },
          { nombre: 'Comida', platos: [dish('Lentejas estofadas', 'Lentejas', 'Zanahoria', 'Chorizo')] },
          { nombre: 'Cena', platos: [dish('Pollo con queso', 'Pechuga de pollo', 'Queso rallado')] },
        ],
      },
    ],
  };

  it('names day type, meal, dish, ingredient and the restriction it breaks', () => {
    expect(
      findRestrictedIngredients(menu, {
        alergias: ['gluten'],
        intolerancias: [],
        patron_alimentario: 'halal',
      }),
    ).toEqual([
      {
        tipo_dia: 'alto',
        comida: 'Desayuno',
        dish: 'Tostada con tomate',
        ingredient: 'Pan de centeno',
        term: 'pan',
        restriction: 'cereales con gluten (alergia: gluten)',
      },
      {
        tipo_dia: 'alto',
        comida: 'Comida',
        dish: 'Lentejas estofadas',
        ingredient: 'Chorizo',
        term: 'chorizo',
        restriction: 'cerdo (patrón: halal)',
      },
    ]);
  });

  it('kosher: no pork and no dairy in a meal with meat', () => {
    const hits = findRestrictedIngredients(menu, {
      alergias: [],
      intolerancias: [],
      patron_alimentario: 'kosher',
    });
    expect(hits.map((hit) => `${hit.ingredient}: ${hit.restriction}`)).toEqual([
      'Chorizo: cerdo (patrón: kosher)',
      'Queso rallado: carne y lácteos en la misma comida (patrón: kosher)',
    ]);
  });

  it('returns nothing for an unrestricted client', () => {
    expect(
      findRestrictedIngredients(menu, { alergias: [], intolerancias: [], patron_alimentario: 'omnivoro' }),
    ).toEqual([]);
  });
});

describe('parseYesNo (original free-text answers)', () => {
  it.each([
    ['Sí', 'si'],
    ['si, desde 2019', 'si'],
    ['Hipertensión controlada', 'si'],
    ['No', 'no'],
    ['no tengo', 'no'],
    ['Ninguna', 'no'],
    ['-', 'no'],
    ['', 'desconocido'],
    [null, 'desconocido'],
  ] as const)('%s → %s', (answer, expected) => {
    expect(parseYesNo(answer)).toBe(expected);
  });
});
