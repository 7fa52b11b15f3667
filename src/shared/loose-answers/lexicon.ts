import { z } from 'zod';
import answerWordsJson from '../../../resources/lexicons/answer-words.json';
import scaleWordsJson from '../../../resources/lexicons/scale-words.json';
import { readGoalText } from '../reading/read-goal';
import { isUntypedDiabetes } from '../reading/read-medical';
import { readAnswer } from '../reading/read-questionnaire';
import { PREGNANCY_STATES, type ReadingTopic } from '../reading/reading-schema';
import { fold, withoutArticle } from './text';

/*
 * The word lists live as data in resources/lexicons/ (Spanish and English, with their rationale);
 * this module checks their shape once and turns them into folded lookup tables.
 */

const WordsSchema = z.strictObject({ es: z.array(z.string()), en: z.array(z.string()) });

export const AnswerWordsFileSchema = z.strictObject({
  source: z.string().min(1),
  notes: z.record(z.string(), z.string()),
  yes: WordsSchema,
  no: WordsSchema,
  none: WordsSchema,
  zero: WordsSchema,
  articles: WordsSchema,
  list_joiners: WordsSchema,
  /** Keyed like TYPED_NUMBER_RANGES. */
  number_units: z.record(z.string(), WordsSchema),
  /** Field (or `field.sub_field`) → enum value → phrases. */
  fields: z.record(z.string(), z.record(z.string(), WordsSchema)),
  keep_whole_if_mentioned: z.record(z.string(), WordsSchema),
});

export const ScaleWordsFileSchema = z.strictObject({
  source: z.string().min(1),
  scales: z.record(
    z.string(),
    z.strictObject({
      note: z.string().optional(),
      levels: z.array(
        z.strictObject({
          value: z.union([z.number(), z.string()]),
          es: WordsSchema.shape.es,
          en: WordsSchema.shape.en,
        }),
      ),
    }),
  ),
});

export type AnswerWordsFile = z.infer<typeof AnswerWordsFileSchema>;
export type ScaleWordsFile = z.infer<typeof ScaleWordsFileSchema>;

// Shipped data: a malformed file is a build mistake, caught by the unit tests before release.
export const ANSWER_WORDS: AnswerWordsFile = AnswerWordsFileSchema.parse(answerWordsJson);
export const SCALE_WORDS: ScaleWordsFile = ScaleWordsFileSchema.parse(scaleWordsJson);

type Words = z.infer<typeof WordsSchema>;
type Value = string | number;

function bothLanguages(words: Words): string[] {
  return [...words.es, ...words.en];
}

function foldedSet(words: Words): Set<string> {
  return new Set(bothLanguages(words).map(fold));
}

const ARTICLES = foldedSet(ANSWER_WORDS.articles);
const YES = foldedSet(ANSWER_WORDS.yes);
const NO = foldedSet(ANSWER_WORDS.no);
const NONE = foldedSet(ANSWER_WORDS.none);
const ZERO = foldedSet(ANSWER_WORDS.zero);

export const LIST_JOINERS: readonly string[] = bothLanguages(ANSWER_WORDS.list_joiners);

/** Folded key of one answer or list item, without a leading article. */
export function answerKey(text: string): string {
  return withoutArticle(fold(text), ARTICLES);
}

export function isNoneWord(text: string): boolean {
  return NONE.has(answerKey(text));
}

export function isZeroWord(text: string): boolean {
  return ZERO.has(answerKey(text));
}

/**
 * true / false for a yes/no answer, null when it is neither. "Sí, la rodilla" is yes (a detail after
 * the yes does not change it); "No, pero…" is not read, because the detail often qualifies the no.
 */
