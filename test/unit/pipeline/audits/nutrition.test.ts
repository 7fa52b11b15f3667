import { describe, expect, it } from 'vitest';
import { auditNutrition, type NutritionAuditInput } from '../../../../src/main/pipeline/audits';
import {
  EnergyStrategySchema,
  MacroDesignSchema,
  MetabolismSchema,
  NutritionFactsSchema,
  type AuditCheckResult,
  type NutritionFacts,
} from '../../../../src/shared/plan-content';
import { N7OutputSchema } from '../../../../src/shared/agent-outputs/nutrition';
import { foodName } from '../../../../src/shared/foods';
import { MenuPlanSchema, type MenuPlan } from '../../../../src/shared/menu-plan';

/*
 * Fixture: a 30-year-old celiac, lactose-intolerant woman (60 kg, 165 cm) losing fat at ~0.45 %
 * body weight per week with calorie cycling. Mifflin-St Jeor: 10·60 + 6.25·165 − 5·30 − 161 =
 * 1320.25 kcal (worked value of docs/DOMAIN.md "Basal metabolic rate"); PAL 1.55 → TDEE 2046.39. Cycled week: 3 high days of
 * 1900, 2 medium of 1750, 2 low of 1525 → (5700 + 3500 + 3050) / 7 = 1750 kcal.
 */

const screening = { blocked: false, checks: [], no_deficit: false, caffeine_limit_mg: 400 };

function facts(overrides: Partial<NutritionFacts> = {}): NutritionFacts {
  return NutritionFactsSchema.parse({
    edad: 30,
    sexo: 'Mujer',
    peso_kg: 60,
    altura_cm: 165,
    imc: 22,
    objetivo: 'perder_grasa',
    alergias: ['gluten'],
    intolerancias: ['lactosa'],
    patron_alimentario: 'omnivoro',
    alimentos_no_gustan: ['coliflor'],
    comidas_dia: 4,
    screening,
    ...overrides,
  });
}

const metabolism = MetabolismSchema.parse({
  bmr: 1320.25,
  ecuacion: 'mifflin_st_jeor',
  pal: 1.55,
  tdee: 2046.39,
  entradas: { peso_kg: 60, altura_cm: 165, edad: 30, sexo: 'Mujer', sesiones_semana: 3, minutos_semana: 180 },
  explicacion: 'Gasto basal por Mifflin-St Jeor y factor de actividad moderado.',
});

const energy = EnergyStrategySchema.parse({
  objetivo: 'perder_grasa',
  kcal_objetivo: 1750,
  por_tipo_dia: { alto: 1900, medio: 1750, bajo: 1525 },
  dias_por_tipo: { alto: 3, medio: 2, bajo: 2 },
  media_semanal: 1750,
  deficit_pct: 14.5,
  cambio_semanal_pct: -0.45,
  explicacion: 'Déficit moderado con más energía los días de entrenamiento.',
});

const macros = MacroDesignSchema.parse({
  por_tipo_dia: {
    alto: { kcal: 1900, proteina_g: 108, grasa_g: 59, carbohidratos_g: 234 },
    medio: { kcal: 1750, proteina_g: 108, grasa_g: 56, carbohidratos_g: 203 },
    bajo: { kcal: 1525, proteina_g: 108, grasa_g: 54, carbohidratos_g: 152 },
  },
  proteina_g_kg: 1.8,
  grasa_pct: 29,
  explicacion: 'Proteína 1,8 g/kg y grasa ~30 %.',
});

const meal = (nombre: string, platos: [string, [string, number][]][]) => ({
  nombre,
  platos: platos.map(([plato, ingredientes]) => ({
    nombre: plato,
    ingredientes: ingredientes
      .filter(([, cantidad_g]) => cantidad_g > 0)
      .map(([alimento_id, cantidad_g]) => ({
        alimento_id,
        alimento: foodName(alimento_id, 'es'),
        cantidad_g,
      })),
  })),
});

/**
 * Foods of the table by id; chicken, rice and oil solved per day type so the totals land within
 * 5 % of the macro design (kcal +0.7/+0.8/+1.1 %, protein −2 to −3 %, worked out from the table).
 */
