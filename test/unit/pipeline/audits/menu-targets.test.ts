import { describe, expect, it } from 'vitest';
import { menuDayTotals, menuTargetProblems } from '../../../../src/main/pipeline/audits';
import { nut12, nut13, nut16 } from '../../../../src/main/pipeline/audits/menu-targets';
import { FOODS, type Food } from '../../../../src/shared/foods';
import type { MacroDesign } from '../../../../src/shared/plan-content';

/*
 * NUT-13 / NUT-16: totals come from the food table by id and grams. The expected totals here are
 * worked out in the test from the table's per-100 g values, and the menus are built to hit (or
 * miss) a target by a known factor, so each case knows its answer before the code runs.
 */

const food = (test: (f: Food) => boolean): Food => {
  const found = FOODS.find(test);
  if (!found) throw new Error('no food in the table for this test');
  return found;
};
const chicken = food(
  (f) => f.category === 'proteina_animal' && f.per100g.proteina_g > 20 && f.per100g.grasa_g < 5,
);
const rice = food(
  (f) => f.category === 'cereal' && f.per100g.carbohidratos_g > 70 && !f.groups.includes('gluten'),
);
const oil = food((f) => f.category === 'grasa' && f.per100g.grasa_g > 95);
const lentils = food((f) => f.category === 'legumbre' && f.per100g.fibra_g > 5);

const day = (tipo_dia: 'alto' | 'medio' | 'bajo', items: [Food, number][]) => ({
  tipo_dia,
  comidas: [
    {
      nombre: 'Comida',
      platos: [
        {
          nombre: 'Plato',
          ingredientes: items.map(([f, g]) => ({ alimento_id: f.id, alimento: f.name.es, cantidad_g: g })),
        },
      ],
    },
  ],
});

const baseItems: [Food, number][] = [
  [chicken, 400],
  [rice, 300],
  [oil, 40],
  [lentils, 150],
];
const sum = (key: keyof Food['per100g'], items: [Food, number][]) =>
  items.reduce((total, [f, g]) => total + (f.per100g[key] * g) / 100, 0);

/** Targets equal to what the base menu contains, so factor 1 is exact. */
const target = {
  kcal: sum('kcal', baseItems),
  proteina_g: sum('proteina_g', baseItems),
  carbohidratos_g: sum('carbohidratos_g', baseItems),
  grasa_g: sum('grasa_g', baseItems),
};
const macros = {
  por_tipo_dia: { alto: target, medio: target, bajo: target },
  proteina_g_kg: 1.8,
  grasa_pct: 30,
  explicacion: '',
} satisfies MacroDesign;
const scaled = (factor: number): [Food, number][] => baseItems.map(([f, g]) => [f, g * factor]);
const onlyHigh = { alto: 3, medio: 0, bajo: 4 };

