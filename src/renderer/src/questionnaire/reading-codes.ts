import type { TFunction } from 'i18next';
import {
  ALERGENOS_EU14,
  EMBARAZO_LACTANCIA_VALUES,
  ESTADO_LESION_VALUES,
  INTOLERANCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
  PARQ_KEYS,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
} from '@shared/questionnaire';
import { INJURY_ZONE_IDS as INJURY_ZONES, KNOWN_FOODS, NON_FOOD_KINDS } from '@shared/reading/codes';
import { READING_TOPICS, type ReadingTopic } from '@shared/reading/reading-schema';
import type { ReadingCorrectionInput } from '@shared/reading-api';

/*
 * The codes a reading fact can carry, by topic (src/shared/reading/reading-schema.ts), named in the
 * coach's language.
 */

export type CorrectionFact = ReadingCorrectionInput['findings'][number];
export type InjuryStatus = (typeof ESTADO_LESION_VALUES)[number];

/*
 * Zones, non-food allergens and other foods come from the lexicons (one list); a unit test checks
 * every one has a label in es and en, so a zone added to injuries.json without one fails the build.
 */
export { INJURY_ZONE_IDS as INJURY_ZONES, KNOWN_FOODS, NON_FOOD_KINDS } from '@shared/reading/codes';

export const FOOD_PREFIX = 'alimento:';
export const NON_FOOD_PREFIX = 'no_alimentaria:';

/** Topics a coach can state for an answer; the goal only for the goal's own answer. */
export function correctionTopics(isGoal: boolean): ReadingTopic[] {
  const topics = READING_TOPICS.filter((topic) => topic !== 'objetivo');
  return isGoal ? ['objetivo', ...topics] : topics;
}

/** The codes of a topic the editor offers (for allergies, `alimento:` stands for "another food"). */
export function knownCodes(topic: ReadingTopic): readonly string[] {
  switch (topic) {
    case 'alergia':
      return [...ALERGENOS_EU14, FOOD_PREFIX, ...NON_FOOD_KINDS.map((kind) => `${NON_FOOD_PREFIX}${kind}`)];
    case 'intolerancia':
      // "Otra" is a question, not a fact: the reader never yields it.
      return INTOLERANCIA_VALUES.filter((value) => value !== 'otra');
    case 'patron':
      return PATRON_ALIMENTARIO_VALUES;
    case 'lesion':
      return INJURY_ZONES;
    case 'patologia':
      return PATOLOGIA_VALUES;
    case 'medicacion':
      return ['hipoglucemiante', 'otra'];
    case 'cirugia':
      return ['cirugia'];
    case 'embarazo':
      return [...EMBARAZO_LACTANCIA_VALUES.filter((value) => value !== 'no'), 'complicacion'];
    case 'parq':
      return PARQ_KEYS;
    case 'tca':
      return ['signo'];
    case 'objetivo':
      return OBJETIVO_PRINCIPAL_VALUES;
  }
}

const includes = (values: readonly string[], value: string): boolean => values.includes(value);

/**
 * A label with its first letter in lower case, to sit inside a sentence ("alergia a crustáceos"),
 * unless it starts with an acronym ("SOP", "LTP").
 */