const GRAMS = {
  alto: { pollo: 111, arroz: 110, aceite: 20 },
  medio: { pollo: 124, arroz: 70, aceite: 19 },
  bajo: { pollo: 143, arroz: 0, aceite: 19 },
} as const;

function dayMenu(tipo_dia: 'alto' | 'medio' | 'bajo') {
  const g = GRAMS[tipo_dia];
  return {
    tipo_dia,
    comidas: [
      meal('Desayuno', [
        [
          'Tortitas de arroz con leche sin lactosa y plátano',
          [
            ['tortitas_arroz', 30],
            ['leche_sin_lactosa', 250],
            ['platano', 100],
          ],
        ],
      ]),
      meal('Comida', [
        [
          'Arroz con pollo y verduras',
          [
            ['arroz_integral_crudo', g.arroz],
            ['pollo_pechuga_cruda', g.pollo],
            ['pimiento_rojo', 100],
            ['espinacas', 100],
            ['aceite_oliva_virgen_extra', g.aceite],
          ],
        ],
      ]),
      meal('Merienda', [
        [
          'Tortitas de arroz con pavo',
          [
            ['tortitas_arroz', 30],
            ['pavo_pechuga_cruda', 60],
            ['tomate', 80],
            ['manzana', 150],
          ],
        ],
      ]),
      meal('Cena', [
        [
          'Merluza al horno con patata',
          [
            ['merluza_cruda', 180],
            ['patata_cruda', 150],
            ['judias_verdes', 200],
            ['aceite_oliva_virgen_extra', g.aceite],
          ],
        ],
        ['Postre', [['fresas', 150]]],
      ]),
    ],
  };
}

const menu: MenuPlan = MenuPlanSchema.parse({
  menus: [dayMenu('alto'), dayMenu('medio'), dayMenu('bajo')],
  equivalencias: ['Pollo ↔ pavo o conejo', 'Arroz ↔ patata o quinoa'],
});

const adherence = N7OutputSchema.parse({
  habitos: ['Pesarse en ayunas 2 veces por semana'],
  hidratacion: '2 L de agua al día',
  suplementos: [
    { nombre: 'Creatina monohidrato', dosis: '3 g/día', motivo: 'rendimiento', cafeina_mg: 0 },
    { nombre: 'Cafeína', dosis: '1 cápsula antes de entrenar', motivo: 'rendimiento', cafeina_mg: 150 },
  ],
  barreras: ['Comidas fuera de casa'],
  estrategias: ['Preparar la comida el domingo'],
});

function input(overrides: Partial<NutritionAuditInput> = {}): NutritionAuditInput {
  return { facts: facts(), metabolism, energy, macros, menu, adherence, cafeina_mg_dia: 100, ...overrides };
}

const audit = (overrides: Partial<NutritionAuditInput> = {}) => auditNutrition(input(overrides));
const byId = (checks: AuditCheckResult[], id: string) => {
  const found = checks.find((check) => check.id === id);
  if (!found) throw new Error(`${id} no está en la auditoría`);
  return found;
};
const failed = (checks: AuditCheckResult[]) =>
  checks.filter((check) => !check.passed).map((check) => check.id);

/**
 * The menu with one ingredient added to the first dish of the given meal of every day, as free
 * text — the way plans stored before the food table named foods, still read word by word.
 */
function withIngredient(mealName: string, alimento: string): MenuPlan {
  return {
    ...menu,
    menus: menu.menus.map((day) => ({
      ...day,
      comidas: day.comidas.map((m) =>
        m.nombre !== mealName
          ? m
          : {
              ...m,
              platos: m.platos.map((plato, index) =>
                index === 0
                  ? { ...plato, ingredientes: [...plato.ingredientes, { alimento, cantidad_g: 100 }] }
                  : plato,
              ),
            },
      ),
    })),
  };
}

