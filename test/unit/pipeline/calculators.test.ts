import { describe, expect, it } from 'vitest';
import {
  ageYears,
  bmi,
  bmiClass,
  computeBmr,
  harrisBenedict1919,
  harrisBenedictRevised,
  katchMcArdle,
  leanBodyMassKg,
  mifflinStJeor,
  normalizeSex,
  weightAtBmi,
} from '../../../src/main/pipeline/calculators';

const man80 = { sex: 'hombre', weightKg: 80, heightCm: 180, ageYears: 30 } as const;
const woman60 = { sex: 'mujer', weightKg: 60, heightCm: 165, ageYears: 30 } as const;
const man95 = { sex: 'Hombre', weightKg: 95, heightCm: 175, ageYears: 45 } as const;
const woman70 = { sex: 'Mujer', weightKg: 70, heightCm: 160, ageYears: 55 } as const;

describe('BMR equations — docs/DOMAIN.md "Basal metabolic rate" test vectors (±0.1 kcal)', () => {
  it.each([
    ['man 80/180/30', man80, 1780.0, 1853.6, 1864.5],
    ['woman 60/165/30', woman60, 1320.25, 1383.7, 1393.8],
  ])('%s', (_label, inputs, msj, hbRev, hb1919) => {
    expect(mifflinStJeor(inputs)).toBeCloseTo(msj, 1);
    expect(Math.abs(harrisBenedictRevised(inputs) - hbRev)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(harrisBenedict1919(inputs) - hb1919)).toBeLessThanOrEqual(0.1);
  });

  it.each([
    ['man 95/175/45', man95, 1823.75, 1945.4],
    ['woman 70/160/55', woman70, 1264.0, 1352.4],
  ])('%s', (_label, inputs, msj, hbRev) => {
    expect(mifflinStJeor(inputs)).toBeCloseTo(msj, 1);
    expect(Math.abs(harrisBenedictRevised(inputs) - hbRev)).toBeLessThanOrEqual(0.1);
  });

  it('Katch-McArdle: 80 kg @ 20 % → 1752.4; 60 kg @ 28 % → 1303.1', () => {
    expect(leanBodyMassKg(80, 20)).toBeCloseTo(64, 10);
    expect(katchMcArdle(leanBodyMassKg(80, 20))).toBeCloseTo(1752.4, 1);
    expect(Math.abs(katchMcArdle(leanBodyMassKg(60, 28)) - 1303.1)).toBeLessThanOrEqual(0.1);
  });

  it('rejects impossible inputs', () => {
    expect(() => mifflinStJeor({ ...man80, weightKg: Number.NaN })).toThrow(RangeError);
    expect(() => mifflinStJeor({ ...man80, heightCm: 18 })).toThrow(/altura_cm/);
    expect(() => mifflinStJeor({ ...man80, ageYears: -1 })).toThrow(/edad/);
    expect(() => leanBodyMassKg(80, 90)).toThrow(/grasa_corporal_pct/);
    expect(() => mifflinStJeor({ ...man80, sex: 'x' as never })).toThrow(/sexo/);
  });

  it('normalizes sex labels', () => {
    expect(normalizeSex('Hombre')).toBe('hombre');
    expect(normalizeSex(' MUJER ')).toBe('mujer');
  });
});

