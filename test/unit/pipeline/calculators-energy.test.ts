import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PAL_MAX,
  PAL_MIN,
  activityBreakdown,
  activityFactor,
  energyTargets,
  projectedWeeklyChangePct,
  tdee,
  weeklyMeanError,
  type DayTypeCounts,
  type EnergyTargetsInput,
} from '../../../src/main/pipeline/calculators';

const week = (alto: number, medio: number, bajo: number): DayTypeCounts => ({ alto, medio, bajo });

describe('activityFactor (docs/DOMAIN.md "Activity level and TDEE")', () => {
  const base = { actividad_laboral: 'sedentaria' as const, pasos_diarios: null, avgSessionMinutes: 60 };

  it.each([
    [0, 1.2],
    [1, 1.375],
    [2, 1.375],
    [3, 1.55],
    [5, 1.55],
    [6, 1.725],
    [7, 1.725],
  ])('desk job, %s sessions of 60 min → %s', (sessions, pal) => {
    expect(activityFactor({ ...base, trainingSessionsPerWeek: sessions })).toBe(pal);
  });

  it('adds the job and daily steps (the larger of the two) and interpolates half steps', () => {
    expect(activityFactor({ ...base, actividad_laboral: 'muy_activa', trainingSessionsPerWeek: 4 })).toBe(
      1.9,
    );
    expect(activityFactor({ ...base, actividad_laboral: 'activa', trainingSessionsPerWeek: 4 })).toBe(1.725);
    expect(activityFactor({ ...base, actividad_laboral: 'de_pie', trainingSessionsPerWeek: 2 })).toBe(1.4625);
    expect(activityFactor({ ...base, pasos_diarios: 11_000, trainingSessionsPerWeek: 0 })).toBe(1.375);
    expect(activityFactor({ ...base, pasos_diarios: 5_000, trainingSessionsPerWeek: 0 })).toBe(1.2);
    expect(
      activityBreakdown({
        ...base,
        actividad_laboral: 'activa',
        pasos_diarios: 16_000,
        trainingSessionsPerWeek: 3,
      }),
    ).toEqual({ exerciseSteps: 2, nonExerciseSteps: 2, level: 4, pal: 1.9 });
  });

  it('short sessions count less, long sessions more, and the result is clamped to 1.9', () => {
    expect(activityFactor({ ...base, trainingSessionsPerWeek: 3, avgSessionMinutes: 20 })).toBe(1.375);
    expect(activityFactor({ ...base, trainingSessionsPerWeek: 1, avgSessionMinutes: 20 })).toBe(1.2);
    expect(activityFactor({ ...base, trainingSessionsPerWeek: 3, avgSessionMinutes: 120 })).toBe(1.725);
    expect(
      activityFactor({
        actividad_laboral: 'muy_activa',
        pasos_diarios: 20_000,
        trainingSessionsPerWeek: 7,
        avgSessionMinutes: 150,
      }),
    ).toBe(1.9);
  });

  it('always lands in [1.2, 1.9] (NUT-02)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sedentaria', 'de_pie', 'activa', 'muy_activa' as const),
        fc.option(fc.integer({ min: 0, max: 40_000 })),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 240 }),
        (job, steps, sessions, minutes) => {
          const pal = activityFactor({
            actividad_laboral: job,
            pasos_diarios: steps,
            trainingSessionsPerWeek: sessions,
            avgSessionMinutes: minutes,
          });
          return pal >= PAL_MIN && pal <= PAL_MAX;
        },
      ),
    );
  });

  it('rejects nonsense inputs', () => {
    expect(() => activityFactor({ ...base, trainingSessionsPerWeek: -1 })).toThrow(RangeError);
    expect(() =>
      activityFactor({ ...base, actividad_laboral: 'astronauta' as never, trainingSessionsPerWeek: 1 }),
    ).toThrow(/actividad_laboral/);
  });

  it('tdee = BMR × PAL', () => {
    expect(tdee(1780, 1.55)).toBe(2759);
    expect(tdee(1320.25, 1.375)).toBe(1815.3);
    expect(() => tdee(1780, 3)).toThrow(RangeError);
  });
});

