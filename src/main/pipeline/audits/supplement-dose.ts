import { fold, parseNumber } from './text-number-parse';

/*
 * N7 writes each supplement's dose as text ("5 g al día", "5g/día", "2 x 3 g", "3 g dos veces al
 * día", "4000 UI", "100 µg", "50.000 UI a la semana", "200 mg antes de entrenar"). NUT-18 reads the
 * amount per intake and per day from it; a range counts by its top ("3–5 g" → 5 g), the cautious
 * reading for a limit.
 */

export type DoseUnit = 'g' | 'mg' | 'ug' | 'iu';

export interface ParsedDose {
  /** Amount in one intake, in `unit`. */
  perDose: number;
  /** Daily amount: intakes per day × amount, or a weekly amount / 7. */
  perDay: number;
  unit: DoseUnit;
}

const NUMBER = String.raw`\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?`;
const UNIT = String.raw`(g|gr|grs|gramos?|grams?|mg|miligramos?|milligrams?|mcg|µg|μg|ug|microgramos?|micrograms?|ui|iu|u\.i\.)(?![a-z])`;
const AMOUNT = new RegExp(String.raw`(${NUMBER})(?:\s*(?:-|–|a|to)\s*(${NUMBER}))?\s*${UNIT}`);

const TIMES_WORDS: Readonly<Record<string, number>> = {
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  two: 2,
  three: 3,
  four: 4,
  twice: 2,
};

function unitOf(word: string): DoseUnit {
  if (/^(?:mg|mili|milli)/.test(word)) return 'mg';
  if (/^(?:mcg|µg|μg|ug|micro)/.test(word)) return 'ug';
  if (/^(?:ui|iu|u\.i\.)/.test(word)) return 'iu';
  return 'g';
}

/** Intakes a day: "2 x 3 g", "dos veces al día", "3 tomas al día", "twice a day". */
function intakesPerDay(text: string, amountAt: number): number {
  const leading = /(\d+|dos|tres|cuatro|two|three|four)\s*[x×]\s*$/.exec(text.slice(0, amountAt));
  if (leading?.[1]) return Number(leading[1]) || (TIMES_WORDS[leading[1]] ?? 1);
  const times =
    /(\d+|una|dos|tres|cuatro|two|three|four)\s*(?:veces|vez|tomas|times|doses|servings)\s*(?:al|por|a|per|cada)\s*(?:dia|day)/.exec(
      text,
    ) ?? /(twice)\s+(?:a|per)\s+day/.exec(text);
  if (!times?.[1]) return 1;
  return Number(times[1]) || (TIMES_WORDS[times[1]] ?? 1);
}

/** The dose a text states, or null when it names no amount with a unit ("1 cápsula", "según etiqueta"). */
export function parseDose(dose: string): ParsedDose | null {
  const text = fold(dose);
  const match = AMOUNT.exec(text);
  if (!match?.[1] || !match[3]) return null;
  const low = parseNumber(match[1].replace(/\s/g, ''));
  const high = match[2] ? parseNumber(match[2].replace(/\s/g, '')) : low;
  const perDose = Math.max(low, high);
  if (!Number.isFinite(perDose)) return null;
  const weekly = /(?:a la|por|per|a|\/)\s*semana|semanal|weekly|per week|a week/.test(text);
  const perDay = (perDose * intakesPerDay(text, match.index)) / (weekly ? 7 : 1);
  return { perDose, perDay, unit: unitOf(match[3]) };
}

const FACTOR: Readonly<Record<'g' | 'mg' | 'ug', number>> = { g: 1_000_000, mg: 1000, ug: 1 };

/**
 * An amount in another unit (5000 mg → 5 g; 4000 IU → 100 µg with 40 IU per µg), or null when
 * it cannot be compared (IU of a nutrient without a conversion).
 */
export function convertDose(
  amount: number,
  from: DoseUnit,
  to: 'g' | 'mg' | 'ug',
  iuPerUg?: number,
): number | null {
  if (from === 'iu') {
    if (!iuPerUg) return null;
    return ((amount / iuPerUg) * FACTOR.ug) / FACTOR[to];
  }
  return (amount * FACTOR[from]) / FACTOR[to];
}