/** Every day type at `kcal`, macros consistent with it (protein 1.8 g/kg, fat 30 %). */
function flatEnergy(kcal: number) {
  const protein = 108;
  const fat = Math.round((kcal * 0.3) / 9);
  const carbs = Math.round((kcal - 4 * protein - 9 * fat) / 4);
  const day = { kcal, proteina_g: protein, grasa_g: fat, carbohidratos_g: carbs };
  return {
    energy: {
      ...energy,
      kcal_objetivo: kcal,
      por_tipo_dia: { alto: kcal, medio: kcal, bajo: kcal },
      media_semanal: kcal,
    },
    macros: { ...macros, por_tipo_dia: { alto: day, medio: day, bajo: day } },
  };
}

describe('auditNutrition: a correct plan', () => {
  it('passes every check, in rule-table order', () => {
    const checks = audit();
    expect(checks.map((check) => check.id)).toEqual([
      'NUT-01',
      'NUT-02',
      'NUT-03',
      'NUT-04',
      'NUT-05',
      'NUT-07',
      'NUT-08',
      'NUT-09',
      'NUT-11',
      'NUT-12',
      'NUT-13',
      'NUT-14',
      'NUT-15',
      'NUT-16',
      'NUT-17',
      'NUT-18',
      'NUT-20',
    ]);
    expect(checks.filter((check) => !check.passed)).toEqual([]);
    expect(byId(checks, 'NUT-03').reason).toMatch(/pérdida prevista 0,45 %/);
    expect(byId(checks, 'NUT-14').reason).toBe('Ningún ingrediente contiene: gluten y lactosa.');
  });
});

describe('injected unsafe output: 900 kcal/day', () => {
  it('is blocked by the calorie floor (and the rate of loss)', () => {
    const checks = audit(flatEnergy(900));
    const floor = byId(checks, 'NUT-05');
    expect(floor).toMatchObject({ severity: 'block', passed: false });
    expect(floor.reason).toMatch(/mínimo de 1200 kcal \(mujer\).*día alto 900 kcal/);
    expect(byId(checks, 'NUT-03')).toMatchObject({ severity: 'block', passed: false });
  });
});

describe('NUT-01 BMR recomputed', () => {
  it('blocks a BMR that differs by more than 1 kcal from the declared equation', () => {
    const check = byId(audit({ metabolism: { ...metabolism, bmr: 1345, tdee: 1345 * 1.55 } }), 'NUT-01');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/BMR declarado 1345 kcal, recalculado 1320,3 kcal/);
  });

  it('tolerates rounding within 1 kcal', () => {
    expect(byId(audit({ metabolism: { ...metabolism, bmr: 1320, tdee: 2046 } }), 'NUT-01').passed).toBe(true);
  });

  it('blocks inputs that are not the client’s (a right formula on the wrong weight)', () => {
    const wrong = {
      ...metabolism,
      bmr: 1420.25,
      tdee: 1420.25 * 1.55,
      entradas: { ...metabolism.entradas, peso_kg: 70 },
    };
    expect(byId(audit({ metabolism: wrong }), 'NUT-01').reason).toMatch(
      /peso usado 70 kg ≠ peso del cliente 60 kg/,
    );
  });

  it('blocks a TDEE that is not BMR × PAL', () => {
    expect(byId(audit({ metabolism: { ...metabolism, tdee: 2100 } }), 'NUT-01').reason).toMatch(
      /TDEE declarado 2100/,
    );
  });

  it('checks DOMAIN test vectors for Mifflin-St Jeor (man) and Katch-McArdle', () => {
    const man = facts({ sexo: 'Hombre', peso_kg: 80, altura_cm: 180, edad: 30 });
    const manMetabolism = {
      ...metabolism,
      bmr: 1780,
      tdee: 1780 * 1.55,
      entradas: { peso_kg: 80, altura_cm: 180, edad: 30, sexo: 'Hombre' },
    };
    expect(byId(audit({ facts: man, metabolism: manMetabolism }), 'NUT-01').passed).toBe(true);

    const katch = {
      ...metabolism,
      ecuacion: 'katch_mcardle' as const,
      bmr: 1303.1,
      tdee: 1303.1 * 1.55,
      entradas: { peso_kg: 60, grasa_corporal_pct: 28, metodo_grasa: 'dexa' },
    };
    expect(byId(audit({ metabolism: katch }), 'NUT-01').passed).toBe(true);
    expect(
      byId(audit({ metabolism: { ...katch, bmr: 1320.25, tdee: 1320.25 * 1.55 } }), 'NUT-01').passed,
    ).toBe(false);
  });

  it('refuses Katch-McArdle on an estimated body-fat percentage or without one', () => {
    const estimated = {
      ...metabolism,
      ecuacion: 'katch_mcardle' as const,
      bmr: 1303.1,
      tdee: 1303.1 * 1.55,
      entradas: { peso_kg: 60, grasa_corporal_pct: 28, metodo_grasa: 'estimacion' },
    };
    expect(byId(audit({ metabolism: estimated }), 'NUT-01').reason).toMatch(/exige % de grasa medido/);
    const missing = { ...estimated, entradas: { peso_kg: 60 } };
    expect(byId(audit({ metabolism: missing }), 'NUT-01').reason).toMatch(/sin % de grasa ni masa magra/);
  });
});