describe('energyTargets (docs/DOMAIN.md "Energy targets")', () => {
  const man: EnergyTargetsInput = {
    tdee: 2759,
    sex: 'Hombre',
    weightKg: 80,
    goal: 'perder_grasa',
    dayTypes: week(3, 2, 2),
    flags: { noDeficit: false },
  };

  it('fat loss: 20 % deficit, weekly mean on target, projected loss ≤ 1 %/week', () => {
    const r = energyTargets(man);
    expect(r.politica).toBe('deficit');
    expect(r.kcal_objetivo).toBe(2207);
    expect(Math.abs(r.media_semanal - 2207)).toBeLessThan(1);
    expect(r.deficit_pct).toBeCloseTo(20, 0);
    expect(r.cambio_semanal_kg).toBeCloseTo(-0.5, 1);
    expect(r.cambio_semanal_pct).toBeCloseTo(-0.63, 1);
    expect(r.por_tipo_dia.alto).toBeGreaterThan(r.por_tipo_dia.medio);
    expect(r.por_tipo_dia.medio).toBeGreaterThan(r.por_tipo_dia.bajo);
    // No single day past a 25 % deficit.
    expect(r.por_tipo_dia.bajo).toBeGreaterThanOrEqual(Math.ceil(2759 * 0.75));
    expect(weeklyMeanError(r.por_tipo_dia, r.dias_por_tipo, r.kcal_objetivo)).toBeLessThanOrEqual(0.02);
    expect(r.suelo_aplicado).toBe(false);
  });

  it('caps the deficit at 750 kcal/day for a large TDEE', () => {
    const r = energyTargets({ ...man, tdee: 4200, weightKg: 120 });
    expect(r.kcal_objetivo).toBe(3450);
    expect(r.ajustes.join(' ')).toMatch(/750/);
  });

  it('caps the deficit so the projected loss stays ≤ 1 % body weight per week', () => {
    const r = energyTargets({ ...man, tdee: 3000, weightKg: 50 });
    expect(r.cambio_semanal_pct).toBeGreaterThanOrEqual(-1.0);
    expect(r.kcal_objetivo).toBe(3000 - 550);
  });

  it('the floor kicks in for a small woman on a fat-loss goal (1,200 kcal, no cycling below it)', () => {
    // Woman 50 kg / 155 cm / 30 y, sedentary: MSJ 1157.75 × 1.2 = 1389.3.
    const r = energyTargets({ ...man, sex: 'Mujer', tdee: 1389.3, weightKg: 50, dayTypes: week(2, 3, 2) });
    expect(r.suelo_aplicado).toBe(true);
    expect(r.suelo_kcal).toBe(1200);
    expect(r.kcal_objetivo).toBe(1200);
    expect(r.por_tipo_dia).toEqual({ alto: 1200, medio: 1200, bajo: 1200 });
    expect(r.ajustes.join(' ')).toMatch(/mínimo/);
  });

  it('the floor holds even when the estimated TDEE is below it', () => {
    const r = energyTargets({ ...man, sex: 'Mujer', tdee: 1150, weightKg: 45 });
    expect(r.kcal_objetivo).toBe(1200);
    expect(Math.min(...Object.values(r.por_tipo_dia))).toBeGreaterThanOrEqual(1200);
    expect(r.deficit_pct).toBeLessThan(0);
    expect(r.ajustes.join(' ')).toMatch(/revisión profesional/);
  });

  it('men get the 1,500 kcal floor', () => {
    const r = energyTargets({ ...man, tdee: 1700, weightKg: 60 });
    expect(r.kcal_objetivo).toBe(1500);
    expect(Math.min(...Object.values(r.por_tipo_dia))).toBeGreaterThanOrEqual(1500);
  });

  it('a screening no-deficit flag turns fat loss into maintenance', () => {
    const r = energyTargets({ ...man, flags: { noDeficit: true } });
    expect(r.politica).toBe('mantenimiento');
    expect(r.kcal_objetivo).toBe(2759);
    expect(r.deficit_pct).toBeCloseTo(0, 0);
    expect(r.ajustes.join(' ')).toMatch(/déficit no permitido/);
  });

  it('muscle gain: 10 % surplus, gain ≤ 0.5 %/week', () => {
    const r = energyTargets({ ...man, goal: 'ganar_musculo', tdee: 2800 });
    expect(r.politica).toBe('superavit');
    expect(r.kcal_objetivo).toBe(3080);
    expect(r.deficit_pct).toBeCloseTo(-10, 0);
    expect(r.cambio_semanal_pct).toBeGreaterThan(0);
    expect(r.cambio_semanal_pct).toBeLessThanOrEqual(0.5);
    const light = energyTargets({ ...man, goal: 'ganar_musculo', tdee: 2600, weightKg: 45 });
    expect(light.kcal_objetivo).toBe(Math.round(2600 + 45 * 5.5));
    expect(light.ajustes.join(' ')).toMatch(/0.5 %/);
  });

  it.each(['recomposicion', 'mantenimiento', 'salud', 'fuerza', 'rendimiento'])('%s ≈ TDEE', (goal) => {
    const r = energyTargets({ ...man, goal });
    expect(r.politica).toBe('mantenimiento');
    expect(r.kcal_objetivo).toBe(2759);
    expect(r.por_tipo_dia.alto).toBeCloseTo((2759 * 1.1) / ((3 * 1.1 + 2 + 2 * 0.9) / 7), -1);
  });

  it('unknown goals fall back to maintenance and say so', () => {
    const r = energyTargets({ ...man, goal: 'ser feliz' });
    expect(r.politica).toBe('mantenimiento');
    expect(r.ajustes[0]).toMatch(/no reconocido/);
  });

  it('rejects day types that do not sum to 7', () => {
    expect(() => energyTargets({ ...man, dayTypes: week(3, 3, 3) })).toThrow(/sumar 7/);
    expect(() => energyTargets({ ...man, dayTypes: week(-1, 4, 4) })).toThrow(RangeError);
  });

  it('keeps the weekly mean on target (± 2 %), every day ≥ floor and within TDEE −25 % / +20 %', () => {
    const dayTypes = fc
      .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }))
      .filter(([a, m]) => a + m <= 7)
      .map(([a, m]) => week(a, m, 7 - a - m));
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 5000 }),
        fc.integer({ min: 40, max: 200 }),
        fc.constantFrom('Hombre', 'Mujer' as const),
        fc.constantFrom('perder_grasa', 'ganar_musculo', 'recomposicion', 'salud'),
        dayTypes,
        fc.boolean(),
        (tdeeKcal, weightKg, sex, goal, days, noDeficit) => {
          const r = energyTargets({
            tdee: tdeeKcal,
            sex,
            weightKg,
            goal,
            dayTypes: days,
            flags: { noDeficit },
          });
          const floor = sex === 'Hombre' ? 1500 : 1200;
          const values = Object.values(r.por_tipo_dia);
          expect(weeklyMeanError(r.por_tipo_dia, days, r.kcal_objetivo)).toBeLessThanOrEqual(0.02);
          expect(Math.min(...values)).toBeGreaterThanOrEqual(floor);
          expect(Math.max(...values)).toBeLessThanOrEqual(Math.max(floor, tdeeKcal * 1.2) + 1);
          if (!r.suelo_aplicado)
            expect(Math.min(...values)).toBeGreaterThanOrEqual(Math.floor(tdeeKcal * 0.75));
          if (noDeficit) expect(r.deficit_pct).toBeLessThanOrEqual(0.1);
          expect(r.cambio_semanal_pct).toBeGreaterThanOrEqual(-1.0);
          expect(r.cambio_semanal_pct <= 0.5 || r.suelo_aplicado).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('projectedWeeklyChangePct', () => {
    expect(projectedWeeklyChangePct(2259, 2759, 80)).toBeCloseTo(((-500 * 7) / 7700 / 80) * 100, 10);
    expect(projectedWeeklyChangePct(2759, 2759, 80)).toBe(0);
  });
});
