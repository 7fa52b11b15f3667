import foodDeclarationsJson from '../../../resources/lexicons/food-declarations.json';
import injuriesJson from '../../../resources/lexicons/injuries.json';
import {
  ALERGENOS_EU14,
  DIA_SEMANA_VALUES,
  ESTADO_LESION_VALUES,
  FRANJA_HORARIA_VALUES,
  INTOLERANCIA_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
} from '../questionnaire';

/*
 * What must never reach a client: the coach-side vocabulary of the pipeline (rule ids, audit
 * verdicts, agent ids, energy-model internals, enum codes) and the traces of a bug (undefined,
 * [object Object], an unfilled template). Used on every LLM text before it is copied into the
 * client version, and by the tests on every string of a built document.
 */

const MARKERS: readonly RegExp[] = [
  // Rule ids of docs/AUDITS.md (TRN-06, NUT-13, SCR-01).
  /\b[A-Z]{3}-\d{2}\b/g,
  // Audit verdicts and severities.
  /\bBLOQUEANTE\b/gi,
  /\bBLOCKING\b/g,
  /\bbloquead[oa]\b/gi,
  /\bNo supera\b/gi,
  /\bcon_warnings\b/g,
  /\b(?:WARN|BLOCK)\b/g,
  /\bseverity\b/gi,
  // Agent ids (E1…E9, N0…N8).
  /\b[EN][0-9]\b/g,
  // Energy-model internals.
  /\b(?:BMR|TDEE|PAL)\b/g,
  /\bMifflin\b/gi,
  /\bKatch\b/gi,
  // snake_case codes (dia_alto, pierna_gluteo, apto_con_precauciones).
  /\b[a-zA-Z0-9]+(?:_[a-zA-Z0-9]+)+\b/g,
  // Traces of a bug.
  /\bundefined\b/g,
  /\bNaN\b/g,
  /\bnull\b/g,
  /\[object Object\]/g,
  /\$\{|\{\{|\}\}/g,
];

/*
 * Bare code words: the one-word codes of the questionnaire enums and the lexicons (snake_case ones
 * are caught above). They are Spanish and written without accents, so
 * - one spelled without the accent its word needs ("muneca", "miercoles", "hipertension") is not a
 *   word in Spanish, and a misspelling in English: a marker in every text;
 * - every one that is not also an English word ("rodilla", "lunes", "lactosa") is a marker in an
 *   English document.
 */

/** One-word codes the pipeline stores (days, day types, phases, goals, zones, foods…). */
const CODES: readonly string[] = [
  ...new Set(
    [
      ...DIA_SEMANA_VALUES,
      'alto',
      'medio',
      'bajo',
      'adaptacion',
      'acumulacion',
      'intensificacion',
      'descarga',
      ...OBJETIVO_PRINCIPAL_VALUES,
      ...NIVEL_EXPERIENCIA_VALUES,
      ...FRANJA_HORARIA_VALUES,
      ...ESTADO_LESION_VALUES,
      ...PATOLOGIA_VALUES,
      ...PATRON_ALIMENTARIO_VALUES,
      ...ALERGENOS_EU14,
      ...INTOLERANCIA_VALUES,
      ...injuriesJson.zones.map((z) => z.zone),
      ...foodDeclarationsJson.other_foods.terms.es.map(([, value]) => value ?? ''),
    ].filter((code) => /^[a-z]{4,}$/.test(code)),
  ),
];

/** Codes that are Spanish words stripped of their accents (checked against CODES by a test). */
export const UNACCENTED_CODES: readonly string[] = [
  'miercoles',
  'sabado',
  'adaptacion',
  'acumulacion',
  'intensificacion',
  'recomposicion',
  'manana',
  'mediodia',
  'cronica',
  'hipertension',
  'cardiopatia',
  'hepatica',
  'omnivoro',
  'pescetariano',
  'crustaceos',
  'sesamo',
  'muneca',
  'melocoton',
  'platano',
  'pina',
  'citricos',
  'limon',
  'sandia',
  'melon',
  'maiz',
  'judia',
  'cafe',
  'chia',
  'rosaceas',
];

/** Codes that are also English words, so an English text may hold them. */
const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'lumbar',
  'cervical',
  'abdomen',
  'gluten',
  'regular',
  'variable',
  'halal',
  'kosher',
  'cancer',
  'sorbitol',
  'osteoporosis',
  'kiwi',
  'mango',
  'papaya',
  'chocolate',
  'quinoa',
  'melon',
  'cafe',
  'chia',
  'alto',
]);

function wordPattern(codes: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${codes.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** Unaccented codes that are not English words either: markers whatever the text's language. */
const EVERYWHERE = wordPattern(UNACCENTED_CODES.filter((code) => !ENGLISH_WORDS.has(code)));
const BY_LANGUAGE: Readonly<Record<'es' | 'en', RegExp>> = {
  es: wordPattern(UNACCENTED_CODES.filter((code) => ENGLISH_WORDS.has(code))),
  en: wordPattern(CODES.filter((code) => !ENGLISH_WORDS.has(code))),
};

function matches(text: string, pattern: RegExp, found: string[]): void {
  for (const match of text.matchAll(pattern)) found.push(match[0]);
}

/** The internal markers found in a text, in order of appearance of each kind (empty when clean). */
export function findInternalMarkers(text: string): string[] {
  const found: string[] = [];
  for (const pattern of MARKERS) matches(text, pattern, found);
  matches(text, EVERYWHERE, found);
  return found;
}

/**
 * The internal markers of a text written for a client in `language`: those of findInternalMarkers
 * plus the code words that are not words in that language ("rodilla" in an English document).
 */
export function findClientMarkers(text: string, language: 'es' | 'en'): string[] {
  const found = findInternalMarkers(text);
  matches(text, BY_LANGUAGE[language], found);
  return [...new Set(found)];
}

/** Every one-word code of the enums and lexicons (for tests). */
export const CODE_WORDS: readonly string[] = CODES;

/**
 * Every string inside a value (objects and arrays walked), for checking a whole document. Data URLs
 * (the coach's logo) are left out: base64 is not text and can spell anything.
 */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!value.startsWith('data:')) out.push(value);
  } else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, out);
  return out;
}
