/*
 * Quantities with a unit, read from the texts the LLM writes (issue 13 point 3, "text agrees with
 * numbers"; rules in docs/AUDITS.md §9). Spanish and English: "2.350 kcal", "2,350 kcal",
 * "2350kcal", "165 g de proteína", "1,8 g/kg", "2 g per kg", "20 %", "cuatro días por semana",
 * "3 sesiones", "12 series", "3 x 10", "RIR 2", ranges "1,6–2,2 g/kg" / "entre 3 y 5".
 *
 * Only what a plan number can be is read. Litres, mg, µg, IU, hours and seconds are never read
 * (water, caffeine, supplements and timing advice come from general guidance, and NUT-17/NUT-18
 * check doses from their own fields). Days and sessions are read only where they count the week:
 * "descansa 2 días entre sesiones" or "cada 3 sesiones" are advice, not the plan's count.
 */

import { NUMBER, fold, parseNumber, writtenStep } from './text-number-parse';
import { nutrientFor, unitAfter, type UnitMatch } from './text-units';

export { fold, parseNumber, writtenStep } from './text-number-parse';

export type QuantityUnit =
  'kcal' | 'g' | 'g_kg' | 'pct' | 'days' | 'sessions' | 'sets' | 'reps' | 'minutes' | 'rir' | 'pal';

export interface Quantity {
  unit: QuantityUnit;
  /** Nutrient (g, g/kg, %), day type (days) or null: selects the allowed values. */
  qualifier: string | null;
  /** One value, a list's values ("2.350, 2.100 y 1.950 kcal") or a range's two ends. */
  values: number[];
  range: boolean;
  /** How finely each value is written (1 for "2.350", 100 for "2.300", 0.1 for "1,8"). */
  steps: number[];
  /** Written as an approximation ("~30 %", "alrededor del 30 %", "about 30 %"). */
  approx: boolean;
  /** The words as written, for the repair message ("2.800 kcal"). */
  raw: string;
  /** The clause (sentence part) it sits in, folded: reference markers are looked for here. */
  clause: string;
}

/** Units a number word may carry: "cuatro días", never "doscientas kcal" (read as digits only). */
const COUNT_UNITS = new Set<QuantityUnit>(['days', 'sessions', 'sets', 'minutes', 'rir', 'reps']);
/** A count of the week: "4 días por semana", "three sessions a week". */
const WEEKLY =
  /^[^.;!?\n]{0,30}?(?:por semana|a la semana|semanales|semanal|cada semana|a week|per week|each week|every week|weekly|\/\s*semana|\/\s*week|x\s*semana)/;
/** "Entrenarás 4 días": a training verb just before makes it the week's training days. */
const TRAINING_BEFORE =
  /(?:^|[^a-z])(?:entren\w*|train\w*|workouts?|gimnasio|gym|sesiones de fuerza)\s+(?:\S+\s+){0,2}$/;
/** "cada 3 sesiones", "en 2 días", "the next 2 sessions": a span of time, not a count. */
const TIME_SPAN_BEFORE =
  /(?:^|[^a-z])(?:cada|every|each|durante|during|hace|tras|after|within|en|in|proxim[oa]s|primer[oa]s|ultim[oa]s|next|first|last|otros|other)\s+$/;
/** "descansas 3 días a la semana": rest days. */
const REST_BEFORE = /(?:^|[^a-z])(?:descans\w*|rest(?:ing)?|libres?|off)\s+(?:\S+\s+){0,2}$/;
/** Minutes that are advice around the session, not its length. */
const MINUTES_ADVICE =
  /calent|calien|warm|movilidad|mobility|estir|stretch|descans|\brest\b|cardio|camin|\bwalk|pase[oa]|dorm|sleep|siesta|antes|despues|before|after|medita|respir|breath|sauna|ducha|shower/;