describe('NUT-02 PAL', () => {
  it('warns outside 1.2–1.9', () => {
    const high = { ...metabolism, pal: 2.1, tdee: 1320.25 * 2.1 };
    expect(byId(audit({ metabolism: high }), 'NUT-02')).toMatchObject({ severity: 'warn', passed: false });
  });
});

describe('NUT-03 / NUT-04 rate of change', () => {
  it('warns above 1 % of body weight per week', () => {
    const { energy: e, macros: m } = flatEnergy(1300);
    const check = byId(audit({ energy: e, macros: m }), 'NUT-03');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/1,13 % del peso\/semana/);
  });

  it('blocks above 1.5 % per week even when the floor is respected', () => {
    const { energy: e, macros: m } = flatEnergy(1300);
    const active = { ...metabolism, pal: 1.9, tdee: 1320.25 * 1.9 };
    const checks = audit({ energy: e, macros: m, metabolism: active });
    expect(byId(checks, 'NUT-03')).toMatchObject({ severity: 'block', passed: false });
    expect(byId(checks, 'NUT-05').passed).toBe(true);
  });

  it('blocks any deficit when screening forbids one (minor, pregnancy, ED risk, underweight)', () => {
    const protectedClient = facts({ screening: { ...screening, no_deficit: true, caffeine_limit_mg: 200 } });
    const check = byId(audit({ facts: protectedClient }), 'NUT-03');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/el cribado prohíbe el déficit/);
  });

  it('warns on a surplus above 20 % of TDEE', () => {
    const { energy: e, macros: m } = flatEnergy(2600);
    const checks = audit({ energy: e, macros: m });
    expect(byId(checks, 'NUT-04')).toMatchObject({ severity: 'warn', passed: false });
    expect(byId(checks, 'NUT-03').passed).toBe(true);
  });
});

describe('NUT-05 calorie floor', () => {
  it('uses 1,500 kcal for men and checks the day types actually used', () => {
    const man = facts({ sexo: 'Hombre', peso_kg: 80, altura_cm: 180, edad: 30, imc: 24.7 });
    const manMetabolism = {
      ...metabolism,
      bmr: 1780,
      tdee: 2759,
      entradas: { peso_kg: 80, altura_cm: 180, edad: 30, sexo: 'Hombre' },
    };
    const { energy: e, macros: m } = flatEnergy(1450);
    const check = byId(audit({ facts: man, metabolism: manMetabolism, energy: e, macros: m }), 'NUT-05');
    expect(check.reason).toMatch(/mínimo de 1500 kcal \(hombre\)/);
    expect(check.passed).toBe(false);
  });

  it('ignores an unused day type with no menu', () => {
    const twoTypes = {
      ...energy,
      por_tipo_dia: { alto: 1900, medio: 0, bajo: 1525 },
      dias_por_tipo: { alto: 4, medio: 0, bajo: 3 },
      kcal_objetivo: (1900 * 4 + 1525 * 3) / 7,
    };
    const twoMenus = { ...menu, menus: menu.menus.filter((day) => day.tipo_dia !== 'medio') };
    const checks = audit({ energy: twoTypes, menu: twoMenus });
    expect(byId(checks, 'NUT-05').passed).toBe(true);
    expect(byId(checks, 'NUT-07').passed).toBe(true);
  });
});

