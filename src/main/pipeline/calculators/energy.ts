import { assertInRange, normalizeSex, round, type Sex, type SexInput } from './common';

/*
 * Energy targets per day type (N2, docs/DOMAIN.md "Energy targets"). Every constant names its source (docs/SOURCES.md).
 */

/** Default fat-loss deficit: 20 % of TDEE (policy 15–20 %; AHA 500–750 kcal/day). [AHA1][HE] */
export const FAT_LOSS_DEFICIT_FRACTION = 0.2;
/** Upper bound of the AHA deficit band, kcal/day. [AHA1][AHA2] */
export const MAX_DEFICIT_KCAL = 750;
/** Never past 25 % of TDEE, on any day (WARN threshold of NUT-03 policy). docs/DOMAIN.md "Energy targets" */
export const MAX_DEFICIT_FRACTION = 0.25;
/** Projected loss ≤ 1 % body weight/week (0.5–1.0 %/wk maximises muscle retention). [HE] NUT-03 */
export const MAX_LOSS_PCT_PER_WEEK = 1.0;
/** Muscle-gain surplus: 10 % of TDEE (policy 5–15 %; Iraki 10–20 %). [IR] */
export const MUSCLE_GAIN_SURPLUS_FRACTION = 0.1;
/** Projected gain ≤ 0.5 % body weight/week (novice/intermediate upper bound). [IR] NUT-04 */
export const MAX_GAIN_PCT_PER_WEEK = 0.5;
/** No day above TDEE + 20 % (NUT-04 WARN threshold). [IR] */
export const MAX_SURPLUS_FRACTION = 0.2;
/** Calorie floors without medical supervision, kcal/day. [AHA1][FLR1][FLR2] NUT-05 */
export const CALORIE_FLOOR: Record<Sex, number> = { mujer: 1200, hombre: 1500 };
/** Calorie cycling: high days +10 %, low days −10 % around the target (A/M/B days of [ED5]). */
export const CYCLING_MULTIPLIERS = { alto: 1.1, medio: 1.0, bajo: 0.9 } as const;
/** Weekly mean must equal the target ± 2 % (NUT-07, arithmetic). */
export const WEEKLY_MEAN_TOLERANCE = 0.02;
/**
 * ≈ 7,700 kcal per kg of body-mass change: the classic static approximation used only to project
 * the weekly rate (general knowledge, not from the DOMAIN sources; real change slows with time).
 */
export const KCAL_PER_KG_BODY_MASS = 7700;

export type DayType = 'alto' | 'medio' | 'bajo';
export type DayTypeCounts = Record<DayType, number>;
export type EnergyPolicy = 'deficit' | 'superavit' | 'mantenimiento';

const DAY_TYPES: readonly DayType[] = ['alto', 'medio', 'bajo'];

export interface EnergyTargetsInput {
  tdee: number;
  sex: SexInput;
  weightKg: number;
  /** `objetivo_principal`; unknown values are treated as maintenance (noted in `ajustes`). */
  goal: string;
  /** Days per week of each type (sum 7), e.g. E9's `mapa_energetico`. */
  dayTypes: DayTypeCounts;
  flags: { noDeficit: boolean };
}

export interface EnergyTargets {
  politica: EnergyPolicy;
  /** Weekly-mean kcal target (before cycling), integer kcal/day. */
  kcal_objetivo: number;
  /** kcal/day for each day type (integers, all ≥ the floor). */
  por_tipo_dia: DayTypeCounts;
  dias_por_tipo: DayTypeCounts;
  /** Σ(kcal × days)/7 of the rounded day values. */
  media_semanal: number;
  /** (TDEE − weekly mean)/TDEE × 100: positive = deficit, negative = surplus. */
  deficit_pct: number;
  /** Projected body-weight change, % per week (negative = loss). */
  cambio_semanal_pct: number;
  cambio_semanal_kg: number;
  suelo_kcal: number;
  suelo_aplicado: boolean;
  /** Spanish notes on every adjustment made to the default policy (for the coach and N2's text). */
  ajustes: string[];
}

/** Projected weekly change in kg for a mean intake vs TDEE (negative = loss). */
export function projectedWeeklyChangeKg(meanKcal: number, tdeeKcal: number): number {
  return ((meanKcal - tdeeKcal) * 7) / KCAL_PER_KG_BODY_MASS;
}

/** Projected weekly change as % of body weight (negative = loss). NUT-03/NUT-04 */
export function projectedWeeklyChangePct(meanKcal: number, tdeeKcal: number, weightKg: number): number {
  assertInRange('peso_kg', weightKg, 20, 400);
  return (projectedWeeklyChangeKg(meanKcal, tdeeKcal) / weightKg) * 100;
}

export function calorieFloor(sex: SexInput): number {
  return CALORIE_FLOOR[normalizeSex(sex)];
}

function policyFor(goal: string): EnergyPolicy | undefined {
  switch (goal) {
    case 'perder_grasa':
      return 'deficit';
    case 'ganar_musculo':
      return 'superavit';
    case 'recomposicion':
    case 'mantenimiento':
    case 'salud':
    case 'fuerza':
    case 'rendimiento':
      return 'mantenimiento';
    default:
      return undefined;
  }
}

function checkDayTypes(dayTypes: DayTypeCounts): void {
  for (const t of DAY_TYPES) {
    const n = dayTypes[t];
    if (!Number.isInteger(n) || n < 0 || n > 7) throw new RangeError(`días de tipo ${t} inválidos: ${n}`);
  }
  const sum = dayTypes.alto + dayTypes.medio + dayTypes.bajo;
  if (sum !== 7) throw new RangeError(`los tipos de día deben sumar 7 días (suman ${sum})`);
}

