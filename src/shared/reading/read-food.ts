import {
  clauseHas,
  cover,
  declared,
  followsNegator,
  isNegated,
  markDeclaringCues,
  occurrences,
  type Clause,
  type Occurrence,
} from './clauses';
import { FOOD, WORDS } from './lexicon';
import type { AnswerContext, Detected } from './answer-context';
import { findPhrase } from './text-match';

/*
 * Allergies, intolerances and dietary patterns in one answer. In a field about food problems a
 * food word alone declares ("alergias: marisco"); in any other field it needs a cue next to it
 * ("comida favorita: la gamba, aunque me da alergia"), so "me encanta el marisco" declares nothing.
 * A dislike ("odio las setas") is a preference, not a health fact.
 */

function allergenHits(clause: Clause) {
  const hits = declared(
    [clause],
    FOOD.allergens.map((entry) => entry.phrase),
  );
  return hits.flatMap((hit) => {
    const entry = FOOD.allergens.find((candidate) => candidate.phrase === hit.phrase);
    if (!entry) return [];
    const next = clause.tokens.slice(hit.end);
    if (entry.value.unlessNext.some((phrase) => findPhrase(next, phrase) === 0)) return [];
    return [{ hit, groups: entry.value.groups }];
  });
}

/** Intolerances whose name is unambiguous ("lácteos" alone is not: it may be a taste). */
const SPECIFIC_INTOLERANCES = new Set(['fructosa', 'sorbitol', 'histamina']);

/** Cues affirmed anywhere in the answer: "Gambas. Me dan alergia." names the food and the cue apart. */
interface AnswerCues {
  allergy: boolean;
  intolerance: boolean;
}

export function affirmedCues(clauses: readonly Clause[]): AnswerCues {
  const affirmed = (cues: typeof FOOD.cues.allergy) =>
    occurrences(clauses, cues).some((hit) => !isNegated(hit));
  return { allergy: affirmed(FOOD.cues.allergy), intolerance: affirmed(FOOD.cues.intolerance) };
}

function readClause(clause: Clause, context: AnswerContext, answer: AnswerCues, out: Detected): void {
  const foodField = context.topics.includes('alergia') || context.topics.includes('intolerancia');
  // A field only about intolerances reads milk as lactose and wheat as non-coeliac sensitivity.
  const intoleranceField = context.topics[0] === 'intolerancia';
  const allergyCue = answer.allergy || clauseHas(clause, FOOD.cues.allergy);
  const intoleranceCue = answer.intolerance || clauseHas(clause, FOOD.cues.intolerance);
  const avoided = clause.excepted || clauseHas(clause, FOOD.cues.avoidance);
  // Intolerance names ("lactosa", "sorbitol") name the condition itself: read in any field.
  if (!foodField && !allergyCue && !intoleranceCue && !avoided) {
    for (const hit of declared(
      [clause],
      FOOD.intolerances.map((entry) => entry.phrase),
    )) {
      const entry = FOOD.intolerances.find((candidate) => candidate.phrase === hit.phrase);
      if (entry && SPECIFIC_INTOLERANCES.has(entry.value))
        out.add('intolerancia', entry.value, hit.phrase.source);
    }
    return;
  }
  // A dislike is a preference — unless the answer also says it causes a reaction.
  if (!allergyCue && !intoleranceCue && clauseHas(clause, FOOD.cues.dislike)) {
    // "Simplemente odio las setas": explained, and not a restriction.
    clause.covered.fill(true);
    return;
  }
  const asIntolerance = !allergyCue && (intoleranceCue || intoleranceField);

  for (const hit of declared(
    [clause],
    FOOD.intolerances.map((entry) => entry.phrase),
  )) {
    const entry = FOOD.intolerances.find((candidate) => candidate.phrase === hit.phrase);
    if (entry) out.add('intolerancia', entry.value, hit.phrase.source);
  }
  for (const { hit, groups } of allergenHits(clause)) {
    const coeliac = /celiac|coeliac/.test(hit.phrase.source);
    for (const group of groups) {
      if (asIntolerance && group === 'leche') out.add('intolerancia', 'lactosa', hit.phrase.source);
      else if (asIntolerance && group === 'gluten' && !coeliac) {
        out.add('intolerancia', 'gluten_no_celiaca', hit.phrase.source);
      } else out.add('alergia', group, hit.phrase.source);
    }
  }
  for (const hit of declared(
    [clause],
    FOOD.otherFoods.map((entry) => entry.phrase),
  )) {
    const food = FOOD.otherFoods.find((candidate) => candidate.phrase === hit.phrase)?.value;
    if (!food) continue;
    // Leaving pork out of "everything" is the no-pork pattern, not an allergy.
    if (food === 'cerdo' && avoided && !allergyCue && !intoleranceCue)
      out.add('patron', 'sin_cerdo', hit.phrase.source);
    else out.add('alergia', `alimento:${food}`, hit.phrase.source);
  }
  if (allergyCue || context.topics.includes('alergia')) {
    for (const hit of declared(
      [clause],
      FOOD.nonFoodAllergens.map((entry) => entry.phrase),
    )) {
      const kind = FOOD.nonFoodAllergens.find((candidate) => candidate.phrase === hit.phrase)?.value;
      if (kind) out.add('alergia', `no_alimentaria:${kind}`, hit.phrase.source);
    }
  }
  // The cue words themselves explain part of the clause.
  declared([clause], [...FOOD.cues.allergy, ...FOOD.cues.intolerance, ...FOOD.cues.avoidance]);
}