describe('menu totals from the food table', () => {
  it('adds each ingredient scaled from its per-100 g values', () => {
    const { totals, unknown } = menuDayTotals(day('alto', baseItems));
    expect(unknown).toEqual([]);
    expect(Math.abs(totals.kcal - target.kcal)).toBeLessThanOrEqual(0.5);
    // Totals are rounded for showing: kcal to 1, grams to 0.1.
    expect(Math.abs(totals.proteina_g - target.proteina_g)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(totals.fibra_g - sum('fibra_g', baseItems))).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('names what it cannot count: free text of an older plan, an id not in the table', () => {
    const legacy = {
      tipo_dia: 'alto',
      comidas: [
        {
          platos: [
            {
              ingredientes: [
                { alimento: 'Pechuga de pollo', cantidad_g: 150 },
                { alimento_id: 'unicornio', cantidad_g: 10 },
              ],
            },
          ],
        },
      ],
    };
    expect(menuDayTotals(legacy).unknown).toEqual(['Pechuga de pollo', 'unicornio']);
  });
});

describe('NUT-13 menus against targets', () => {
  const menus = (factor: number) => [day('alto', scaled(factor)), day('bajo', scaled(factor))];

  it('passes a menu on target and one 4 % off', () => {
    expect(nut13(menus(1), macros, onlyHigh)).toMatchObject({ passed: true, severity: 'block' });
    expect(nut13(menus(1.04), macros, onlyHigh).passed).toBe(true);
  });

  it('warns between 5 and 10 % of energy', () => {
    expect(nut13(menus(1.07), macros, onlyHigh)).toMatchObject({ passed: false, severity: 'warn' });
  });

  it('blocks a menu with a fraction of the energy, or several times the protein', () => {
    const low = nut13(menus(0.4), macros, onlyHigh);
    expect(low).toMatchObject({ passed: false, severity: 'block' });
    expect(low.reason).toMatch(/día alto: energía .* kcal frente a .* kcal \(−60 %\)/);
    const protein: [Food, number][] = [
      [chicken, 1000],
      [rice, 300],
      [oil, 20],
    ];
    const result = nut13([day('alto', protein), day('bajo', baseItems)], macros, onlyHigh);
    expect(result).toMatchObject({ passed: false, severity: 'block' });
    expect(result.reason).toMatch(/proteína/);
  });

  it('blocks a week day type without a menu and warns a menu for a day type the week does not use', () => {
    const missing = nut13([day('alto', baseItems)], macros, onlyHigh);
    expect(missing).toMatchObject({ passed: false, severity: 'block' });
    expect(missing.reason).toMatch(/sin menú para el día bajo/);
    const extra = nut13([...menus(1), day('medio', baseItems)], macros, onlyHigh);
    expect(extra).toMatchObject({ passed: false, severity: 'warn' });
    expect(extra.reason).toMatch(/día medio que la semana no usa/);
  });

  it('blocks ingredients it cannot count: a total that leaves foods out is not a total', () => {
    const legacy = {
      tipo_dia: 'alto' as const,
      comidas: [{ platos: [{ ingredientes: [{ alimento: 'Filete', cantidad_g: 150 }] }] }],
    };
    expect(nut13([legacy, day('bajo', baseItems)], macros, onlyHigh)).toMatchObject({
      passed: false,
      severity: 'block',
    });
  });

  it('gives N6 the same verdict at the blocking tolerance, phrased to fix', () => {
    expect(menuTargetProblems(menus(1.07), macros.por_tipo_dia, onlyHigh)).toEqual([]);
    const problems = menuTargetProblems(menus(0.5), macros.por_tipo_dia, onlyHigh);
    expect(problems.some((p) => /día alto: energía/.test(p) && /ajusta los gramos/.test(p))).toBe(true);
    expect(
      menuTargetProblems(
        [day('alto', baseItems), day('bajo', baseItems), day('medio', baseItems)],
        macros.por_tipo_dia,
        onlyHigh,
      ),
    ).toEqual(['sobra el menú del día medio: la semana no tiene ese tipo de día']);
  });
});

describe('NUT-16 fibre', () => {
  it('warns a day under 25 g and passes one over', () => {
    const noFibre: [Food, number][] = [
      [chicken, 400],
      [oil, 40],
    ];
    expect(nut16([day('alto', noFibre)], macros, { alto: 7, medio: 0, bajo: 0 })).toMatchObject({
      passed: false,
      severity: 'warn',
    });
    const fibre: [Food, number][] = [[lentils, 500]];
    expect(sum('fibra_g', fibre)).toBeGreaterThan(25);
    expect(nut16([day('alto', fibre)], macros, { alto: 7, medio: 0, bajo: 0 }).passed).toBe(true);
  });
});

describe('NUT-12 protein per meal (advice)', () => {
  const meal = (nombre: string, items: [Food, number][]) => ({
    nombre,
    platos: [{ nombre, ingredientes: items.map(([f, g]) => ({ alimento_id: f.id, cantidad_g: g })) }],
  });
  // 80 kg → 20 g per meal. 100 g of the chicken is > 20 g of protein; 100 g of rice is not.
  const menuWith = (proteinMeals: number) => [
    {
      tipo_dia: 'alto',
      comidas: ['Desayuno', 'Comida', 'Merienda', 'Cena'].map((nombre, i) =>
        meal(nombre, i < proteinMeals ? [[chicken, 100]] : [[rice, 100]]),
      ),
    },
  ];

  it('is informative: passes with three meals over 0.25 g/kg, flags two, never blocks', () => {
    expect(chicken.per100g.proteina_g).toBeGreaterThan(20);
    expect(rice.per100g.proteina_g).toBeLessThan(20);
    expect(nut12(menuWith(3), 80, { alto: 7, medio: 0, bajo: 0 })).toMatchObject({
      passed: true,
      severity: 'info',
    });
    const two = nut12(menuWith(2), 80, { alto: 7, medio: 0, bajo: 0 });
    expect(two).toMatchObject({ passed: false, severity: 'info' });
    expect(two.reason).toMatch(/≥ 20 g de proteína .*día alto: 2 de 4 comidas/);
  });
});
