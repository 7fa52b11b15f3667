/*
 * Text helpers shared by the audits. Questionnaires imported from the original system store most
 * answers as free Spanish text ("Sí, desde 2019", "No", "Hipertensión controlada"), and LLM menus
 * name foods with accents, plurals and capitals in every combination; the checks compare words,
 * so both sides go through the same normalisation.
 */

/** Lower case, accents and ñ folded (ñ → n), every non-alphanumeric run → one space, trimmed. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised words of a text. */
export function tokens(value: string): string[] {
  const text = normalizeText(value);
  return text === '' ? [] : text.split(' ');
}

/**
 * Whether a word of the text is `term` (a singular, normalised word) or one of its Spanish plurals:
 * "huevo"/"huevos", "pan"/"panes", "cacahuete"/"cacahuetes", "nuez"/"nueces",
 * "altramuz"/"altramuces". Plurals are generated from the singular rather than stripped from the
 * text, because stripping cannot tell "tomates" (tomate) from "panes" (pan).
 */
export function wordMatches(word: string, term: string): boolean {
  if (word === term || word === `${term}s` || word === `${term}es`) return true;
  return term.endsWith('z') && word === `${term.slice(0, -1)}ces`;
}

/** Index of the first occurrence of `needle` (singular words) as a contiguous run in `haystack`, or -1. */
export function findTokenRun(haystack: readonly string[], needle: readonly string[], from = 0): number {
  if (needle.length === 0) return -1;
  for (let start = Math.max(0, from); start + needle.length <= haystack.length; start += 1) {
    if (needle.every((term, offset) => wordMatches(haystack[start + offset] ?? '', term))) return start;
  }
  return -1;
}

export type YesNo = 'si' | 'no' | 'desconocido';

const NEGATIVE_ANSWERS = new Set([
  'no',
  'n',
  'nop',
  'nunca',
  'ninguno',
  'ninguna',
  'nada',
  'jamas',
  'no aplica',
  'n a',
  'na',
  'ninguna conocida',
  'no tengo',
  'ningun',
  'sin',
  'negativo',
  'false',
  '0',
]);

/**
 * Reads a free-text yes/no answer of the original questionnaire. "Sí", "si, 2 años", "yes",
 * "true" → si; "No", "nunca", "ninguna", "no aplica", "-" → no; an empty or missing answer →
 * desconocido. Any other text is a description of the condition itself ("hipertensión con
 * enalapril", "rodilla derecha") and reads as si: the client wrote something in a field that asks
 * about a problem, and a person must look at it.
 */
export function parseYesNo(value: unknown): YesNo {
  if (typeof value === 'boolean') return value ? 'si' : 'no';
  if (typeof value !== 'string') return 'desconocido';
  const text = normalizeText(value);
  if (text === '') {
    // "-" or "—" normalise to nothing: the client explicitly crossed the question out.
    return value.trim() === '' ? 'desconocido' : 'no';
  }
  if (NEGATIVE_ANSWERS.has(text)) return 'no';
  const first = text.split(' ')[0] ?? '';
  if (first === 'no' || first === 'nunca' || first === 'ninguno' || first === 'ninguna' || first === 'nada') {
    return 'no';
  }
  return 'si';
}

/** Rounds for display in a reason: at most `digits` decimals, no trailing zeros. */
export function fmt(value: number, digits = 1): string {
  return String(Number(value.toFixed(digits))).replace('.', ',');
}