describe('computeBmr', () => {
  const profile = { sexo: 'Hombre' as const, peso_kg: 80, altura_cm: 180, edad: 30 };

  it('defaults to Mifflin-St Jeor and records its inputs', () => {
    const r = computeBmr(profile);
    expect(r.equation).toBe('mifflin_st_jeor');
    expect(r.kcal).toBe(1780);
    expect(r.inputs).toEqual({
      sexo: 'Hombre',
      peso_kg: 80,
      altura_cm: 180,
      edad: 30,
      grasa_corporal_pct: null,
      metodo_grasa: null,
      masa_magra_kg: null,
    });
    expect(computeBmr({ sexo: 'Mujer', peso_kg: 60, altura_cm: 165, edad: 30 }).kcal).toBe(1320.3);
  });

  it.each(['dexa', 'bioimpedancia', 'pliegues'])(
    'uses Katch-McArdle with a measured body fat (%s)',
    (metodo) => {
      const r = computeBmr({ ...profile, grasa_corporal_pct: 20, metodo_grasa: metodo });
      expect(r.equation).toBe('katch_mcardle');
      expect(r.kcal).toBe(1752.4);
      expect(r.inputs.masa_magra_kg).toBe(64);
    },
  );

  it.each([
    [20, 'estimacion'],
    [20, 'ninguno'],
    [20, null],
    [null, 'dexa'],
  ])('keeps Mifflin-St Jeor when body fat is a guess or missing (%s, %s)', (pct, metodo) => {
    expect(computeBmr({ ...profile, grasa_corporal_pct: pct, metodo_grasa: metodo }).equation).toBe(
      'mifflin_st_jeor',
    );
  });

  it('stays within NUT-01 tolerance when recomputed from the stored inputs', () => {
    const r = computeBmr({ sexo: 'Mujer', peso_kg: 63.4, altura_cm: 167.5, edad: 41 });
    const again = mifflinStJeor({
      sex: r.inputs.sexo,
      weightKg: r.inputs.peso_kg,
      heightCm: r.inputs.altura_cm,
      ageYears: r.inputs.edad,
    });
    expect(Math.abs(r.kcal - again)).toBeLessThanOrEqual(0.05);
  });
});

describe('ageYears', () => {
  const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
  it('counts completed years on calendar dates', () => {
    expect(ageYears('1990-06-15', at('2024-06-14'))).toBe(33);
    expect(ageYears('1990-06-15', at('2024-06-15'))).toBe(34);
    expect(ageYears('1990-06-15', at('2024-12-31'))).toBe(34);
    expect(ageYears(new Date(Date.UTC(2008, 0, 10)), at('2026-01-09'))).toBe(17);
    expect(ageYears('2000-02-29', at('2023-02-28'))).toBe(22);
    expect(ageYears('2000-02-29', at('2023-03-01'))).toBe(23);
    expect(ageYears('2000-02-29', at('2024-02-29'))).toBe(24);
  });

  it('rejects malformed, impossible and future dates', () => {
    expect(() => ageYears('15/06/1990', at('2024-01-01'))).toThrow(RangeError);
    expect(() => ageYears('1990-02-30', at('2024-01-01'))).toThrow(/no existe/);
    expect(() => ageYears('2030-01-01', at('2024-01-01'))).toThrow(/futuro/);
    expect(() => ageYears('1990-01-01', new Date('nope'))).toThrow(RangeError);
  });
});

describe('bmi and WHO classes', () => {
  it('computes kg/m²', () => {
    expect(bmi(80, 180)).toBeCloseTo(24.69, 2);
    expect(bmi(120, 170)).toBeCloseTo(41.52, 2);
    expect(weightAtBmi(25, 180)).toBeCloseTo(81, 6);
  });

  it.each([
    [15.99, 'delgadez_severa'],
    [16, 'delgadez_moderada'],
    [16.99, 'delgadez_moderada'],
    [17, 'delgadez_leve'],
    [18.49, 'delgadez_leve'],
    [18.5, 'normal'],
    [24.99, 'normal'],
    [25, 'sobrepeso'],
    [30, 'obesidad_1'],
    [35, 'obesidad_2'],
    [39.99, 'obesidad_2'],
    [40, 'obesidad_3'],
  ])('%s → %s', (value, expected) => {
    expect(bmiClass(value)).toBe(expected);
  });

  it('rejects impossible values', () => {
    expect(() => bmi(80, 0)).toThrow(RangeError);
    expect(() => bmiClass(0)).toThrow(RangeError);
  });
});