/** Reads the answer's clauses; adds what it found to `out`. */
export function readFood(clauses: readonly Clause[], context: AnswerContext, out: Detected): void {
  // "No tolero", "sin gluten", "no me gusta": their negator belongs to the phrase, it denies nothing.
  markDeclaringCues(clauses, [...FOOD.cues.intolerance, ...FOOD.cues.avoidance, ...FOOD.cues.dislike]);
  const cues = affirmedCues(clauses);
  // "Ni leche ni huevo, alergia a los dos": a bare "ni" list in an answer that names a reaction
  // lists what the client cannot have.
  if (cues.allergy || cues.intolerance) markLeadingNiInert(clauses);
  for (const clause of clauses) readClause(clause, context, cues, out);
  // A partner's diet or a past one ("fui vegetariana 3 años") is not the client's pattern now.
  const own = clauses.filter((clause) => !clauseHas(clause, WORDS.family) && !clauseHas(clause, WORDS.past));
  readDietPattern(own, out);
}

const CONTINUING = new Set(['ni', 'nor', 'neither']);

function markLeadingNiInert(clauses: readonly Clause[]): void {
  for (const clause of clauses) {
    if (!CONTINUING.has(clause.tokens[0] ?? '')) continue;
    clause.tokens.forEach((token, at) => {
      if (CONTINUING.has(token)) clause.inertNegators.add(at);
    });
  }
}

/** Stricter patterns first: "vegetariano estricto" names both and means vegan. */
export const PATTERN_ORDER = [
  'vegano',
  'ovolactovegetariano',
  'pescetariano',
  'kosher',
  'halal',
  'sin_cerdo',
  'flexitariano',
];

/** A fish mention no negator governs: "pescado sí", "I eat fish" (not "ni pescado"). */
function eatsFish(clauses: readonly Clause[]): boolean {
  return declared(clauses, FOOD.fishWords).some((hit) => !followsNegator(hit.clause, hit.start));
}

function readDietPattern(clauses: readonly Clause[], out: Detected): void {
  const occurrences = declared(
    clauses,
    FOOD.dietPatterns.map((entry) => entry.phrase),
  );
  // "mostly plant based" is flexitarian although it contains "plant based": the longest phrase wins.
  const inside = (a: Occurrence, b: Occurrence) =>
    a !== b &&
    a.clause === b.clause &&
    b.start <= a.start &&
    a.end <= b.end &&
    b.end - b.start > a.end - a.start;
  const hits = occurrences
    .filter((hit) => !occurrences.some((other) => inside(hit, other)))
    .flatMap((hit) => {
      cover(hit);
      const pattern = FOOD.dietPatterns.find((candidate) => candidate.phrase === hit.phrase)?.value;
      return pattern && pattern !== 'omnivoro' ? [{ pattern, term: hit.phrase.source }] : [];
    });
  const religious = hits.filter((hit) => ['kosher', 'halal', 'sin_cerdo'].includes(hit.pattern));
  const diet = hits
    .filter((hit) => !religious.includes(hit))
    .sort((a, b) => PATTERN_ORDER.indexOf(a.pattern) - PATTERN_ORDER.indexOf(b.pattern))[0];
  if (diet) {
    // A meat-free diet that keeps fish ("carne no, pescado sí") is pescetarian.
    const meatFree = diet.pattern === 'ovolactovegetariano' || diet.pattern === 'vegano';
    out.add('patron', meatFree && eatsFish(clauses) ? 'pescetariano' : diet.pattern, diet.term);
  }
  for (const hit of religious) out.add('patron', hit.pattern, hit.term);
}