describe('NUT-07 weekly mean of cycled days', () => {
  it('blocks a week whose mean is more than 2 % off the target', () => {
    const check = byId(audit({ energy: { ...energy, kcal_objetivo: 1850 } }), 'NUT-07');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/Σ\(kcal × días\)\/7 = 1750 kcal vs objetivo 1850 kcal/);
  });

  it('blocks a week that does not have 7 days', () => {
    const sixDays = { ...energy, dias_por_tipo: { alto: 3, medio: 2, bajo: 1 } };
    expect(byId(audit({ energy: sixDays }), 'NUT-07').reason).toMatch(/suma 6 días/);
  });
});

describe('NUT-08 protein', () => {
  const withProtein = (grams: number) => {
    const day = (kcal: number, fat: number) => ({
      kcal,
      proteina_g: grams,
      grasa_g: fat,
      carbohidratos_g: Math.round((kcal - 4 * grams - 9 * fat) / 4),
    });
    return { ...macros, por_tipo_dia: { alto: day(1900, 59), medio: day(1750, 56), bajo: day(1525, 54) } };
  };

  it('blocks below 0.8 g/kg', () => {
    const check = byId(audit({ macros: withProtein(40) }), 'NUT-08');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/0,67 g\/kg < 0,8/);
  });

  it('warns between 0.8 and 1.4 and above 3.1 g/kg', () => {
    expect(byId(audit({ macros: withProtein(70) }), 'NUT-08')).toMatchObject({
      severity: 'warn',
      passed: false,
    });
    expect(byId(audit({ macros: withProtein(200) }), 'NUT-08').reason).toMatch(/3,33 g\/kg > 3,1/);
  });

  it('allows up to 3.1 g/kg in a deficit but only 2.2 without one', () => {
    expect(byId(audit({ macros: withProtein(150) }), 'NUT-08').passed).toBe(true);
    const maintenance = { ...metabolism, pal: 1.325, tdee: 1320.25 * 1.325 };
    expect(byId(audit({ macros: withProtein(150), metabolism: maintenance }), 'NUT-08').reason).toMatch(
      /2,5 g\/kg > 2,2 sin déficit/,
    );
  });

  it('uses the weight at BMI 25 for obese clients', () => {
    const obese = facts({ peso_kg: 100, imc: 36.7, alergias: [], intolerancias: [] });
    const obeseMetabolism = {
      ...metabolism,
      bmr: 1720.25,
      tdee: 1720.25 * 1.55,
      entradas: { ...metabolism.entradas, peso_kg: 100 },
    };
    const check = byId(audit({ facts: obese, metabolism: obeseMetabolism }), 'NUT-08');
    // 108 g on 68.1 kg (BMI 25 at 165 cm) = 1.59 g/kg, not 1.08 on the actual weight.
    expect(check.passed).toBe(true);
    expect(check.reason).toMatch(/1,59 g\/kg.*peso de referencia 68,1 kg/);
  });
});

describe('NUT-09 fat', () => {
  it('warns below 20 % of energy', () => {
    const low = { kcal: 1900, proteina_g: 108, grasa_g: 20, carbohidratos_g: 322 };
    const check = byId(
      audit({ macros: { ...macros, por_tipo_dia: { ...macros.por_tipo_dia, alto: low } } }),
      'NUT-09',
    );
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/día alto 9,5 % < 20 %/);
  });

  it('warns above 35 %', () => {
    const high = { kcal: 1900, proteina_g: 108, grasa_g: 90, carbohidratos_g: 165 };
    expect(
      byId(audit({ macros: { ...macros, por_tipo_dia: { ...macros.por_tipo_dia, alto: high } } }), 'NUT-09')
        .reason,
    ).toMatch(/> 35 %/);
  });
});