export function lowerFirst(text: string, lang: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** How a food name is stored after `alimento:`: the lexicon's form (lower case, no accents). */
export function foodCode(name: string): string | null {
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return folded === '' ? null : `${FOOD_PREFIX}${folded}`;
}

/** A food of an `alimento:` code by its name ("melocoton" → "melocotón"); unknown foods as stored. */
export function foodName(food: string, t: TFunction): string {
  return includes(KNOWN_FOODS, food) ? t(`reading.foods.${food}`) : food;
}

/** One code of a topic as a noun phrase inside a sentence ("crustáceos", "rodilla", "kiwi"). */
export function codeLabel(topic: ReadingTopic, code: string, t: TFunction, lang: string): string {
  const option = (group: string) => lowerFirst(t(`questionnaire.options.${group}.${code}`), lang);
  switch (topic) {
    case 'alergia':
      if (code.startsWith(FOOD_PREFIX)) return foodName(code.slice(FOOD_PREFIX.length), t);
      if (code.startsWith(NON_FOOD_PREFIX)) {
        const kind = code.slice(NON_FOOD_PREFIX.length);
        return includes(NON_FOOD_KINDS, kind) ? t(`reading.nonFood.${kind}`) : kind;
      }
      return includes(ALERGENOS_EU14, code) ? option('alergenos') : code;
    case 'intolerancia':
      return includes(INTOLERANCIA_VALUES, code) ? option('intolerancia') : code;
    case 'patron':
      return includes(PATRON_ALIMENTARIO_VALUES, code) ? option('patron_alimentario') : code;
    case 'lesion':
      return includes(INJURY_ZONES, code) ? t(`reading.zones.${code}`) : code;
    case 'patologia':
      return includes(PATOLOGIA_VALUES, code) ? option('patologia') : code;
    case 'embarazo':
      if (code === 'complicacion') return t('reading.embarazo.complicacion');
      return includes(EMBARAZO_LACTANCIA_VALUES, code) ? option('embarazo_lactancia') : code;
    case 'parq':
      return includes(PARQ_KEYS, code) ? t(`reading.parq.${code}`) : code;
    case 'medicacion':
    case 'cirugia':
    case 'tca':
      return includes(knownCodes(topic), code) ? t(`reading.${topic}.${code}`) : code;
    case 'objetivo':
      return includes(OBJETIVO_PRINCIPAL_VALUES, code) ? option('objetivo_principal') : code;
  }
}

/** What the editor's code select shows for a code (capitalised, as a choice in a list). */
export function codeChoice(topic: ReadingTopic, code: string, t: TFunction, lang: string): string {
  if (topic === 'alergia' && code === FOOD_PREFIX) return t('reading.editor.otherFood');
  if (topic === 'parq' && includes(PARQ_KEYS, code)) {
    return `${t('questionnaire.question', { n: Number(code.slice(1)) })}: ${t(`reading.parq.${code}`)}`;
  }
  if (topic === 'alergia' && code.startsWith(NON_FOOD_PREFIX)) {
    return t('reading.editor.nonFoodChoice', { what: codeLabel(topic, code, t, lang) });
  }
  const label = codeLabel(topic, code, t, lang);
  return label.charAt(0).toLocaleUpperCase(lang) + label.slice(1);
}

/** One row of the correction editor. */
export interface FactRow {
  topic: ReadingTopic;
  /** A known code, `alimento:` for a food typed in `food`, or '' while not chosen. */
  code: string;
  food: string;
  estado: InjuryStatus | null;
}

/** A new row of a topic: a topic with one code has it chosen; an injury starts active. */
export function emptyRow(topic: ReadingTopic): FactRow {
  const codes = knownCodes(topic);
  return {
    topic,
    code: codes.length === 1 ? (codes[0] ?? '') : '',
    food: '',
    estado: topic === 'lesion' ? 'activa' : null,
  };
}

/** The facts as editor rows: a food of `alimento:<food>` goes to the food input by its name. */
export function rowsOf(facts: readonly CorrectionFact[], t: TFunction): FactRow[] {
  return facts.map((fact) => {
    const isFood = fact.topic === 'alergia' && fact.code.startsWith(FOOD_PREFIX);
    return {
      topic: fact.topic,
      code: isFood ? FOOD_PREFIX : fact.code,
      food: isFood ? foodName(fact.code.slice(FOOD_PREFIX.length), t) : '',
      estado: fact.topic === 'lesion' ? (fact.estado ?? 'activa') : null,
    };
  });
}

export type RowProblem = 'code' | 'food';

/** The rows as facts, or the problem of each row that cannot be one (same order as the rows). */
export function factsOf(
  rows: readonly FactRow[],
): { facts: CorrectionFact[] } | { problems: (RowProblem | null)[] } {
  const problems = rows.map((row): RowProblem | null => {
    if (row.code === '') return 'code';
    if (row.topic === 'alergia' && row.code === FOOD_PREFIX && foodCode(row.food) === null) return 'food';
    return null;
  });
  if (problems.some((problem) => problem !== null)) return { problems };
  const facts = rows.map((row): CorrectionFact => {
    const code = row.topic === 'alergia' && row.code === FOOD_PREFIX ? (foodCode(row.food) ?? '') : row.code;
    return row.topic === 'lesion'
      ? { topic: row.topic, code, estado: row.estado ?? 'activa' }
      : { topic: row.topic, code };
  });
  return { facts: uniqueFacts(facts) };
}

/** Facts without repeats (two readers of one answer may name the same fact). */
export function uniqueFacts(facts: readonly CorrectionFact[]): CorrectionFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.topic}|${fact.code}|${fact.estado ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
