import type { N7Output } from '@shared/agent-outputs/nutrition';
import type { MenuPlan } from '@shared/menu-plan';
import type {
  AuditCheckResult,
  EnergyStrategy,
  MacroDay,
  MacroDesign,
  Metabolism,
  NutritionFacts,
  WeeklyStructure,
} from '@shared/plan-content';
import { nut12, nut13, nut16 } from './menu-targets';
import { nut14, nut15 } from './menu-restrictions';
import { checkResult, listEs } from './check';
import { nut18 } from './supplements';
import { nut20 } from './text-numbers-nutrition';
import { ADULT_CAFFEINE_LIMIT_MG } from './screening';
import { fmt, normalizeText } from './text';
import { DAY_TYPES, DAY_LABEL, type DayType } from './day-types';

/*
 * N8's deterministic checks (docs/DOMAIN.md "Numbers by code" and after; rules NUT-* in
 * docs/AUDITS.md "3. Nutrition audit (NUT-\*) — N8"). Every number is recomputed
 * here from the stored inputs — BMR from `metabolism.entradas`, the weekly mean from the day
 * types, kcal from grams — and never taken from a field the pipeline or the LLM filled in, so an
 * arithmetic slip anywhere upstream shows up as a failed check instead of a confident plan.
 *
 * The BMR equations are written out again here on purpose instead of importing the calculators:
 * an audit that calls the code it audits can only ever agree with it.
 */

export interface NutritionAuditInput {
  facts: NutritionFacts;
  metabolism: Metabolism;
  energy: EnergyStrategy;
  macros: MacroDesign;
  menu: Menus;
  adherence: Pick<N7Output, 'suplementos'>;
  /** Habitual caffeine from the questionnaire (`cafeina_mg_dia`); absent = not declared. */
  cafeina_mg_dia?: number | null;
  /** N4's stored field, for NUT-20; absent only in callers that audit without it (its text is skipped). */
  weekly_structure?: Pick<WeeklyStructure, 'semana' | 'explicacion'>;
  /** N7's texts, for NUT-20 (`adherence` names only the supplements NUT-17/NUT-18 read). */
  adherence_texts?: Pick<N7Output, 'habitos' | 'hidratacion' | 'barreras' | 'estrategias'>;
}

type Menus = Pick<MenuPlan, 'menus'>;

/** Tolerance for a recomputed BMR/TDEE (docs/DOMAIN.md "Basal metabolic rate": |Δ| > 1 kcal → BLOCK). */
const BMR_TOLERANCE_KCAL = 1;
/** Conventional energy content of 1 kg of body-weight change, for projected rates (heuristic). */
const KCAL_PER_KG = 7700;
/** Women 1,200 / men 1,500 kcal without medical supervision (docs/DOMAIN.md "Energy targets"). */
const KCAL_FLOOR = { Mujer: 1200, Hombre: 1500 } as const;
const WEEKLY_MEAN_TOLERANCE = 0.02;
const MACRO_KCAL_TOLERANCE = 0.03;
const EFSA_SINGLE_DOSE_MG = 200;

/** Day types the week actually uses, or that have a menu (a menu is served even if miscounted). */
function usedDayTypes(energy: EnergyStrategy, menu: Menus): DayType[] {
  const withMenu = new Set(menu.menus.map((day) => day.tipo_dia));
  return DAY_TYPES.filter((type) => energy.dias_por_tipo[type] > 0 || withMenu.has(type));
}

function weeklyMean(energy: EnergyStrategy): { mean: number; days: number } {
  const days = DAY_TYPES.reduce((sum, type) => sum + energy.dias_por_tipo[type], 0);
  const total = DAY_TYPES.reduce(
    (sum, type) => sum + energy.por_tipo_dia[type] * energy.dias_por_tipo[type],
    0,
  );
  return { mean: total / 7, days };
}

/**
 * Weight used for g/kg targets. For BMI ≥ 30 the weight at BMI 25 for the client's height
 * (heuristic, docs/DOMAIN.md "Macronutrients"): on actual weight, protein targets for obese clients become absurd.
 */
function referenceWeight(facts: NutritionFacts): { kg: number; note: string } {
  if (facts.imc < 30) return { kg: facts.peso_kg, note: '' };
  const metres = facts.altura_cm / 100;
  const kg = 25 * metres * metres;
  return { kg, note: ` (peso de referencia ${fmt(kg)} kg por IMC ≥ 30)` };
}

// ---- NUT-01 BMR recomputed ----

