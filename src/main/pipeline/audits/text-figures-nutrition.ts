import type { N5Output, N7Output } from '@shared/agent-outputs/nutrition';
import type { EnergyStrategy, MacroDay, MacroDesign, Metabolism } from '@shared/plan-content';
import { quantitiesByKey, type AllowedValues, type PlanText } from './text-numbers';
import { DAY_TYPES, type DayType } from './day-types';

/*
 * What each nutrition text may state (docs/AUDITS.md §9): the numbers code computed for the agent
 * that writes it, plus what follows from them by one step a reader expects (the difference between
 * two day types, a deficit in kcal, a share of a meal). Used by the agents' repair round (from
 * their input) and by NUT-20 (from the stored plan), so both judge a text the same way.
 */

type Builder = Record<string, number[]>;

function add(target: Builder, key: string, ...values: readonly (number | null | undefined)[]): void {
  const list = (target[key] ??= []);
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) list.push(value);
}

/** The values and every absolute difference between two of them ("400 kcal más el día alto"). */
export function withDifferences(values: readonly number[]): number[] {
  const differences = values.flatMap((a, i) => values.slice(i + 1).map((b) => Math.abs(a - b)));
  return [...values, ...differences.filter((d) => d > 0)];
}

/** Numbers the input's own notes state ("Déficit limitado a 1000 kcal/día") may be repeated. */
function addFromTexts(target: Builder, texts: readonly string[]): void {
  for (const [key, values] of Object.entries(quantitiesByKey(texts))) {
    if (target[key] !== undefined) add(target, key, ...values);
  }
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** N1: BMR, TDEE, their difference, the PAL and the training load it came from. */
export function metabolismFigures(metabolism: Omit<Metabolism, 'explicacion'>): AllowedValues {
  const figures: Builder = {};
  add(figures, 'kcal', metabolism.bmr, metabolism.tdee, metabolism.tdee - metabolism.bmr);
  add(figures, 'pal', metabolism.pal);
  const sessions = num(metabolism.entradas['sesiones_semana']);
  const minutes = num(metabolism.entradas['minutos_semana']);
  add(figures, 'sessions', sessions);
  add(figures, 'days', sessions);
  add(figures, 'minutes', minutes, sessions && minutes !== null ? minutes / sessions : null);
  const fat = num(metabolism.entradas['grasa_corporal_pct']);
  if (fat !== null) add(figures, 'pct:grasa_corporal', fat);
  return figures;
}

export type EnergyFigures = Pick<
  EnergyStrategy,
  'kcal_objetivo' | 'por_tipo_dia' | 'dias_por_tipo' | 'media_semanal' | 'deficit_pct' | 'cambio_semanal_pct'
> & { suelo_kcal?: number; ajustes?: readonly string[] };

/** N2: kcal per day type, target, weekly mean, TDEE and their differences; deficit and rate in %. */
export function energyFigures(energy: EnergyFigures, tdee: number): AllowedValues {
  const figures: Builder = {};
  const days = DAY_TYPES.map((type) => energy.por_tipo_dia[type]);
  add(figures, 'kcal', ...withDifferences([...days, energy.kcal_objetivo, energy.media_semanal, tdee]));
  add(figures, 'kcal', energy.suelo_kcal);
  add(
    figures,
    'pct',
    Math.abs(energy.deficit_pct),
    Math.abs(energy.cambio_semanal_pct),
    tdee > 0 ? (Math.abs(tdee - energy.kcal_objetivo) / tdee) * 100 : null,
    ...days.map((kcal) => (Math.abs(kcal - energy.kcal_objetivo) / energy.kcal_objetivo) * 100),
  );
  const training = energy.dias_por_tipo.alto + energy.dias_por_tipo.medio;
  for (const type of DAY_TYPES) add(figures, `days:${type}`, energy.dias_por_tipo[type]);
  add(figures, 'days', training);
  add(figures, 'sessions', training);
  add(figures, 'days:descanso', energy.dias_por_tipo.bajo);
  addFromTexts(figures, energy.ajustes ?? []);
  return figures;
}

const MACROS = [
  ['proteina', 'proteina_g', 4],
  ['grasa', 'grasa_g', 9],
  ['carbohidratos', 'carbohidratos_g', 4],
] as const;

/** Grams, g/kg and % of energy of one or more days, by nutrient, with differences between days. */
function addMacroDays(figures: Builder, days: readonly MacroDay[], weights: readonly number[]): void {
  add(figures, 'kcal', ...withDifferences(days.map((day) => day.kcal)));
  for (const [nutrient, field, kcalPerGram] of MACROS) {
    const grams = withDifferences(days.map((day) => day[field]));
    add(figures, `g:${nutrient}`, ...grams);
    add(figures, 'g', ...grams);
    const perKg = days.flatMap((day) => weights.map((kg) => day[field] / kg));
    add(figures, `g_kg:${nutrient}`, ...perKg);
    add(figures, 'g_kg', ...perKg);
    const pct = days.map((day) => (day.kcal > 0 ? ((kcalPerGram * day[field]) / day.kcal) * 100 : 0));
    add(figures, `pct:${nutrient}`, ...pct);
    add(figures, 'pct', ...pct);
  }
}

/**
 * N3: the day types' macros. `weights`: every weight a g/kg may be given on — the client's, the
 * calculator's adjusted weight and the audit's BMI-25 weight for BMI ≥ 30 (docs/DOMAIN.md "Macronutrients").
 */
export function macroFigures(
  macros: Pick<MacroDesign, 'por_tipo_dia' | 'proteina_g_kg' | 'grasa_pct'>,
  weights: readonly number[],
): AllowedValues {
  const figures: Builder = {};
  addMacroDays(
    figures,
    DAY_TYPES.map((type) => macros.por_tipo_dia[type]),
    weights.filter((kg) => kg > 0),
  );
  add(figures, 'g_kg:proteina', macros.proteina_g_kg);
  add(figures, 'g_kg', macros.proteina_g_kg);
  add(figures, 'pct:grasa', macros.grasa_pct);
  add(figures, 'pct', macros.grasa_pct);
  return figures;
}

/** N4: which days are high, medium, low, training and rest; the kcal of each type. */
export function weeklyFigures(
  semana: readonly { tipo_dia: DayType; entrena: boolean }[],
  kcal: Readonly<Record<DayType, number>>,
): AllowedValues {
  const figures: Builder = {};
  for (const type of DAY_TYPES)
    add(figures, `days:${type}`, semana.filter((d) => d.tipo_dia === type).length);
  const training = semana.filter((d) => d.entrena).length;
  add(figures, 'days', training);
  add(figures, 'sessions', training);
  add(figures, 'days:descanso', semana.length - training);
  add(figures, 'kcal', ...withDifferences(DAY_TYPES.map((type) => kcal[type])));
  return figures;
}

/**
 * N5: each meal's share of the day's macros (%). N5 is written before the training load fixes the
 * day's grams (it runs beside the training chain, issue #19), so its texts may state its shares and
 * no gram or kcal figure: those are the menus' (N6), computed by code.
 */
export function timingFigures(output: Pick<N5Output, 'comidas'>): AllowedValues {
  // Present and empty: a gram, g/kg or kcal figure in N5's notes is an error, not a figure left
  // unchecked (checkTextNumbers skips a key it has no list for).
  const figures: Builder = { kcal: [] };
  for (const unit of ['g', 'g_kg'])
    for (const nutrient of ['', ':proteina', ':carbohidratos', ':grasa', ':fibra'])
      figures[`${unit}${nutrient}`] = [];
  for (const meal of output.comidas) {
    add(figures, 'pct:proteina', meal.proteina_pct);
    add(figures, 'pct:carbohidratos', meal.carbohidratos_pct);
    add(figures, 'pct:grasa', meal.grasa_pct);
    add(figures, 'pct', meal.proteina_pct, meal.carbohidratos_pct, meal.grasa_pct);
  }
  return figures;
}

/** What N7 is given to stay consistent with: the day types' kcal and protein, the client's weight. */
export interface AdherenceTargets {
  kcal_por_tipo_dia: Readonly<Record<DayType, number>>;
  proteina_g_por_tipo_dia: Readonly<Record<DayType, number>>;
  peso_kg: number;
}

/**
 * N7: kcal and protein only. Its other numbers (litres of water, mg of caffeine, g of creatine,
 * hours) are general guidance, and doses are NUT-17/NUT-18's.
 */
export function adherenceFigures(targets: AdherenceTargets): AllowedValues {
  const figures: Builder = {};
  add(figures, 'kcal', ...withDifferences(DAY_TYPES.map((type) => targets.kcal_por_tipo_dia[type])));
  const protein = DAY_TYPES.map((type) => targets.proteina_g_por_tipo_dia[type]);
  add(figures, 'g:proteina', ...protein);
  if (targets.peso_kg > 0) add(figures, 'g_kg:proteina', ...protein.map((g) => g / targets.peso_kg));
  return figures;
}

/** N0: kcal only, and only those its input already states (a screening reason, an answer). */
export function triageFigures(input: unknown): AllowedValues {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(input);
  return { kcal: quantitiesByKey(strings)['kcal'] ?? [] };
}

export function adherenceTexts(output: Partial<N7Output>): PlanText[] {
  return [
    ...(output.habitos ?? []).map((texto, i) => ({ campo: `habitos[${i}]`, texto })),
    ...(output.hidratacion ? [{ campo: 'hidratacion', texto: output.hidratacion }] : []),
    ...(output.barreras ?? []).map((texto, i) => ({ campo: `barreras[${i}]`, texto })),
    ...(output.estrategias ?? []).map((texto, i) => ({ campo: `estrategias[${i}]`, texto })),
    ...(output.suplementos ?? []).flatMap((s, i) => [
      { campo: `suplementos[${i}].dosis`, texto: s.dosis },
      { campo: `suplementos[${i}].motivo`, texto: s.motivo },
    ]),
  ];
}

export function timingTexts(output: N5Output): PlanText[] {
  return [
    ...output.comidas.map((meal, i) => ({ campo: `comidas[${i}].nota`, texto: meal.nota })),
    { campo: 'peri_entreno', texto: output.peri_entreno },
  ];
}
