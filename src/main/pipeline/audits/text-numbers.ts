import { extractQuantities, type Quantity, type QuantityUnit } from './text-quantities';

/*
 * "Text agrees with numbers" (issue 13 point 3; docs/AUDITS.md §9): every quantity a text states in
 * a unit the writer was given values for must be one of those values. The values are what code
 * computed and put in the agent's input; a unit without values is not checked (the text may carry
 * general advice in it). The same check runs in each agent's repair round and, over the stored
 * texts, in the audits (NUT-20, TRN-15).
 */

/**
 * The values a text may state, by unit ("kcal", "sets") or unit and qualifier ("g:proteina",
 * "days:alto"). The first values of each list are the ones a repair message shows.
 */
export type AllowedValues = Partial<Record<string, readonly number[]>>;

export interface PlanText {
  /** Where the text is ("explicacion", "consejos[2]"), named in the repair message. */
  campo: string;
  texto: string;
}

interface Tolerance {
  /** Accepted difference in the unit. */
  abs: number;
  /** Accepted difference as a fraction of the computed value. */
  rel: number;
  /** The coarsest rounding accepted: "2.300 kcal" for 2.347, never "2.000". */
  roundTo: number;
  /** The coarsest rounding after "~", "alrededor de", "about": "~30 %" for 28,8 %. */
  approxRoundTo: number;
}

/** Documented in docs/AUDITS.md §9: rounding only, never a second opinion on the number. */
export const TOLERANCE: Readonly<Record<QuantityUnit, Tolerance>> = {
  kcal: { abs: 10, rel: 0.01, roundTo: 100, approxRoundTo: 100 },
  g: { abs: 1, rel: 0.01, roundTo: 10, approxRoundTo: 10 },
  g_kg: { abs: 0.05, rel: 0.01, roundTo: 0.1, approxRoundTo: 0.1 },
  pct: { abs: 0.5, rel: 0, roundTo: 1, approxRoundTo: 5 },
  pal: { abs: 0.01, rel: 0, roundTo: 0.1, approxRoundTo: 0.1 },
  minutes: { abs: 3, rel: 0, roundTo: 10, approxRoundTo: 10 },
  days: { abs: 0, rel: 0, roundTo: 1, approxRoundTo: 1 },
  sessions: { abs: 0, rel: 0, roundTo: 1, approxRoundTo: 1 },
  sets: { abs: 0, rel: 0, roundTo: 1, approxRoundTo: 1 },
  reps: { abs: 0, rel: 0, roundTo: 1, approxRoundTo: 1 },
  rir: { abs: 0, rel: 0, roundTo: 1, approxRoundTo: 1 },
};

/**
 * A range stated as general guidance ("la evidencia recomienda 1,6–2,2 g/kg") need not contain
 * the plan's value. Impersonal words only: "te recomiendo 2.800 kcal" is the plan speaking.
 */
const REFERENCE =
  /(?:^|[^a-z])(?:se recomienda|recomienda[n]?|recomendad[oa]s?|recomendacion(?:es)?|guias?|efsa|issn|oms|acsm|evidencia|estudios|referencia|en general|suelen?|habitualmente|normalmente|typically|usually|generally|recommended|recommendations?|guidelines?|evidence|studies|research)(?![a-z])/;

export function matchesValue(
  unit: QuantityUnit,
  written: number,
  step: number,
  allowed: number,
  approx = false,
): boolean {
  const tolerance = TOLERANCE[unit];
  const target = Math.abs(allowed);
  if (Math.abs(written - target) <= Math.max(tolerance.abs, tolerance.rel * target) + 1e-9) return true;
  const coarse = Math.min(step, approx ? tolerance.approxRoundTo : tolerance.roundTo);
  return Math.abs(Math.round(target / coarse) * coarse - written) < 1e-6 * Math.max(1, written);
}

function keyOf(quantity: Quantity): string {
  // Training days are what "N días por semana" counts: one list for both.
  if (quantity.unit === 'days' && quantity.qualifier === 'entreno') return 'days';
  return quantity.qualifier ? `${quantity.unit}:${quantity.qualifier}` : quantity.unit;
}