describe('NUT-11 4P + 4C + 9F', () => {
  it('blocks grams that do not add up to the day’s kcal (± 3 %)', () => {
    const wrong = { kcal: 1900, proteina_g: 108, grasa_g: 59, carbohidratos_g: 300 };
    const check = byId(
      audit({ macros: { ...macros, por_tipo_dia: { ...macros.por_tipo_dia, alto: wrong } } }),
      'NUT-11',
    );
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/4·108 \+ 4·300 \+ 9·59 = 2163 kcal ≠ 1900 kcal/);
  });

  it('blocks macros designed for other kcal than the energy strategy', () => {
    const shifted = {
      ...energy,
      por_tipo_dia: { ...energy.por_tipo_dia, bajo: 1300 },
      kcal_objetivo: (5700 + 3500 + 2600) / 7,
    };
    expect(byId(audit({ energy: shifted }), 'NUT-11').reason).toMatch(
      /macros para 1525 kcal pero la estrategia energética fija 1300/,
    );
  });
});

describe('injected unsafe output: an allergen in a meal (NUT-14)', () => {
  it('yogurt for a lactose-intolerant client is blocked, naming day, meal, dish and ingredient', () => {
    const check = byId(audit({ menu: withIngredient('Merienda', 'Yogur griego natural') }), 'NUT-14');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toContain(
      'día alto · Merienda · «Tortitas de arroz con pavo»: «Yogur griego natural» → lácteos con lactosa (intolerancia: lactosa)',
    );
  });

  it('gluten for a celiac client is blocked (bread, wheat flour, plain oats, couscous)', () => {
    for (const food of ['Pan integral', 'Harina de trigo', 'Copos de avena', 'Cuscús', 'Espaguetis']) {
      const check = byId(audit({ menu: withIngredient('Comida', food) }), 'NUT-14');
      expect(check.passed, food).toBe(false);
      expect(check.reason).toContain('cereales con gluten (alergia: gluten)');
    }
  });

  it('lactose-free and gluten-free products pass', () => {
    for (const food of [
      'Queso fresco sin lactosa',
      'Pan de molde sin gluten',
      'Harina de trigo sarraceno',
      'Pasta de lentejas',
    ]) {
      expect(byId(audit({ menu: withIngredient('Comida', food) }), 'NUT-14').passed, food).toBe(true);
    }
  });

  it('reads free-text allergies of imported questionnaires', () => {
    const imported = facts({ alergias: ['Celiaquía', 'marisco'], intolerancias: [] });
    const check = byId(
      audit({ facts: imported, menu: withIngredient('Comida', 'Gambas peladas') }),
      'NUT-14',
    );
    expect(check.reason).toContain('«Gambas peladas» → crustáceos (alergia: marisco)');
  });

  it('asks for a manual review of restrictions it cannot check word by word', () => {
    const check = byId(audit({ facts: facts({ intolerancias: ['fructosa'], alergias: [] }) }), 'NUT-14');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/intolerancia «fructosa»/);
  });

  it('blocks a food outside the EU-14 the client declared (alimento:kiwi), in Spanish or English', () => {
    const kiwi = facts({ alergias: ['alimento:kiwi'], intolerancias: [] });
    for (const ingredient of ['Kiwi troceado', 'Kiwis', 'kiwi fruit']) {
      const check = byId(audit({ facts: kiwi, menu: withIngredient('Comida', ingredient) }), 'NUT-14');
      expect(check).toMatchObject({ severity: 'block', passed: false });
      expect(check.reason).toContain('alimento:kiwi');
    }
    const peach = facts({ alergias: ['alimento:melocoton'], intolerancias: [] });
    expect(
      byId(audit({ facts: peach, menu: withIngredient('Comida', 'Peach slices') }), 'NUT-14').passed,
    ).toBe(false);
  });

  it('blocks any ingredient an open allergy question could match, and every menu when it names nothing', () => {
    const open = facts({
      alergias: [],
      intolerancias: [],
      por_revisar: [
        {
          tema: 'alergia',
          campo: 'alergias',
          texto: 'algo de la fruta con hueso',
          palabras: ['fruta', 'hueso'],
        },
      ],
    });
    const fruit = byId(
      audit({ facts: open, menu: withIngredient('Comida', 'Fruta de temporada') }),
      'NUT-14',
    );
    expect(fruit).toMatchObject({ severity: 'block', passed: false });
    expect(fruit.reason).toMatch(/respuesta por confirmar: algo de la fruta con hueso/);
    const unnamed = facts({
      alergias: [],
      intolerancias: [],
      por_revisar: [{ tema: 'alergia', campo: 'alergias', texto: 'Sí', palabras: [] }],
    });
    const blocked = byId(audit({ facts: unnamed }), 'NUT-14');
    expect(blocked).toMatchObject({ severity: 'block', passed: false });
    expect(blocked.reason).toMatch(/sin decir a qué/);
  });

  it('checks the dietary pattern', () => {
    const vegan = facts({ patron_alimentario: 'vegano', alergias: [], intolerancias: [] });
    const check = byId(audit({ facts: vegan }), 'NUT-14');
    expect(check.passed).toBe(false);
    expect(check.reason).toMatch(/«Pechuga de pollo sin piel, cruda» → carne \(patrón: vegano\)/);
    expect(check.reason).toMatch(/«Leche semidesnatada sin lactosa» → leche y derivados \(patrón: vegano\)/);
  });
});

