import { assertInRange, normalizeSex, round, type SexInput } from './common';

/*
 * Resting/basal energy equations, exactly as in docs/DOMAIN.md "Basal metabolic rate" (kg, cm, years → kcal/day).
 *   Mifflin-St Jeor 1990 [MSJ] — default.
 *   Harris-Benedict revised, Roza & Shizgal 1984 [HB1][HB2] — comparison.
 *   Harris-Benedict original 1919 [HB1] — legacy comparison only.
 *   Katch-McArdle [KM1][KM2] — only with a measured body-fat % (DEXA, BIA, skinfolds).
 * NUT-01 recomputes the stored BMR from the stored inputs and equation (|Δ| ≤ 1 kcal).
 */

export interface BmrInputs {
  sex: SexInput;
  weightKg: number;
  heightCm: number;
  ageYears: number;
}

function check({ weightKg, heightCm, ageYears }: BmrInputs): void {
  assertInRange('peso_kg', weightKg, 20, 400);
  assertInRange('altura_cm', heightCm, 90, 260);
  assertInRange('edad', ageYears, 0, 120);
}

/** Mifflin-St Jeor: 10·W + 6.25·H − 5·A + 5 (men) / − 161 (women). [MSJ] */
export function mifflinStJeor(inputs: BmrInputs): number {
  check(inputs);
  const { weightKg: w, heightCm: h, ageYears: a } = inputs;
  return 10 * w + 6.25 * h - 5 * a + (normalizeSex(inputs.sex) === 'hombre' ? 5 : -161);
}

/** Harris-Benedict revised (Roza & Shizgal 1984). [HB1][HB2] */
export function harrisBenedictRevised(inputs: BmrInputs): number {
  check(inputs);
  const { weightKg: w, heightCm: h, ageYears: a } = inputs;
  return normalizeSex(inputs.sex) === 'hombre'
    ? 88.362 + 13.397 * w + 4.799 * h - 5.677 * a
    : 447.593 + 9.247 * w + 3.098 * h - 4.33 * a;
}

/** Harris-Benedict original (1919) — legacy comparison only. [HB1] */
export function harrisBenedict1919(inputs: BmrInputs): number {
  check(inputs);
  const { weightKg: w, heightCm: h, ageYears: a } = inputs;
  return normalizeSex(inputs.sex) === 'hombre'
    ? 66.473 + 13.7516 * w + 5.0033 * h - 6.755 * a
    : 655.0955 + 9.5634 * w + 1.8496 * h - 4.6756 * a;
}

/** Lean body mass: W · (1 − BF%/100). [KM1] */
export function leanBodyMassKg(weightKg: number, bodyFatPct: number): number {
  assertInRange('peso_kg', weightKg, 20, 400);
  assertInRange('grasa_corporal_pct', bodyFatPct, 2, 75);
  return weightKg * (1 - bodyFatPct / 100);
}

/** Katch-McArdle: 370 + 21.6 · LBM (sex-independent). [KM1][KM2] */
export function katchMcArdle(leanMassKg: number): number {
  assertInRange('masa_magra_kg', leanMassKg, 10, 300);
  return 370 + 21.6 * leanMassKg;
}

/** Body-fat methods reliable enough for Katch-McArdle (docs/DOMAIN.md "Basal metabolic rate"). */
export const MEASURED_BODY_FAT_METHODS = ['dexa', 'bioimpedancia', 'pliegues'] as const;

export type BmrEquation = 'mifflin_st_jeor' | 'katch_mcardle';

export interface BmrProfile {
  sexo: SexInput;
  peso_kg: number;
  altura_cm: number;
  edad: number;
  grasa_corporal_pct?: number | null;
  metodo_grasa?: string | null;
}

export interface BmrResult {
  equation: BmrEquation;
  /** kcal/day, rounded to 0.1 (well inside NUT-01's 1 kcal tolerance). */
  kcal: number;
  /** Everything needed to recompute `kcal` (stored with the plan for NUT-01). */
  inputs: {
    sexo: 'Hombre' | 'Mujer';
    peso_kg: number;
    altura_cm: number;
    edad: number;
    grasa_corporal_pct: number | null;
    metodo_grasa: string | null;
    masa_magra_kg: number | null;
  };
}

export function usesKatchMcArdle(profile: Pick<BmrProfile, 'grasa_corporal_pct' | 'metodo_grasa'>): boolean {
  return (
    typeof profile.grasa_corporal_pct === 'number' &&
    (MEASURED_BODY_FAT_METHODS as readonly string[]).includes(profile.metodo_grasa ?? '')
  );
}

/**
 * BMR for a client: Katch-McArdle when a measured body-fat % exists (DEXA, BIA, skinfolds),
 * otherwise Mifflin-St Jeor.
 */
export function computeBmr(profile: BmrProfile): BmrResult {
  const sex = normalizeSex(profile.sexo);
  const base: BmrInputs = {
    sex,
    weightKg: profile.peso_kg,
    heightCm: profile.altura_cm,
    ageYears: profile.edad,
  };
  const inputs: BmrResult['inputs'] = {
    sexo: sex === 'hombre' ? 'Hombre' : 'Mujer',
    peso_kg: profile.peso_kg,
    altura_cm: profile.altura_cm,
    edad: profile.edad,
    grasa_corporal_pct: profile.grasa_corporal_pct ?? null,
    metodo_grasa: profile.metodo_grasa ?? null,
    masa_magra_kg: null,
  };
  if (usesKatchMcArdle(profile)) {
    const lbm = leanBodyMassKg(profile.peso_kg, profile.grasa_corporal_pct as number);
    check(base);
    return {
      equation: 'katch_mcardle',
      kcal: round(katchMcArdle(lbm), 1),
      inputs: { ...inputs, masa_magra_kg: round(lbm, 2) },
    };
  }
  return { equation: 'mifflin_st_jeor', kcal: round(mifflinStJeor(base), 1), inputs };
}