function numberInput(entradas: Metabolism['entradas'], keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = entradas[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (
      typeof value === 'string' &&
      value.trim() !== '' &&
      Number.isFinite(Number(value.replace(',', '.')))
    ) {
      return Number(value.replace(',', '.'));
    }
  }
  return null;
}

function sexInput(entradas: Metabolism['entradas']): 'Hombre' | 'Mujer' | null {
  const value = entradas['sexo'] ?? entradas['sexo_biologico'];
  if (typeof value !== 'string') return null;
  const text = normalizeText(value);
  if (text === 'hombre' || text === 'h' || text === 'masculino') return 'Hombre';
  if (text === 'mujer' || text === 'm' || text === 'femenino') return 'Mujer';
  return null;
}

/** docs/DOMAIN.md "Basal metabolic rate", Mifflin-St Jeor (1990). */
function mifflin(sexo: 'Hombre' | 'Mujer', kg: number, cm: number, years: number): number {
  return 10 * kg + 6.25 * cm - 5 * years + (sexo === 'Hombre' ? 5 : -161);
}

/** docs/DOMAIN.md "Basal metabolic rate", Katch-McArdle on lean body mass. */
function katch(leanKg: number): number {
  return 370 + 21.6 * leanKg;
}

const MEASURED_FAT_METHODS = new Set(['dexa', 'bioimpedancia', 'pliegues']);

function nut01(facts: NutritionFacts, metabolism: Metabolism): AuditCheckResult {
  const e = metabolism.entradas;
  const problems: string[] = [];
  const kg = numberInput(e, ['peso_kg', 'peso']);
  const cm = numberInput(e, ['altura_cm', 'altura']);
  const years = numberInput(e, ['edad', 'edad_anos']);
  const sexo = sexInput(e);

  // The stored inputs must be this client's: a right formula on the wrong weight is still wrong.
  if (kg !== null && Math.abs(kg - facts.peso_kg) > 0.05) {
    problems.push(`peso usado ${fmt(kg)} kg ≠ peso del cliente ${fmt(facts.peso_kg)} kg`);
  }
  if (cm !== null && Math.abs(cm - facts.altura_cm) > 0.5) {
    problems.push(`altura usada ${fmt(cm)} cm ≠ ${fmt(facts.altura_cm)} cm`);
  }
  if (years !== null && Math.round(years) !== Math.round(facts.edad)) {
    problems.push(`edad usada ${fmt(years, 0)} ≠ ${fmt(facts.edad, 0)} años`);
  }
  if (sexo !== null && sexo !== facts.sexo) problems.push(`sexo usado ${sexo} ≠ ${facts.sexo}`);

  let expected: number | null = null;
  if (metabolism.ecuacion === 'mifflin_st_jeor') {
    expected = mifflin(sexo ?? facts.sexo, kg ?? facts.peso_kg, cm ?? facts.altura_cm, years ?? facts.edad);
  } else {
    const method = e['metodo_grasa'];
    if (typeof method === 'string' && !MEASURED_FAT_METHODS.has(normalizeText(method))) {
      problems.push(`Katch-McArdle exige % de grasa medido (DEXA, bioimpedancia o pliegues), no «${method}»`);
    }
    const fatPct = numberInput(e, ['grasa_corporal_pct', 'grasa_pct']);
    const lean =
      numberInput(e, ['masa_magra_kg', 'lbm_kg', 'masa_magra']) ??
      (fatPct === null ? null : (kg ?? facts.peso_kg) * (1 - fatPct / 100));
    if (lean === null) problems.push('Katch-McArdle sin % de grasa ni masa magra en las entradas');
    else expected = katch(lean);
  }

  if (expected !== null && Math.abs(expected - metabolism.bmr) > BMR_TOLERANCE_KCAL) {
    problems.push(`BMR declarado ${fmt(metabolism.bmr)} kcal, recalculado ${fmt(expected)} kcal`);
  }
  const tdee = metabolism.bmr * metabolism.pal;
  if (Math.abs(tdee - metabolism.tdee) > BMR_TOLERANCE_KCAL) {
    problems.push(`TDEE declarado ${fmt(metabolism.tdee)} kcal ≠ BMR × PAL = ${fmt(tdee)} kcal`);
  }
  const equation = metabolism.ecuacion === 'mifflin_st_jeor' ? 'Mifflin-St Jeor' : 'Katch-McArdle';
  if (problems.length > 0) {
    return checkResult('NUT-01', 'block', false, `${equation}: ${listEs(problems)}.`);
  }
  return checkResult(
    'NUT-01',
    'block',
    true,
    `${equation}: BMR ${fmt(metabolism.bmr)} kcal y TDEE ${fmt(metabolism.tdee)} kcal comprobados.`,
  );
}

