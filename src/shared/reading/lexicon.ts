import { z } from 'zod';
import foodDeclarationsJson from '../../../resources/lexicons/food-declarations.json';
import fieldTopicsJson from '../../../resources/lexicons/field-topics.json';
import goalsJson from '../../../resources/lexicons/goals.json';
import healthTermsJson from '../../../resources/lexicons/health-terms.json';
import injuriesJson from '../../../resources/lexicons/injuries.json';
import readingWordsJson from '../../../resources/lexicons/reading-words.json';
import { fold, wordPattern, words, type Phrase } from './text-match';

/*
 * The reading lexicons (resources/lexicons/*.json) validated and compiled once. They are data so a
 * clinician can review and extend them without reading TypeScript; every section carries its
 * source. Bundled into both the main process and the renderer (the questionnaire screen shows
 * what was understood while the coach types).
 */

const Bilingual = z.object({ es: z.array(z.string()), en: z.array(z.string()) });
const TermPairs = z.object({
  es: z.array(z.tuple([z.string(), z.string()])),
  en: z.array(z.tuple([z.string(), z.string()])),
});
/** `[term, groups]`, or `[term, groups, words that, right after it, make it something else]`. */
const GroupTerm = z.union([
  z.tuple([z.string(), z.array(z.string())]),
  z.tuple([z.string(), z.array(z.string()), z.array(z.string())]),
]);
const GroupPairs = z.object({ es: z.array(GroupTerm), en: z.array(GroupTerm) });

const ReadingWordsSchema = z.object({
  none_answers: Bilingual,
  filler: Bilingual,
  stopwords: Bilingual,
  negators: Bilingual,
  declaring_verbs: Bilingual.extend({ modals_before_negator: Bilingual }),
  between_negator_and_verb: Bilingual,
  clause_breaks: Bilingual,
  affirmatives: Bilingual,
  healthy_words: Bilingual,
  uncertain_words: Bilingual,
  family_words: Bilingual,
  everything_words: Bilingual,
  exception_breaks: Bilingual,
  past_markers: Bilingual,
  contractions: z.object({ en: z.record(z.string(), z.string()) }),
});

const FoodDeclarationsSchema = z.object({
  allergens: z.object({ source: z.string(), terms: GroupPairs }),
  other_foods: z.object({ source: z.string(), terms: TermPairs }),
  non_food_allergens: z.object({ source: z.string(), terms: TermPairs }),
  intolerances: z.object({
    source: z.string(),
    groups: z.record(z.string(), z.array(z.string())),
    terms: TermPairs,
  }),
  diet_patterns: z.object({
    source: z.string(),
    groups: z.record(z.string(), z.array(z.string())),
    terms: TermPairs,
    fish_words: Bilingual,
  }),
  cues: z.object({
    allergy: Bilingual,
    intolerance: Bilingual,
    avoidance: Bilingual,
    anaphylaxis: Bilingual,
    dislike: Bilingual,
  }),
});

const ZoneSchema = z.object({
  zone: z.string(),
  /** How the zone is named to people (the editor's reasons, the coach's screens). */
  label: z.object({ es: z.string().min(1), en: z.string().min(1) }),
  terms: z.array(z.string()),
  tags: z.array(z.string()),
  spine: z.boolean().optional(),
  generic: z.boolean().optional(),
  unless: z.array(z.string()).optional(),
  fallback_terms: z.array(z.string()).optional(),
  muscle_terms_only: z.boolean().optional(),
});
const InjuriesSchema = z.object({
  zones: z.array(ZoneSchema),
  modifiers: z.array(z.object({ why: z.string(), terms: z.array(z.string()), tags: z.array(z.string()) })),
  injury_cues: Bilingual,
  status: z.object({ recovered: Bilingual, active: Bilingual, chronic: Bilingual }),
});

const HealthTermsSchema = z.object({
  pathologies: z.object({
    source: z.string(),
    terms: z.record(z.string(), Bilingual),
    review: Bilingual,
    diabetes_type1_markers: Bilingual,
    diabetes_type2_markers: Bilingual,
    diabetes_type_unknown: Bilingual,
  }),
  red_flags: z.object({
    source: z.string(),
    parq: z.record(z.string(), Bilingual.extend({ why: z.string() })),
    exertional: z.object({ why: z.string(), review: Bilingual }),
    pregnancy_complications: Bilingual.extend({ why: z.string() }),
    supervised_only: Bilingual.extend({ why: z.string() }),
    doctor_supervision: z.object({ why: z.string(), doctor: Bilingual, supervision: Bilingual }),
  }),
  eating_disorder: z.object({
    source: z.string(),
    signs: Bilingual,
    review: Bilingual,
    not_signs: Bilingual,
    very_low_intake: z.object({ max_kcal: z.number().positive() }),
  }),
  pregnancy: z.object({
    source: z.string(),
    embarazo: Bilingual,
    posparto_6m: Bilingual,
    lactancia: Bilingual,
    review: Bilingual,
  }),
  surgery: Bilingual.extend({ source: z.string() }),
  hypoglycaemic_drugs: Bilingual.extend({ source: z.string() }),
  flagged_drugs: Bilingual.extend({ source: z.string() }),
  blood_pressure: z.object({
    systolic_min: z.number().positive(),
    diastolic_min: z.number().positive(),
    context: Bilingual,
  }),
});