/**
 * kcal per day type: deficit/surplus policy by goal, rate caps, floors, then ±10 % cycling
 * normalised so the weekly mean equals the target. The cycling amplitude shrinks (down to flat)
 * when a day would fall below the floor or outside TDEE −25 % / +20 %.
 */
export function energyTargets(input: EnergyTargetsInput): EnergyTargets {
  const { tdee, weightKg, dayTypes } = input;
  assertInRange('tdee', tdee, 800, 7_000);
  assertInRange('peso_kg', weightKg, 20, 400);
  checkDayTypes(dayTypes);
  const floor = calorieFloor(input.sex);
  const ajustes: string[] = [];

  let politica = policyFor(input.goal);
  if (politica === undefined) {
    ajustes.push(`Objetivo "${input.goal}" no reconocido: se aplica mantenimiento.`);
    politica = 'mantenimiento';
  }
  if (politica === 'deficit' && input.flags.noDeficit) {
    ajustes.push(
      'Cribado: déficit no permitido (menor, embarazo/lactancia, riesgo de TCA o bajo peso); se aplica mantenimiento.',
    );
    politica = 'mantenimiento';
  }

  let target = tdee;
  if (politica === 'deficit') {
    let deficit = tdee * FAT_LOSS_DEFICIT_FRACTION;
    if (deficit > MAX_DEFICIT_KCAL) {
      deficit = MAX_DEFICIT_KCAL;
      ajustes.push(`Déficit limitado a ${MAX_DEFICIT_KCAL} kcal/día (guía AHA/ACC/TOS).`);
    }
    const byRate = (MAX_LOSS_PCT_PER_WEEK / 100) * weightKg * (KCAL_PER_KG_BODY_MASS / 7);
    if (deficit > byRate) {
      deficit = byRate;
      ajustes.push(`Déficit limitado para no perder más del ${MAX_LOSS_PCT_PER_WEEK} % del peso por semana.`);
    }
    target = tdee - deficit;
  } else if (politica === 'superavit') {
    let surplus = tdee * MUSCLE_GAIN_SURPLUS_FRACTION;
    const byRate = (MAX_GAIN_PCT_PER_WEEK / 100) * weightKg * (KCAL_PER_KG_BODY_MASS / 7);
    if (surplus > byRate) {
      surplus = byRate;
      ajustes.push(
        `Superávit limitado para no ganar más del ${MAX_GAIN_PCT_PER_WEEK} % del peso por semana.`,
      );
    }
    target = tdee + surplus;
  }

  let sueloAplicado = false;
  if (target < floor) {
    sueloAplicado = true;
    target = floor;
    ajustes.push(
      tdee < floor
        ? `El gasto estimado (${round(tdee)} kcal) está por debajo del mínimo de ${floor} kcal: se fija el mínimo; conviene revisión profesional.`
        : `Objetivo elevado al mínimo de ${floor} kcal/día sin supervisión médica.`,
    );
  }
  target = Math.round(target);

  // Cycling around the target with the weekly mean fixed: day = T · (1 + a · d), Σ n·d = 0.
  const weighted = DAY_TYPES.reduce((s, t) => s + dayTypes[t] * CYCLING_MULTIPLIERS[t], 0) / 7;
  const offsets = Object.fromEntries(
    DAY_TYPES.map((t) => [t, CYCLING_MULTIPLIERS[t] / weighted - 1]),
  ) as Record<DayType, number>;
  const lowest = Math.max(floor, politica === 'deficit' ? tdee * (1 - MAX_DEFICIT_FRACTION) : 0);
  const highest = tdee * (1 + MAX_SURPLUS_FRACTION);
  let amplitude = 1;
  for (const t of DAY_TYPES) {
    const d = offsets[t];
    if (d < 0) amplitude = Math.min(amplitude, Math.max(0, (target - lowest) / (target * -d)));
    if (d > 0) amplitude = Math.min(amplitude, Math.max(0, (highest - target) / (target * d)));
  }
  if (amplitude < 1) {
    ajustes.push(
      amplitude === 0
        ? 'Sin ciclado calórico: todos los días iguales para respetar el mínimo.'
        : 'Ciclado calórico reducido para respetar el mínimo y los límites de déficit/superávit diarios.',
    );
  }
  const por_tipo_dia = Object.fromEntries(
    DAY_TYPES.map((t) => [t, Math.max(Math.ceil(lowest), Math.round(target * (1 + amplitude * offsets[t])))]),
  ) as DayTypeCounts;

  const mean = DAY_TYPES.reduce((s, t) => s + por_tipo_dia[t] * dayTypes[t], 0) / 7;
  const changeKg = projectedWeeklyChangeKg(mean, tdee);
  return {
    politica,
    kcal_objetivo: target,
    por_tipo_dia,
    dias_por_tipo: { ...dayTypes },
    media_semanal: round(mean, 1),
    deficit_pct: round(((tdee - mean) / tdee) * 100, 1),
    cambio_semanal_pct: round((changeKg / weightKg) * 100, 2),
    cambio_semanal_kg: round(changeKg, 2),
    suelo_kcal: floor,
    suelo_aplicado: sueloAplicado,
    ajustes,
  };
}

/** |weekly mean − target| / target (NUT-07 requires ≤ 2 %). */
export function weeklyMeanError(perDay: DayTypeCounts, days: DayTypeCounts, targetKcal: number): number {
  const mean = DAY_TYPES.reduce((s, t) => s + perDay[t] * days[t], 0) / 7;
  return Math.abs(mean - targetKcal) / targetKcal;
}