// ---- NUT-02 PAL range ----

function nut02(metabolism: Metabolism): AuditCheckResult {
  const pal = metabolism.pal;
  if (pal >= 1.2 && pal <= 1.9)
    return checkResult('NUT-02', 'warn', true, `Factor de actividad ${fmt(pal, 3)} (1,2–1,9).`);
  return checkResult(
    'NUT-02',
    'warn',
    false,
    `Factor de actividad ${fmt(pal, 3)} fuera de 1,2–1,9 (hasta 2,2 solo en deportistas): revisar el gasto total.`,
  );
}

// ---- NUT-03 / NUT-04 rate of change ----

function nut03(facts: NutritionFacts, metabolism: Metabolism, energy: EnergyStrategy): AuditCheckResult {
  const { mean } = weeklyMean(energy);
  const deficit = metabolism.tdee - mean;
  const deficitPct = (deficit / metabolism.tdee) * 100;
  const lossPct = ((deficit * 7) / KCAL_PER_KG / facts.peso_kg) * 100;
  const numbers = `media semanal ${fmt(mean, 0)} kcal vs TDEE ${fmt(metabolism.tdee, 0)} kcal`;
  if (deficit <= metabolism.tdee * WEEKLY_MEAN_TOLERANCE) {
    return checkResult('NUT-03', 'block', true, `Sin déficit relevante (${numbers}).`);
  }
  if (facts.screening.no_deficit) {
    return checkResult(
      'NUT-03',
      'block',
      false,
      `Déficit del ${fmt(deficitPct)} % (${numbers}) pero el cribado prohíbe el déficit (menor, embarazo/lactancia, riesgo de TCA o bajo peso).`,
    );
  }
  const projection = `pérdida prevista ${fmt(lossPct, 2)} % del peso/semana (déficit ${fmt(deficit, 0)} kcal/día, ${fmt(deficitPct)} % del TDEE)`;
  if (lossPct > 1.5) {
    return checkResult('NUT-03', 'block', false, `${projection}: supera el 1,5 %/semana.`);
  }
  if (lossPct > 1) {
    return checkResult(
      'NUT-03',
      'warn',
      false,
      `${projection}: por encima del 1 %/semana recomendado (0,5–1 %).`,
    );
  }
  if (deficitPct > 25) {
    return checkResult('NUT-03', 'warn', false, `${projection}: déficit mayor del 25 % del TDEE.`);
  }
  return checkResult('NUT-03', 'block', true, `${projection}: dentro de 0,5–1 %/semana o menos.`);
}

function nut04(facts: NutritionFacts, metabolism: Metabolism, energy: EnergyStrategy): AuditCheckResult {
  const { mean } = weeklyMean(energy);
  const surplus = mean - metabolism.tdee;
  if (surplus <= 0) return checkResult('NUT-04', 'warn', true, 'Sin superávit calórico.');
  const surplusPct = (surplus / metabolism.tdee) * 100;
  const gainPct = ((surplus * 7) / KCAL_PER_KG / facts.peso_kg) * 100;
  const text = `superávit ${fmt(surplus, 0)} kcal/día (${fmt(surplusPct)} % del TDEE), ganancia prevista ${fmt(gainPct, 2)} %/semana`;
  if (surplusPct > 20 || gainPct > 0.5) {
    return checkResult(
      'NUT-04',
      'warn',
      false,
      `${text}: por encima de 20 % / 0,5 %/semana (más grasa que músculo).`,
    );
  }
  return checkResult('NUT-04', 'warn', true, `${text}.`);
}

// ---- NUT-05 kcal floor ----

function nut05(facts: NutritionFacts, energy: EnergyStrategy, macros: MacroDesign, menu: Menus) {
  const floor = KCAL_FLOOR[facts.sexo];
  const low: string[] = [];
  for (const type of usedDayTypes(energy, menu)) {
    const kcal = Math.min(energy.por_tipo_dia[type], macros.por_tipo_dia[type].kcal);
    if (kcal < floor) low.push(`${DAY_LABEL[type]} ${fmt(kcal, 0)} kcal`);
  }
  if (energy.kcal_objetivo < floor) low.push(`objetivo ${fmt(energy.kcal_objetivo, 0)} kcal`);
  if (low.length > 0) {
    return checkResult(
      'NUT-05',
      'block',
      false,
      `Por debajo del mínimo de ${floor} kcal (${facts.sexo === 'Mujer' ? 'mujer' : 'hombre'}) sin supervisión médica: ${listEs(low)}.`,
    );
  }
  return checkResult('NUT-05', 'block', true, `Todos los tipos de día ≥ ${floor} kcal.`);
}