const FieldTopicsSchema = z.object({
  identity: z.array(z.string()),
  fields: z.array(
    z.object({
      match: z.array(z.string()),
      topics: z.array(z.string()),
      implies: z.object({ topic: z.string(), code: z.string() }).optional(),
    }),
  ),
});

const GoalsSchema = z.object({
  intents: z.record(z.string(), Bilingual),
});

const readingWords = ReadingWordsSchema.parse(readingWordsJson);
const both = (list: z.infer<typeof Bilingual>): string[] => [...list.es, ...list.en];

const CONTRACTIONS = Object.entries(readingWords.contractions.en).sort((a, b) => b[0].length - a[0].length);
const STOPWORDS = new Set(both(readingWords.stopwords));

/** English contractions expanded ("can't" → "can not"), so both text and terms read the same. */
export function expandContractions(text: string): string {
  let out = fold(text);
  for (const [short, long] of CONTRACTIONS) out = out.split(short).join(` ${long} `);
  return out;
}

/** Content words of a fragment: folded, contractions expanded, articles and prepositions dropped. */
export function contentWords(text: string): string[] {
  return words(expandContractions(text)).filter((word) => !STOPWORDS.has(word));
}

export function phrase(raw: string): Phrase {
  return { source: raw, words: contentWords(raw).map(wordPattern) };
}

const phrases = (list: readonly string[]): Phrase[] => list.map(phrase).filter((p) => p.words.length > 0);

/** A phrase that yields a code (an allergen group list, a zone, a PAR-Q question…). */
export interface CodedPhrase<T> {
  readonly phrase: Phrase;
  readonly value: T;
}

function coded<T>(pairs: readonly (readonly [string, T])[]): CodedPhrase<T>[] {
  return pairs
    .map(([raw, value]) => ({ phrase: phrase(raw), value }))
    .filter((entry) => entry.phrase.words.length > 0);
}
const codedBoth = <T>(pairs: { es: (readonly [string, T])[]; en: (readonly [string, T])[] }) =>
  coded([...pairs.es, ...pairs.en]);
const codedList = <T>(list: z.infer<typeof Bilingual>, value: T): CodedPhrase<T>[] =>
  both(list).map((raw) => ({ phrase: phrase(raw), value }));

const food = FoodDeclarationsSchema.parse(foodDeclarationsJson);
const injuries = InjuriesSchema.parse(injuriesJson);
const health = HealthTermsSchema.parse(healthTermsJson);
const fieldTopics = FieldTopicsSchema.parse(fieldTopicsJson);
const goals = GoalsSchema.parse(goalsJson);

export const WORDS = {
  noneAnswers: new Set(both(readingWords.none_answers).map((text) => contentWords(text).join(' '))),
  filler: new Set(both(readingWords.filler).flatMap(contentWords)),
  negators: new Set(both(readingWords.negators)),
  declaringVerbs: phrases(both(readingWords.declaring_verbs)),
  modalsBeforeNegator: new Set(both(readingWords.declaring_verbs.modals_before_negator)),
  betweenNegatorAndVerb: new Set(both(readingWords.between_negator_and_verb)),
  clauseBreaks: phrases(both(readingWords.clause_breaks)),
  affirmatives: new Set(both(readingWords.affirmatives)),
  healthy: phrases(both(readingWords.healthy_words)),
  /** Whole words, stopwords kept: "no sé" must not shrink to a bare "no". */
  uncertain: both(readingWords.uncertain_words).map((text) => words(expandContractions(text)).join(' ')),
  family: phrases(both(readingWords.family_words)),
  everything: phrases(both(readingWords.everything_words)),
  exceptionBreaks: phrases(both(readingWords.exception_breaks)),
  past: phrases(both(readingWords.past_markers)),
};

/** An allergen term; `unlessNext` words after it cancel it ("soy alérgico" is Spanish "I am"). */
export interface AllergenTerm {
  readonly groups: readonly string[];
  readonly unlessNext: readonly Phrase[];
}

const allergenTerms = [...food.allergens.terms.es, ...food.allergens.terms.en].map(
  ([raw, groups, unlessNext]): CodedPhrase<AllergenTerm> => ({
    phrase: phrase(raw),
    value: { groups, unlessNext: phrases(unlessNext ?? []) },
  }),
);