export function readYesNo(text: string): boolean | null {
  const key = answerKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  const head = /^([^,.;:(]+)[,.;:(]/.exec(text.trim());
  return head?.[1] !== undefined && YES.has(answerKey(head[1])) ? true : null;
}

// ---- phrase tables per field ----

function addPhrase(table: Map<string, Value[]>, phrase: string, value: Value): void {
  const key = answerKey(phrase);
  if (key.length === 0) return;
  const values = table.get(key) ?? [];
  if (!values.includes(value)) values.push(value);
  table.set(key, values);
}

function buildPhraseTable(field: string): Map<string, Value[]> {
  const table = new Map<string, Value[]>();
  for (const [value, words] of Object.entries(ANSWER_WORDS.fields[field] ?? {})) {
    // The value's own id is a phrase too ("gimnasio_completo" → "gimnasio completo").
    addPhrase(table, value.replace(/_/g, ' '), value);
    for (const phrase of bothLanguages(words)) addPhrase(table, phrase, value);
  }
  for (const level of SCALE_WORDS.scales[field]?.levels ?? []) {
    for (const phrase of [...level.es, ...level.en]) addPhrase(table, phrase, level.value);
  }
  return table;
}

const phraseTables = new Map<string, Map<string, Value[]>>();

/**
 * Health fields are read by the questionnaire reader (src/shared/reading), so a typed allergy list
 * and a free-text allergy answer mean the same thing ("marisco" → crustaceans and molluscs, "frutos
 * secos" → tree nuts and peanut). Only a reading without open questions counts as certain.
 */
const READER_TOPICS: Readonly<Record<string, ReadingTopic>> = {
  alergias_alimentarias: 'alergia',
  intolerancias: 'intolerancia',
  patologias: 'patologia',
  patron_alimentario: 'patron',
  embarazo_lactancia: 'embarazo',
};

function readerValues(field: string, topic: ReadingTopic, text: string): Value[] {
  // `embarazo_lactancia` would read its own name as a declaration: read as the original's `embarazo`.
  const { detected } = readAnswer(field === 'embarazo_lactancia' ? 'embarazo' : field, text);
  if (detected.reviews.length > 0) return [];
  // "Diabetes" without its type is not certain: the item stays with the verbatim answer.
  const certain = detected.findings.filter((f) => f.topic === topic && !isUntypedDiabetes(f));
  const codes = [...new Set(certain.map((f) => f.code))];
  if (topic !== 'embarazo') return codes;
  const state = PREGNANCY_STATES.find((candidate) => codes.includes(candidate));
  return state ? [state] : [];
}

/** Every value a phrase means for `field` (several only in list fields: "marisco"); [] if unknown. */
export function valuesForPhrase(field: string, text: string): Value[] {
  const topic = Object.prototype.hasOwnProperty.call(READER_TOPICS, field) ? READER_TOPICS[field] : undefined;
  if (topic) return readerValues(field, topic, text);
  if (field === 'objetivo_principal') {
    const goal = readGoalText(text);
    return goal.objetivo && !goal.ambiguous ? [goal.objetivo] : [];
  }
  let table = phraseTables.get(field);
  if (!table) {
    table = buildPhraseTable(field);
    phraseTables.set(field, table);
  }
  return table.get(answerKey(text)) ?? [];
}

const unitTables = new Map<string, string[]>();

/** Folded unit phrases of a numeric field, longest first (so "horas al día" wins over "h"). */
export function unitPhrases(rangeKey: string): readonly string[] {
  let phrases = unitTables.get(rangeKey);
  if (!phrases) {
    const words = ANSWER_WORDS.number_units[rangeKey];
    phrases = words ? [...new Set(bothLanguages(words).map(fold))].sort((a, b) => b.length - a.length) : [];
    unitTables.set(rangeKey, phrases);
  }
  return phrases;
}

/** Whether a list item names something that makes a partial reading misleading (a gym). */
export function mentionsKeepWholeWord(field: string, item: string): boolean {
  const words = ANSWER_WORDS.keep_whole_if_mentioned[field];
  if (!words) return false;
  const padded = ` ${fold(item)} `;
  return bothLanguages(words).some((word) => padded.includes(` ${fold(word)} `));
}