// ---- NUT-07 weekly mean of cycled days ----

function nut07(energy: EnergyStrategy): AuditCheckResult {
  const { mean, days } = weeklyMean(energy);
  if (days !== 7) {
    return checkResult(
      'NUT-07',
      'block',
      false,
      `La semana suma ${days} días por tipo (alto/medio/bajo), no 7.`,
    );
  }
  const target = energy.kcal_objetivo;
  const deviation = Math.abs(mean - target) / target;
  const detail = `Σ(kcal × días)/7 = ${fmt(mean, 0)} kcal vs objetivo ${fmt(target, 0)} kcal (${fmt(deviation * 100)} %)`;
  if (deviation > WEEKLY_MEAN_TOLERANCE) {
    return checkResult('NUT-07', 'block', false, `${detail}: la media semanal se aparta más del 2 %.`);
  }
  return checkResult('NUT-07', 'block', true, `${detail}.`);
}

// ---- NUT-08 protein / NUT-09 fat ----

function inDeficit(metabolism: Metabolism, energy: EnergyStrategy): boolean {
  return weeklyMean(energy).mean < metabolism.tdee * (1 - WEEKLY_MEAN_TOLERANCE);
}

function nut08(
  facts: NutritionFacts,
  metabolism: Metabolism,
  energy: EnergyStrategy,
  macros: MacroDesign,
  menu: Menus,
): AuditCheckResult {
  const ref = referenceWeight(facts);
  // Higher intakes (2.3–3.1 g/kg) are for keeping lean mass in a deficit (Helms 2014); otherwise
  // 1.4–2.2 g/kg (ISSN 1.4–2.0, off-season bodybuilders up to 2.2, Iraki 2019).
  const upper = inDeficit(metabolism, energy) ? 3.1 : 2.2;
  const blocks: string[] = [];
  const warns: string[] = [];
  const values: string[] = [];
  for (const type of usedDayTypes(energy, menu)) {
    const gkg = macros.por_tipo_dia[type].proteina_g / ref.kg;
    values.push(`${DAY_LABEL[type]} ${fmt(gkg, 2)} g/kg`);
    if (gkg < 0.8) blocks.push(`${DAY_LABEL[type]} ${fmt(gkg, 2)} g/kg < 0,8 (por debajo de la CDR)`);
    else if (gkg < 1.4) warns.push(`${DAY_LABEL[type]} ${fmt(gkg, 2)} g/kg < 1,4`);
    else if (gkg > 3.1) warns.push(`${DAY_LABEL[type]} ${fmt(gkg, 2)} g/kg > 3,1`);
    else if (gkg > upper) warns.push(`${DAY_LABEL[type]} ${fmt(gkg, 2)} g/kg > ${fmt(upper)} sin déficit`);
  }
  if (blocks.length > 0)
    return checkResult('NUT-08', 'block', false, `Proteína: ${listEs(blocks)}${ref.note}.`);
  if (warns.length > 0) {
    return checkResult(
      'NUT-08',
      'warn',
      false,
      `Proteína fuera de 1,4–${fmt(upper)} g/kg: ${listEs(warns)}${ref.note}.`,
    );
  }
  return checkResult('NUT-08', 'block', true, `Proteína ${listEs(values)}${ref.note}.`);
}

function nut09(facts: NutritionFacts, energy: EnergyStrategy, macros: MacroDesign, menu: Menus) {
  const ref = referenceWeight(facts);
  const problems: string[] = [];
  const values: string[] = [];
  for (const type of usedDayTypes(energy, menu)) {
    const day = macros.por_tipo_dia[type];
    const pct = day.kcal > 0 ? ((9 * day.grasa_g) / day.kcal) * 100 : 0;
    const gkg = day.grasa_g / ref.kg;
    values.push(`${DAY_LABEL[type]} ${fmt(pct, 0)} %`);
    if (pct < 20) problems.push(`${DAY_LABEL[type]} ${fmt(pct)} % < 20 %`);
    if (pct > 35) problems.push(`${DAY_LABEL[type]} ${fmt(pct)} % > 35 %`);
    if (gkg < 0.5) problems.push(`${DAY_LABEL[type]} ${fmt(gkg, 2)} g/kg < 0,5`);
  }
  if (problems.length > 0) {
    return checkResult(
      'NUT-09',
      'warn',
      false,
      `Grasa fuera de 20–35 % de la energía o < 0,5 g/kg: ${listEs(problems)}${ref.note}.`,
    );
  }
  return checkResult('NUT-09', 'warn', true, `Grasa ${listEs(values)} de la energía, ≥ 0,5 g/kg.`);
}

