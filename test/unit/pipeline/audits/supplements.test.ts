import { describe, expect, it } from 'vitest';
import {
  findForbidden,
  findSupplement,
  nut18,
  parseDose,
  SUPPLEMENT_CATALOG,
  supplementFindings,
  supplementRepairProblems,
  supplementRestriction,
} from '../../../../src/main/pipeline/audits';
import type { NutritionFacts } from '../../../../src/shared/plan-content';

const s = (nombre: string, dosis: string, cafeina_mg = 0) => ({
  nombre,
  dosis,
  motivo: 'rendimiento',
  cafeina_mg,
});
const adult: { restriction: string | null } = { restriction: null };
const severities = (list: ReturnType<typeof s>[], context = adult) =>
  supplementFindings(list, context).map((f) => `${f.severity}${f.repair ? '+repair' : ''}`);

describe('parseDose: the amount per intake and per day, from how N7 writes it', () => {
  it.each([
    ['5 g al día', 5, 5, 'g'],
    ['5g/día', 5, 5, 'g'],
    ['2 x 3 g', 3, 6, 'g'],
    ['3 g dos veces al día', 3, 6, 'g'],
    ['1,5 g three times a day', 1.5, 4.5, 'g'],
    ['4000 UI', 4000, 4000, 'iu'],
    ['2.000 IU daily', 2000, 2000, 'iu'],
    ['100 µg', 100, 100, 'ug'],
    ['25 mcg con el desayuno', 25, 25, 'ug'],
    ['200 mg 30 min antes de entrenar', 200, 200, 'mg'],
    ['3–5 g', 5, 5, 'g'],
    ['5.000 mg', 5000, 5000, 'mg'],
  ])('%s', (text, perDose, perDay, unit) => {
    expect(parseDose(text)).toEqual({ perDose, perDay, unit });
  });

  it('divides a weekly dose by 7 and gives null without an amount', () => {
    expect(parseDose('50.000 UI a la semana')?.perDay).toBeCloseTo(7142.86, 1);
    expect(parseDose('1 cápsula con la comida')).toBeNull();
    expect(parseDose('según etiqueta')).toBeNull();
  });
});

describe('the supplement table (resources/supplements.json)', () => {
  it('names a source for every entry', () => {
    for (const entry of [...SUPPLEMENT_CATALOG.supplements, ...SUPPLEMENT_CATALOG.forbidden])
      expect(entry.source.length).toBeGreaterThan(10);
  });

  it('finds supplements by their longest name, in Spanish and English', () => {
    expect(findSupplement('Creatine monohydrate')?.id).toBe('creatina');
    expect(findSupplement('Proteína de suero (whey)')?.id).toBe('proteina_polvo');
    expect(findSupplement('Vitamin D3')?.id).toBe('vitamina_d');
    expect(findSupplement('Ashwagandha')).toBeNull();
  });

  it('finds forbidden substances, but not after "sin" / "free"', () => {
    expect(findForbidden('Ostarine (MK-2866)').map((e) => e.id)).toEqual(['sarms']);
    expect(findForbidden('Fat burner with 1,3-dimethylamylamine').map((e) => e.id)).toEqual([
      'dmaa',
      'quemagrasas',
    ]);
    expect(findForbidden('2,4-dinitrofenol').map((e) => e.id)).toEqual(['dnp']);
    expect(findForbidden('Pre-entreno sin efedrina ni DMAA')).toEqual([]);
    expect(findForbidden('Stimulant-free pre workout')).toEqual([]);
  });
});