export const FOOD = {
  allergens: allergenTerms,
  otherFoods: codedBoth(food.other_foods.terms),
  nonFoodAllergens: codedBoth(food.non_food_allergens.terms),
  intolerances: codedBoth(food.intolerances.terms),
  intoleranceGroups: food.intolerances.groups,
  dietPatterns: codedBoth(food.diet_patterns.terms),
  dietPatternGroups: food.diet_patterns.groups,
  fishWords: phrases(both(food.diet_patterns.fish_words)),
  cues: {
    allergy: phrases(both(food.cues.allergy)),
    intolerance: phrases(both(food.cues.intolerance)),
    avoidance: phrases(both(food.cues.avoidance)),
    anaphylaxis: phrases(both(food.cues.anaphylaxis)),
    dislike: phrases(both(food.cues.dislike)),
  },
};

export interface ZoneRule {
  readonly zone: string;
  readonly terms: readonly Phrase[];
  readonly fallbackTerms: readonly Phrase[];
  readonly unless: readonly Phrase[];
  readonly tags: readonly string[];
  readonly spine: boolean;
  readonly generic: boolean;
}

export const INJURY = {
  zones: injuries.zones.map((zone): ZoneRule => ({
    zone: zone.zone,
    terms: phrases(zone.terms),
    fallbackTerms: phrases(zone.fallback_terms ?? []),
    unless: phrases(zone.unless ?? []),
    tags: zone.tags,
    spine: zone.spine === true,
    generic: zone.generic === true,
  })),
  modifiers: injuries.modifiers.map((modifier) => ({ terms: phrases(modifier.terms), tags: modifier.tags })),
  labels: new Map(injuries.zones.map((zone) => [zone.zone, zone.label] as const)),
  cues: phrases(both(injuries.injury_cues)),
  status: {
    recovered: phrases(both(injuries.status.recovered)),
    active: phrases(both(injuries.status.active)),
    chronic: phrases(both(injuries.status.chronic)),
  },
};

export const HEALTH = {
  pathologies: Object.entries(health.pathologies.terms).flatMap(([code, list]) => codedList(list, code)),
  pathologyReview: phrases(both(health.pathologies.review)),
  diabetesType1Markers: phrases(both(health.pathologies.diabetes_type1_markers)),
  diabetesType2Markers: phrases(both(health.pathologies.diabetes_type2_markers)),
  diabetesTypeUnknown: new Set(both(health.pathologies.diabetes_type_unknown)),
  supervisedOnly: phrases(both(health.red_flags.supervised_only)),
  doctorWords: phrases(both(health.red_flags.doctor_supervision.doctor)),
  supervisionWords: phrases(both(health.red_flags.doctor_supervision.supervision)),
  parq: Object.entries(health.red_flags.parq).flatMap(([question, list]) => codedList(list, question)),
  parqWhy: Object.fromEntries(Object.entries(health.red_flags.parq).map(([q, entry]) => [q, entry.why])),
  exertionalReview: phrases(both(health.red_flags.exertional.review)),
  pregnancyComplications: phrases(both(health.red_flags.pregnancy_complications)),
  eatingDisorder: phrases(both(health.eating_disorder.signs)),
  eatingDisorderReview: phrases(both(health.eating_disorder.review)),
  notEatingDisorder: phrases(both(health.eating_disorder.not_signs)),
  veryLowIntakeKcal: health.eating_disorder.very_low_intake.max_kcal,
  pregnancy: [
    ...codedList(health.pregnancy.embarazo, 'embarazo'),
    ...codedList(health.pregnancy.posparto_6m, 'posparto_6m'),
    ...codedList(health.pregnancy.lactancia, 'lactancia'),
  ],
  pregnancyReview: phrases(both(health.pregnancy.review)),
  surgery: phrases(both(health.surgery)),
  hypoglycaemicDrugs: phrases(both(health.hypoglycaemic_drugs)),
  flaggedDrugs: phrases(both(health.flagged_drugs)),
  bloodPressure: {
    systolicMin: health.blood_pressure.systolic_min,
    diastolicMin: health.blood_pressure.diastolic_min,
    context: phrases(both(health.blood_pressure.context)),
  },
};

export interface FieldTopicRule {
  readonly match: readonly Phrase[];
  readonly topics: readonly string[];
  readonly implies?: { readonly topic: string; readonly code: string };
}

export const FIELDS = {
  identity: new Set(fieldTopics.identity),
  rules: fieldTopics.fields.map((rule): FieldTopicRule => ({
    match: phrases(rule.match),
    topics: rule.topics,
    implies: rule.implies,
  })),
};

export const GOALS = Object.entries(goals.intents).flatMap(([intent, list]) => codedList(list, intent));

/**
 * Whether an answer says the client does not know or remember ("No sé", "no me acuerdo del nombre",
 * "I can't remember"): its negator is about knowing, so the answer is never a "none".
 */
export function saysUncertain(text: string): boolean {
  const joined = ` ${words(expandContractions(text)).join(' ')} `;
  return joined.trim() === 'no se' || WORDS.uncertain.some((phrase) => joined.includes(` ${phrase} `));
}