function agrees(quantity: Quantity, allowed: readonly number[]): number[] {
  const fits = (value: number, k: number) =>
    allowed.some((a) => matchesValue(quantity.unit, value, quantity.steps[k] ?? 1, a, quantity.approx));
  if (!quantity.range) return quantity.values.filter((value, k) => !fits(value, k));
  const [low = 0, high = 0] = quantity.values;
  const tolerance = TOLERANCE[quantity.unit];
  const inside = allowed.some((a) => {
    const margin = Math.max(tolerance.abs, tolerance.rel * Math.abs(a));
    return Math.abs(a) >= low - margin && Math.abs(a) <= high + margin;
  });
  if (inside || (fits(low, 0) && fits(high, 1)) || REFERENCE.test(quantity.clause)) return [];
  return [low, high];
}

/** "2.350", "1,8": how the coach reads numbers (Spanish, thousands always grouped). */
export function formatEs(value: number): string {
  const rounded = Number(value.toFixed(2));
  const [integer = '0', decimals] = String(Math.abs(rounded)).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded < 0 ? '−' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

const QUALIFIER_LABEL: Readonly<Record<string, string>> = {
  proteina: 'de proteína',
  grasa: 'de grasa',
  carbohidratos: 'de carbohidratos',
  fibra: 'de fibra',
  grasa_corporal: 'de grasa corporal',
  alto: 'altos',
  medio: 'medios',
  bajo: 'bajos',
  descanso: 'de descanso',
};

function withUnit(key: string, values: string): string {
  const [unit = '', qualifier] = key.split(':');
  const label = qualifier ? ` ${QUALIFIER_LABEL[qualifier] ?? qualifier}` : '';
  switch (unit) {
    case 'rir':
      return `RIR ${values}`;
    case 'pal':
      return `factor de actividad ${values}`;
    case 'g_kg':
      return `${values} g/kg${label}`;
    case 'pct':
      return `${values} %${label}`;
    case 'days':
      return `${values} días${label || ' de entrenamiento por semana'}`;
    case 'sessions':
      return `${values} sesiones por semana`;
    case 'sets':
      return `${values} series`;
    case 'reps':
      return `${values} repeticiones`;
    case 'minutes':
      return `${values} min`;
    default:
      return `${values} ${unit}${label}`;
  }
}

/** The values a repair message shows: the first (primary) ones, without repeats. */
function shown(allowed: readonly number[]): string {
  const unique = [...new Set(allowed.map((value) => formatEs(Math.abs(value))))];
  return unique.slice(0, 6).join(' / ');
}

/**
 * Every stated quantity that agrees with no allowed value, phrased for the repair round:
 * «explicacion: el texto dice «2.800 kcal»; los valores calculados son 2.350 / 2.100 / 1.950 kcal».
 */
export function textNumberProblems(texts: readonly PlanText[], allowed: AllowedValues): string[] {
  return checkTextNumbers(texts, allowed).problems;
}

/** The problems and how many quantities were compared (an audit shows it checked something). */
export function checkTextNumbers(
  texts: readonly PlanText[],
  allowed: AllowedValues,
): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (const { campo, texto } of texts) {
    for (const quantity of extractQuantities(texto)) {
      const key = keyOf(quantity);
      const values = allowed[key];
      if (values === undefined) continue;
      checked += 1;
      const wrong = agrees(quantity, values);
      if (wrong.length === 0) continue;
      const which = quantity.values.length > 1 && !quantity.range ? ` (${formatEs(wrong[0] ?? 0)})` : '';
      const expected =
        values.length === 0
          ? `el plan no tiene ninguna cifra de ${withUnit(key, '').trim()}`
          : `los valores calculados son ${withUnit(key, shown(values))}`;
      problems.push(
        `${campo}: el texto dice «${quantity.raw}»${which}; ${expected}. Usa esas cifras o quita la cifra.`,
      );
    }
  }
  return { problems: [...new Set(problems)], checked };
}

/** Quantities a given text states, by key: numbers the input's own texts carry are allowed too. */
export function quantitiesByKey(texts: readonly string[]): Record<string, number[]> {
  const byKey: Record<string, number[]> = {};
  for (const text of texts) {
    for (const quantity of extractQuantities(text)) {
      (byKey[keyOf(quantity)] ??= []).push(...quantity.values);
      (byKey[quantity.unit] ??= []).push(...quantity.values);
    }
  }
  return byKey;
}
