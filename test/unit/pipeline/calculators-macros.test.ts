import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  macroConsistency,
  macroKcal,
  macroTargets,
  proteinReferenceWeight,
} from '../../../src/main/pipeline/calculators';

describe('macroKcal / macroConsistency', () => {
  it('4·P + 4·C + 9·F (+ 7·alcohol)', () => {
    expect(macroKcal(150, 200, 70)).toBe(2030);
    expect(macroKcal(150, 200, 70, 10)).toBe(2100);
  });

  it('relative error against stated kcal', () => {
    expect(macroConsistency(2030, { proteina_g: 150, carbohidratos_g: 200, grasa_g: 70 })).toBe(0);
    expect(macroConsistency(2000, { proteina_g: 150, carbohidratos_g: 200, grasa_g: 70 })).toBeCloseTo(
      0.015,
      10,
    );
    expect(
      macroConsistency(2000, { proteina_g: 150, carbohidratos_g: 200, grasa_g: 70, alcohol_g: 10 }),
    ).toBeCloseTo(0.05, 10);
    expect(() => macroConsistency(0, { proteina_g: 1, carbohidratos_g: 1, grasa_g: 1 })).toThrow(RangeError);
  });
});

describe('macroTargets (docs/DOMAIN.md "Macronutrients")', () => {
  it('trained client in a deficit: 2.4 g/kg protein, 25 % fat, carbs the remainder', () => {
    const r = macroTargets({
      kcal: 2200,
      weightKg: 80,
      heightCm: 180,
      goal: 'perder_grasa',
      trained: true,
      deficit: true,
    });
    expect(r.day).toEqual({ kcal: 2200, proteina_g: 192, grasa_g: 61, carbohidratos_g: 221 });
    expect(r.proteinPerKg).toBe(2.4);
    expect(r.fatPct).toBeCloseTo(25, 0);
    expect(r.referenceWeight).toEqual({ kg: 80, kind: 'real' });
    expect(r.consistencyError).toBeLessThanOrEqual(0.03);
    expect(r.avisos).toEqual([]);
  });

  it.each([
    [false, true, 2.0],
    [true, false, 2.0],
    [false, false, 1.6],
  ])('protein rule trained=%s deficit=%s → %s g/kg (within 1.6–2.2 default)', (trained, deficit, gPerKg) => {
    const r = macroTargets({ kcal: 2500, weightKg: 70, goal: 'salud', trained, deficit });
    expect(r.proteinPerKg).toBeCloseTo(gPerKg, 1);
    expect(r.proteinPerKg).toBeLessThanOrEqual(3.1);
  });

  it('obese client: g/kg applied to the adjusted weight (BMI 25 weight + 25 % of the excess)', () => {
    // 120 kg / 170 cm: BMI 41.5; W(25) = 72.25; adjusted = 72.25 + 0.25 · 47.75 = 84.2 kg.
    expect(proteinReferenceWeight(120, 170)).toEqual({ kg: 84.2, kind: 'ajustado' });
    const r = macroTargets({
      kcal: 2000,
      weightKg: 120,
      heightCm: 170,
      goal: 'perder_grasa',
      trained: false,
      deficit: true,
    });
    expect(r.day.proteina_g).toBe(168);
    expect(r.proteinPerReferenceKg).toBeCloseTo(2.0, 1);
    expect(r.proteinPerKg).toBe(1.4);
    expect(r.avisos[0]).toMatch(/peso ajustado de 84.2 kg/);
    // Without height the actual weight is used.
    expect(proteinReferenceWeight(120)).toEqual({ kg: 120, kind: 'real' });
    expect(proteinReferenceWeight(70, 175)).toEqual({ kg: 70, kind: 'real' });
  });

  it('small woman at the 1,200 kcal floor still gets ≥ 20 % fat and ≥ 0.5 g/kg', () => {
    const r = macroTargets({
      kcal: 1200,
      weightKg: 50,
      heightCm: 155,
      goal: 'perder_grasa',
      trained: true,
      deficit: true,
    });
    expect(r.day).toEqual({ kcal: 1200, proteina_g: 120, grasa_g: 33, carbohidratos_g: 106 });
    expect(r.fat.pct).toBeGreaterThanOrEqual(20);
    expect(r.fat.gPerKg).toBeGreaterThanOrEqual(0.5);
  });

  it('fat floor by g/kg wins over the percentage for a heavy client on low kcal', () => {
    // 25 % of 1500 = 41.7 g < 0.5 g/kg · 100 kg = 50 g.
    const r = macroTargets({
      kcal: 1500,
      weightKg: 100,
      heightCm: 190,
      goal: 'perder_grasa',
      trained: false,
      deficit: true,
    });
    expect(r.day.grasa_g).toBe(50);
  });

  it('when kcal cannot hold protein + minimum fat: carbs 0, protein reduced, warning', () => {
    const r = macroTargets({
      kcal: 600,
      weightKg: 100,
      heightCm: 190,
      goal: 'perder_grasa',
      trained: true,
      deficit: true,
    });
    expect(r.day.carbohidratos_g).toBe(0);
    expect(r.day.grasa_g).toBe(50);
    expect(r.day.proteina_g).toBe(37);
    expect(r.avisos.join(' ')).toMatch(/proteína reducida/);
    expect(r.consistencyError).toBeLessThanOrEqual(0.03);
  });

  it('ketogenic: 30 g carbs, fat takes the remainder', () => {
    const r = macroTargets({
      kcal: 2000,
      weightKg: 70,
      goal: 'salud',
      trained: false,
      deficit: false,
      ketogenic: true,
    });
    expect(r.day).toEqual({ kcal: 2000, proteina_g: 112, grasa_g: 159, carbohidratos_g: 30 });
    expect(r.fatPct).toBeGreaterThan(35);
  });

  it('always consistent (NUT-11 ± 3 %), carbs ≥ 0, fat ≥ 20 % and ≥ 0.5 g/kg, protein ≤ 3.1 g/kg', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1200, max: 5000 }),
        fc.integer({ min: 40, max: 180 }),
        fc.integer({ min: 150, max: 205 }),
        fc.boolean(),
        fc.boolean(),
        (kcal, weightKg, heightCm, trained, deficit) => {
          const r = macroTargets({ kcal, weightKg, heightCm, goal: 'salud', trained, deficit });
          expect(r.consistencyError).toBeLessThanOrEqual(0.03);
          expect(r.day.carbohidratos_g).toBeGreaterThanOrEqual(0);
          expect(r.proteinPerKg).toBeLessThanOrEqual(3.1);
          if (r.avisos.every((a) => !a.includes('reducida'))) {
            expect(r.fat.pct).toBeGreaterThanOrEqual(20 - 0.5);
            expect(r.day.grasa_g).toBeGreaterThanOrEqual(Math.floor(0.5 * r.referenceWeight.kg));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
