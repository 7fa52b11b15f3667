import type { QuantityUnit } from './text-quantities';

/*
 * The unit after a number ("kcal", "g/kg", "días altos", "series", "RIR") and the nutrient a
 * quantity of grams, g/kg or % is about (docs/AUDITS.md §9). Text is folded (lower case, no accents).
 */

const NUTRIENT: readonly [RegExp, string][] = [
  [/^(?:grasa|body fat|fat mass|masa grasa)\s*(?:corporal)?/, 'grasa_corporal'],
  [/^(?:proteinas?|protein)/, 'proteina'],
  [/^(?:grasas?|lipidos|fats?)/, 'grasa'],
  [/^(?:hidratos(?: de carbono)?|carbohidratos|carbs?|carbohydrates?|glucidos)/, 'carbohidratos'],
  [/^(?:fibra|fiber|fibre)/, 'fibra'],
];
const NUTRIENT_WORDS =
  /(grasa corporal|body fat|masa grasa|proteinas?|protein|grasas?|lipidos|fats?|hidratos(?: de carbono)?|carbohidratos|carbs?|carbohydrates?|glucidos|fibra|fiber|fibre)(?![a-z])/g;

function nutrientAt(text: string): string | null {
  for (const [pattern, id] of NUTRIENT) {
    if (pattern.test(text)) {
      // "grasa" alone is dietary fat; only "grasa corporal"/"body fat" is the body's.
      if (id === 'grasa_corporal' && !/^(?:grasa\s+corporal|body fat|fat mass|masa grasa)/.test(text))
        continue;
      return id;
    }
  }
  return null;
}

/** Nutrient right after the unit ("g de proteína") or named just before the number ("proteína: 165 g"). */
export function nutrientFor(before: string, after: string): string | null {
  const next =
    /^(?:\s*(?:\/\s*dia|\/\s*d|\/\s*day|al dia|diarios?|per day|a day))?\s*(?:(?:de|of|del|en)\s+)?(?:(?:la|las|los|el|tu|your)\s+)?/.exec(
      after,
    )?.[0] ?? '';
  const found = nutrientAt(after.slice(next.length));
  if (found) return found;
  const near = before.slice(-40);
  const matches = [...near.matchAll(NUTRIENT_WORDS)];
  const last = matches[matches.length - 1];
  return last ? nutrientAt(last[0]) : null;
}

export interface UnitMatch {
  unit: QuantityUnit;
  length: number;
  qualifier: string | null;
  /** Not a plan number at all (kcal per gram, warm-up sets, cardio sessions). */
  skip?: boolean;
}

const G = '(?:g|gr|grs|gramos?|grams?)';
const KG = '(?:kg|kilos?|kilogramos?|kilograms?)';
const DAY_TYPE: Readonly<Record<string, string>> = {
  alto: 'alto', altos: 'alto', high: 'alto', medio: 'medio', medios: 'medio', medium: 'medio',
  moderate: 'medio', bajo: 'bajo', bajos: 'bajo', low: 'bajo', training: 'entreno', gym: 'entreno',
  workout: 'entreno', rest: 'descanso', off: 'descanso',
}; // prettier-ignore