describe('supplementFindings (NUT-18 and N7’s repair round)', () => {
  it('passes whitelisted supplements in range', () => {
    expect(
      severities([
        s('Creatina monohidrato', '3 g al día'),
        s('Vitamina D', '2000 UI'),
        s('Whey', '30 g'),
        s('Omega 3', '2 g'),
      ]),
    ).toEqual([]);
  });

  it('blocks forbidden substances, with a repair round', () => {
    for (const name of [
      'Clenbuterol',
      'DNP',
      'Yohimbina',
      'Ligandrol (LGD-4033)',
      'Prohormonas',
      'Furosemida',
      'Té laxante de sen',
    ])
      expect(severities([s(name, '1 cápsula')]), name).toContain('block+repair');
  });

  it('above an established limit blocks; above the evidence range warns; both go back to the model', () => {
    expect(severities([s('Vitamina D3', '10.000 UI al día')])).toEqual(['block+repair']);
    expect(severities([s('Magnesio', '2 x 200 mg')])).toEqual(['block+repair']);
    expect(severities([s('Cafeína anhidra', '300 mg', 300)])).toEqual(['block+repair']);
    expect(severities([s('Creatina', '20 g/día')])).toEqual(['warn+repair']);
    expect(severities([s('Beta-alanina', '8 g al día')])).toEqual(['warn+repair']);
  });

  it('unknown supplements and unreadable doses warn for professional review, without a repair round', () => {
    expect(severities([s('Ashwagandha', '600 mg')])).toEqual(['warn']);
    expect(severities([s('Creatina', 'una cucharadita')])).toEqual(['warn']);
    expect(severities([s('Hierro', '14 mg')])).toEqual(['warn']);
  });

  it('synephrine warns alone and blocks next to caffeine', () => {
    expect(severities([s('Naranja amarga (sinefrina)', '20 mg')])).toEqual(['warn']);
    expect(severities([s('Sinefrina', '20 mg'), s('Cafeína', '200 mg', 200)])).toEqual(['block+repair']);
  });

  it('blocks any supplement for a minor or in pregnancy, but not protein powder (a food)', () => {
    const minor = { restriction: 'menor de edad (16 años)' };
    expect(severities([s('Creatina', '3 g al día')], minor)).toEqual(['block+repair']);
    expect(severities([s('Proteína en polvo', '25 g')], minor)).toEqual([]);
    expect(supplementRepairProblems([s('Creatina', '3 g')], minor)).toEqual([
      expect.stringContaining('ningún suplemento sin autorización profesional para menor de edad'),
    ]);
  });
});

describe('supplementRestriction and NUT-18', () => {
  const screening = (checks: NutritionFacts['screening']['checks']) => ({
    blocked: false,
    checks,
    no_deficit: false,
    caffeine_limit_mg: 400,
  });
  const facts = (edad: number, checks: NutritionFacts['screening']['checks'] = []) =>
    ({
      edad,
      sexo: 'Mujer',
      peso_kg: 60,
      altura_cm: 165,
      imc: 22,
      objetivo: 'salud',
      alergias: [],
      intolerancias: [],
      patron_alimentario: 'omnivoro',
      alimentos_no_gustan: [],
      comidas_dia: 4,
      screening: screening(checks),
      por_revisar: [],
    }) satisfies NutritionFacts;

  it('knows minors and pregnancy/lactation from the facts and the screening', () => {
    expect(supplementRestriction(facts(16))).toBe('menor de edad (16 años)');
    const pregnant = [{ id: 'SCR-04', severity: 'warn' as const, passed: false, reason: 'Lactancia' }];
    expect(supplementRestriction(facts(31, pregnant))).toBe('embarazo, posparto o lactancia');
    expect(supplementRestriction(facts(31))).toBeNull();
  });

  it('is block, warn or passed with the supplements named', () => {
    expect(nut18(facts(31), { suplementos: [s('Clenbuterol', '40 µg')] })).toMatchObject({
      id: 'NUT-18',
      severity: 'block',
      passed: false,
    });
    expect(nut18(facts(31), { suplementos: [s('Creatina', '20 g/día')] })).toMatchObject({
      severity: 'warn',
      passed: false,
    });
    const ok = nut18(facts(31), { suplementos: [s('Creatina', '5 g al día')] });
    expect(ok).toMatchObject({ severity: 'block', passed: true });
    expect(ok.reason).toContain('Creatina (5 g al día)');
    expect(nut18(facts(16), { suplementos: [s('Omega 3', '1 g')] })).toMatchObject({
      passed: false,
      severity: 'block',
    });
  });
});