// ---- NUT-11 4P + 4C + 9F = kcal ----

function macroKcal(day: MacroDay): number {
  return 4 * day.proteina_g + 4 * day.carbohidratos_g + 9 * day.grasa_g;
}

function nut11(energy: EnergyStrategy, macros: MacroDesign, menu: Menus): AuditCheckResult {
  const problems: string[] = [];
  for (const type of usedDayTypes(energy, menu)) {
    const day = macros.por_tipo_dia[type];
    const computed = macroKcal(day);
    if (day.kcal <= 0 || Math.abs(computed - day.kcal) / day.kcal > MACRO_KCAL_TOLERANCE) {
      problems.push(
        `${DAY_LABEL[type]}: 4·${fmt(day.proteina_g, 0)} + 4·${fmt(day.carbohidratos_g, 0)} + 9·${fmt(day.grasa_g, 0)} = ${fmt(computed, 0)} kcal ≠ ${fmt(day.kcal, 0)} kcal`,
      );
    }
    const target = energy.por_tipo_dia[type];
    if (target > 0 && Math.abs(day.kcal - target) / target > MACRO_KCAL_TOLERANCE) {
      problems.push(
        `${DAY_LABEL[type]}: macros para ${fmt(day.kcal, 0)} kcal pero la estrategia energética fija ${fmt(target, 0)} kcal`,
      );
    }
  }
  if (problems.length > 0)
    return checkResult('NUT-11', 'block', false, `Incoherencia de más del 3 %: ${listEs(problems)}.`);
  return checkResult(
    'NUT-11',
    'block',
    true,
    '4P + 4C + 9G coincide con las kcal de cada tipo de día (± 3 %).',
  );
}

// ---- NUT-17 caffeine ----

function nut17(
  facts: NutritionFacts,
  adherence: Pick<N7Output, 'suplementos'>,
  declared: number | null | undefined,
) {
  const dailyLimit = Math.min(ADULT_CAFFEINE_LIMIT_MG, facts.screening.caffeine_limit_mg);
  const doseLimit = Math.min(EFSA_SINGLE_DOSE_MG, dailyLimit);
  const sources = adherence.suplementos.filter((supplement) => supplement.cafeina_mg > 0);
  const fromSupplements = sources.reduce((sum, supplement) => sum + supplement.cafeina_mg, 0);
  const habitual = typeof declared === 'number' && Number.isFinite(declared) ? declared : null;
  const total = fromSupplements + (habitual ?? 0);
  const problems: string[] = [];
  for (const supplement of sources) {
    if (supplement.cafeina_mg > doseLimit) {
      problems.push(
        `${supplement.nombre}: ${fmt(supplement.cafeina_mg, 0)} mg en una toma (máx. ${doseLimit} mg)`,
      );
    }
  }
  if (total > dailyLimit) {
    problems.push(`total ${fmt(total, 0)} mg/día (máx. ${fmt(dailyLimit, 0)} mg)`);
  }
  const breakdown =
    `suplementos ${fmt(fromSupplements, 0)} mg + consumo habitual ` +
    (habitual === null ? 'no declarado' : `${fmt(habitual, 0)} mg`);
  if (problems.length > 0) {
    return checkResult('NUT-17', 'block', false, `Cafeína: ${listEs(problems)} (${breakdown}).`);
  }
  return checkResult(
    'NUT-17',
    'block',
    true,
    `Cafeína ${fmt(total, 0)} mg/día ≤ ${fmt(dailyLimit, 0)} mg (${breakdown}).`,
  );
}

/** N8's deterministic checks, in rule-table order. */
export function auditNutrition(input: NutritionAuditInput): AuditCheckResult[] {
  const { facts, metabolism, energy, macros, menu, adherence } = input;
  return [
    nut01(facts, metabolism),
    nut02(metabolism),
    nut03(facts, metabolism, energy),
    nut04(facts, metabolism, energy),
    nut05(facts, energy, macros, menu),
    nut07(energy),
    nut08(facts, metabolism, energy, macros, menu),
    nut09(facts, energy, macros, menu),
    nut11(energy, macros, menu),
    nut12(menu.menus, referenceWeight(facts).kg, energy.dias_por_tipo),
    nut13(menu.menus, macros, energy.dias_por_tipo),
    nut14(facts, menu),
    nut15(facts, menu),
    nut16(menu.menus, macros, energy.dias_por_tipo),
    nut17(facts, adherence, input.cafeina_mg_dia),
    nut18(facts, adherence),
    nut20(input),
  ];
}