describe('NUT-15 disliked foods', () => {
  it('warns when a disliked food is in the menu, in singular or plural', () => {
    const check = byId(audit({ menu: withIngredient('Comida', 'Coliflores asadas') }), 'NUT-15');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    const lentils = facts({ alimentos_no_gustan: ['lentejas'] });
    expect(
      byId(audit({ facts: lentils, menu: withIngredient('Comida', 'Lenteja pardina') }), 'NUT-15').passed,
    ).toBe(false);
  });
});

describe('NUT-17 caffeine', () => {
  it('blocks a single dose above 200 mg', () => {
    const preWorkout = {
      ...adherence,
      suplementos: [{ nombre: 'Pre-entreno', dosis: '1 cacito', motivo: 'energía', cafeina_mg: 300 }],
    };
    const check = byId(audit({ adherence: preWorkout, cafeina_mg_dia: 0 }), 'NUT-17');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/Pre-entreno: 300 mg en una toma \(máx. 200 mg\)/);
  });

  it('adds the declared habitual intake to the supplements (EFSA 400 mg/day)', () => {
    const check = byId(audit({ cafeina_mg_dia: 300 }), 'NUT-17');
    expect(check.passed).toBe(false);
    expect(check.reason).toMatch(/total 450 mg\/día \(máx. 400 mg\)/);
  });

  it('uses the screening limit (pregnancy 200 mg/day, minors 3 mg/kg)', () => {
    const pregnant = facts({ screening: { ...screening, no_deficit: true, caffeine_limit_mg: 200 } });
    expect(byId(audit({ facts: pregnant, cafeina_mg_dia: 100 }), 'NUT-17').reason).toMatch(
      /total 250 mg\/día \(máx. 200 mg\)/,
    );
    const minor = facts({ screening: { ...screening, no_deficit: true, caffeine_limit_mg: 165 } });
    expect(byId(audit({ facts: minor, cafeina_mg_dia: null }), 'NUT-17').reason).toMatch(
      /150 mg en una toma \(máx. 165 mg\)|Cafeína 150 mg\/día ≤ 165 mg/,
    );
  });

  it('says when the habitual intake was not declared', () => {
    expect(byId(audit({ cafeina_mg_dia: undefined }), 'NUT-17').reason).toMatch(
      /consumo habitual no declarado/,
    );
  });
});

describe('failures name what to fix', () => {
  it('lists only the failed checks of an unsafe plan', () => {
    const { energy: e, macros: m } = flatEnergy(900);
    expect(failed(audit({ energy: e, macros: m, menu: withIngredient('Cena', 'Queso curado') }))).toEqual([
      'NUT-03',
      'NUT-05',
      'NUT-13',
      'NUT-14',
    ]);
  });
});