/** Start and end of the clause around `at`: split at ; ! ? newlines and at dots that are not in a number. */
function clauseAround(text: string, at: number): [number, number] {
  const boundary = (i: number) =>
    /[;!?\n]/.test(text[i] ?? '') ||
    (text[i] === '.' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')));
  let start = at;
  while (start > 0 && !boundary(start - 1)) start -= 1;
  let end = at;
  while (end < text.length && !boundary(end)) end += 1;
  return [start, end];
}

interface Token {
  index: number;
  end: number;
  value: number;
  raw: string;
  word: boolean;
}

/** Every quantity with a unit in `text`, ranges and lists merged ("2.350, 2.100 y 1.950 kcal"). */
export function extractQuantities(text: string): Quantity[] {
  const folded = fold(text);
  const tokens: Token[] = [...folded.matchAll(NUMBER)].map((m) => {
    const raw = m[2] ?? '';
    const index = m.index + (m[1]?.length ?? 0);
    return { index, end: index + raw.length, value: parseNumber(raw), raw, word: /^\p{L}/u.test(raw) };
  });
  const found: Quantity[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < tokens.length; i += 1) {
    if (consumed.has(i) || !Number.isFinite(tokens[i]?.value)) continue;
    found.push(...readAt(folded, text, tokens, i, consumed));
  }
  return [...found, ...elidedKcal(folded, text, tokens, consumed, found)];
}

/**
 * "2.350 kcal los días altos, 2.100 los medios": a bare number of four digits or more in a clause
 * that states kcal is kcal too (no other plan unit reaches 1,000).
 */
function elidedKcal(
  folded: string,
  text: string,
  tokens: Token[],
  consumed: Set<number>,
  found: Quantity[],
): Quantity[] {
  const kcalClauses = new Set(found.filter((q) => q.unit === 'kcal').map((q) => q.clause));
  return tokens.flatMap((t, k): Quantity[] => {
    if (consumed.has(k) || t.word || t.value < 1000 || /^\s*[:h]/.test(folded.slice(t.end))) return [];
    const [start, end] = clauseAround(folded, t.index);
    const clause = folded.slice(start, end);
    if (!kcalClauses.has(clause)) return [];
    const steps = [writtenStep(t.raw, t.value)];
    const raw = text.slice(t.index, t.end);
    return [
      { unit: 'kcal', qualifier: null, values: [t.value], range: false, steps, approx: false, raw, clause },
    ];
  });
}

const APPROX_BEFORE =
  /(?:~|≈|(?:^|[^a-z])(?:aprox\w*\.?|alrededor de(?:l)?|cerca de(?:l)?|en torno a(?:l)?|unos|unas|about|around|roughly|approximately|circa))\s*(?:el|la|un|una)?\s*$/;
const RIR_BEFORE = /(?:^|[^a-z])rir\s*(?:de|of|:|=)?\s*$/;
const PAL_BEFORE =
  /(?:^|[^a-z])(?:pal|factor de actividad(?: fisica)?|activity factor|nivel de actividad fisica|physical activity level)\s*(?:\(pal\))?\s*(?:de|of|es|is|=|:|del)?\s*(?:unos?|about|around|aprox\w*|~|≈)?\s*$/;
/** "2 x 3 g" is a dose; "3 x 10 RIR 2" is sets by reps. */
const DOSE_UNIT =
  /^\s*(?:g|gr|gramos?|grams?|mg|mcg|µg|ug|kg|kcal|ml|l|ui|iu|capsulas?|capsules?|comprimidos?|tablets?)(?![a-z])/;
/** Thousands readings no unit can have: "PAL 1.725" is 1,725, "1.800 g/kg" is 1.8. */
const PLAUSIBLE_MAX: Partial<Record<QuantityUnit, number>> = { pal: 5, g_kg: 10, rir: 10, pct: 100 };
const RANGE_GAP = /^\s*(?:-|–|—|‐|a|to|hasta)\s*$/;
const LIST_GAP = /^\s*(?:,|y|e|and|o|or|\/)\s*$/;

/** The numbers of a range ("a – b", "entre a y b") or list ("a, b y c") that one unit follows. */
function gather(
  folded: string,
  tokens: Token[],
  i: number,
  before: string,
): { group: number[]; range: boolean } {
  const group = [i];
  let range = false;
  for (let j = i; ; j += 1) {
    const current = tokens[j];
    const next = tokens[j + 1];
    if (!current || !next || unitAfter(folded.slice(current.end)) !== null) break;
    const gap = folded.slice(current.end, next.index);
    const between = /^\s*(?:y|and)\s*$/.test(gap) && /(?:entre|between)\s+$/.test(before);
    if (group.length === 1 && (RANGE_GAP.test(gap) || between)) range = true;
    else if (range || !LIST_GAP.test(gap)) break;
    group.push(j + 1);
  }
  return { group, range };
}

/** A number followed, directly or through a range or list of numbers, by a unit. */
function readAt(folded: string, text: string, tokens: Token[], i: number, consumed: Set<number>): Quantity[] {
  const first = tokens[i];
  if (!first) return [];
  const before = folded.slice(0, first.index);
  // "RIR 2", "RIR de 1-2"; "PAL 1,55", "factor de actividad de 1,55".
  const prefix = RIR_BEFORE.exec(before) ?? PAL_BEFORE.exec(before);
  const prefixed: QuantityUnit | null = prefix ? (RIR_BEFORE.test(before) ? 'rir' : 'pal') : null;
  const rawStart = prefix ? prefix.index + (/^[^a-z]/.test(prefix[0]) ? 1 : 0) : first.index;
  const { group, range } = prefixed
    ? gather(folded, tokens, i, before).range
      ? { group: [i, i + 1], range: true }
      : { group: [i], range: false }
    : gather(folded, tokens, i, before);
  const members = group.map((k) => tokens[k]).filter((t): t is Token => t !== undefined);
  const last = members[members.length - 1] ?? first;
  const after = folded.slice(last.end);
  let match: UnitMatch | null = prefixed ? { unit: prefixed, length: 0, qualifier: null } : unitAfter(after);
  // "3 x 10", "3×8-12": sets by reps; "2 x 3 g" is a dose, not sets.
  const times = /^\s*[x×]\s*(\d+)(?:\s*[-–]\s*(\d+))?/.exec(after);
  const timesIsSets = !match && times !== null && !DOSE_UNIT.test(after.slice(times[0].length));
  if (timesIsSets && times) match = { unit: 'sets', length: times[0].length, qualifier: null };
  if (!match) return [];
  group.forEach((k) => consumed.add(k));
  // The reps of "3 x 10" are read here, not again as numbers of their own.
  const unitEnd = last.end + match.length;
  tokens.forEach((t, k) => {
    if (k > i && t.index < unitEnd) consumed.add(k);
  });
  if (match.skip) return [];
  if (members.some((t) => t.word) && !COUNT_UNITS.has(match.unit)) return [];
  const [clauseStart, clauseEnd] = clauseAround(folded, first.index);
  const clause = folded.slice(clauseStart, clauseEnd);
  const quantity: Quantity = {
    unit: match.unit,
    qualifier: match.qualifier,
    values: members.map((t) => plausible(match.unit, t)),
    range,
    steps: members.map((t) => writtenStep(t.raw, plausible(match.unit, t))),
    approx: APPROX_BEFORE.test(before.slice(-25)),
    raw: text.slice(rawStart, last.end + match.length).trim(),
    clause,
  };
  // "descansas 4 días a la semana", "rest 4 days a week": rest days, not training days.
  const restDays =
    quantity.unit === 'days' && quantity.qualifier === null && REST_BEFORE.test(before.slice(-30));
  if (restDays) {
    // Only a weekly count of rest days is the plan's; "descansa 2 días entre sesiones" is advice.
    if (!WEEKLY.test(after.replace(/^\s*(?:dias?|days?)/, ''))) return [];
    quantity.qualifier = 'descanso';
  }
  if (!countsInWeek(quantity, before, after, first)) return [];
  const around = folded.slice(Math.max(0, first.index - 25), last.end + match.length + 25);
  if (quantity.unit === 'minutes' && MINUTES_ADVICE.test(around)) return [];
  if (quantity.unit === 'g' || quantity.unit === 'g_kg' || quantity.unit === 'pct') {
    quantity.qualifier = nutrientFor(folded.slice(clauseStart, first.index), after.slice(match.length));
  }
  if (!timesIsSets || !times) return [quantity];
  const reps = [Number(times[1]), ...(times[2] ? [Number(times[2])] : [])];
  return [
    quantity,
    { ...quantity, unit: 'reps', values: reps, range: reps.length > 1, steps: reps.map(() => 1) },
  ];
}

function plausible(unit: QuantityUnit, token: Token): number {
  const max = PLAUSIBLE_MAX[unit];
  if (max === undefined || token.value <= max || !/^\d{1,3}[.,]\d{3}$/.test(token.raw)) return token.value;
  return Number(token.raw.replace(',', '.'));
}

/** Days and sessions only where they count the plan's week; one-word "un/one" only with "por semana". */
function countsInWeek(q: Quantity, before: string, after: string, first: Token): boolean {
  if (q.unit !== 'days' && q.unit !== 'sessions') return first.value !== 1 || !first.word;
  if (TIME_SPAN_BEFORE.test(before.slice(-20))) return false;
  const rest = after.replace(
    /^\s*(?:dias?|days?|sesion(?:es)?|sessions?|entrenamientos?|entrenos?|workouts?)/,
    '',
  );
  const weekly = WEEKLY.test(rest);
  if (first.word && first.value === 1 && !weekly) return false;
  // "los 7 días de la semana", "all 7 days of the week": every day, not a count of training days.
  if (/(?:los|all|the)\s+$/.test(before.slice(-6)) && /^\s*(?:de la semana|of the week)/.test(rest))
    return false;
  if (q.unit === 'sessions') return true;
  return q.qualifier !== null || weekly || TRAINING_BEFORE.test(before.slice(-40));
}