export function unitAfter(after: string): UnitMatch | null {
  // "a 500-kcal snack", "a 4-day split": the hyphen joins the number to its unit (a range, "20-40 g",
  // has a digit after it).
  if (/^-[a-z%]/.test(after)) {
    const joined = unitAfter(after.slice(1));
    return joined && { ...joined, length: joined.length + 1 };
  }
  let m = new RegExp(`^\\s*${G}\\s*(?:/|por|per|each|a)\\s*${KG}(?![a-z])`).exec(after);
  if (m) return { unit: 'g_kg', length: m[0].length, qualifier: null };
  m = /^\s*(?:kcals?|kilocalorias?|kilocalories?|calorias?|calories|cals?)(?![a-z])/.exec(after);
  if (m) {
    // "4 kcal por gramo", "7.700 kcal/kg": conversion factors, not the plan's energy.
    const conversion = new RegExp(`^\\s*(?:/|por|per|each|cada)\\s*(?:${G}|${KG})(?![a-z])`);
    return {
      unit: 'kcal',
      length: m[0].length,
      qualifier: null,
      skip: conversion.test(after.slice(m[0].length)),
    };
  }
  m = new RegExp(`^\\s*${G}(?![a-z])`).exec(after);
  if (m) return { unit: 'g', length: m[0].length, qualifier: null };
  m = /^\s*(?:%|por\s*ciento|percent|per\s*cent)/.exec(after);
  if (m) return { unit: 'pct', length: m[0].length, qualifier: null };
  m = /^\s*(?:(high|medium|moderate|low|training|gym|workout|rest|off)[\s-]+)?(?:dias?|days?)(?![a-z])/.exec(
    after,
  );
  if (m) {
    const rest = after.slice(m[0].length);
    const type =
      /^\s*(?:de\s+)?(?:energia\s+)?(alt|medi|baj)[oa]s?(?![a-z])/.exec(rest) ??
      /^\s*(?:de\s+)?(entrenamiento|entreno|gimnasio|gym|training)(?![a-z])/.exec(rest) ??
      /^\s*(?:de\s+)?(descanso|libres?|off|rest)(?![a-z])/.exec(rest);
    const word = m[1] ?? type?.[1] ?? null;
    const qualifier =
      word === null
        ? null
        : (DAY_TYPE[word] ?? DAY_TYPE[`${word}o`] ?? (/^(entren|gimn)/.test(word) ? 'entreno' : 'descanso'));
    return { unit: 'days', length: m[0].length, qualifier };
  }
  m = /^\s*(altos|medios|bajos)(?![a-z])/.exec(after);
  if (m) return { unit: 'days', length: m[0].length, qualifier: DAY_TYPE[m[1] ?? ''] ?? null };
  // "5 veces por semana", "five times a week": a weekly count of sessions; "3 veces al día" is not.
  m = /^\s*(?:veces|times)(?=\s+(?:por|a\s+la|a|per|each|every)\s+(?:semana|week)(?![a-z]))/.exec(after);
  if (m) return { unit: 'sessions', length: m[0].length, qualifier: null };
  m = /^\s*(?:sesion(?:es)?|sessions?|entrenamientos?|entrenos?|workouts?)(?![a-z])/.exec(after);
  if (m) {
    const extra =
      /^\s*(?:de\s+)?(?:cardio|movilidad|mobility|estiramientos?|stretching|yoga|caminata|walk|aerobic|aerobico|hiit|natacion|swim)/;
    return {
      unit: 'sessions',
      length: m[0].length,
      qualifier: null,
      skip: extra.test(after.slice(m[0].length)),
    };
  }
  m = /^\s*(?:series|serie|sets?)(?![a-z])/.exec(after);
  if (m) {
    const warmup = /^\s*(?:de\s+)?(?:calentamiento|aproximacion|warm[\s-]?up|approach|ramp)/;
    return {
      unit: 'sets',
      length: m[0].length,
      qualifier: null,
      skip: warmup.test(after.slice(m[0].length)),
    };
  }
  m =
    /^\s*(?:repeticiones|repeticion|reps?|repetitions?)\s+(?:en\s+(?:la\s+)?reserva|in\s+(?:the\s+)?(?:reserve|tank)|(?:antes\s+)?del\s+fallo|de\s+margen|(?:short\s+)?(?:of|from|before)\s+failure)/.exec(
      after,
    );
  if (m) return { unit: 'rir', length: m[0].length, qualifier: null };
  m = /^\s*rir(?![a-z])/.exec(after);
  if (m) return { unit: 'rir', length: m[0].length, qualifier: null };
  m = /^\s*(?:repeticiones|repeticion|reps?|repetitions?)(?![a-z])/.exec(after);
  if (m) return { unit: 'reps', length: m[0].length, qualifier: null };
  m = /^\s*(?:minutos?|mins?|minutes?)(?![a-z])/.exec(after);
  if (m) return { unit: 'minutes', length: m[0].length, qualifier: null };
  return null;
}
