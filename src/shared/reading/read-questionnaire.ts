import { isPlainObject } from '../plain-object';
import { OBJETIVO_PRINCIPAL_VALUES } from '../questionnaire';
import { contextFor, Detected, isIdentityField, reviewId, type AnswerContext } from './answer-context';
import {
  clauseIsAffirmative,
  clauseIsBare,
  clauseSaysNone,
  cover,
  isNegated,
  leftoverWords,
  occurrences,
  splitClauses,
  withoutCoverage,
  type Clause,
} from './clauses';
import { contentWords, FOOD, INJURY, saysUncertain, WORDS } from './lexicon';
import { affirmedCues } from './read-food';
import { findPhrase } from './text-match';
import { readFood } from './read-food';
import { readGoalText } from './read-goal';
import { readInjuries } from './read-injury';
import { askDiabetesType, readMedical } from './read-medical';
import type {
  AnswerReading,
  Finding,
  GoalReading,
  NeedsReview,
  QuestionnaireReading,
  ReadingCorrection,
  ReadingTopic,
} from './reading-schema';
import { TYPED_ID_FIELDS, typedFindings, typedReviews } from './typed-answers';

/*
 * Reads every answer of a questionnaire for health facts (docs/DOMAIN.md, "Reading free-text
 * answers"). Safety first: each field is read on its own; an answer is "none" only when all of it
 * says none; whatever a health field says that cannot be classified with certainty becomes a
 * needs-review item carrying the verbatim text. Nothing declared is dropped.
 */

type Record_ = Record<string, unknown>;

/** Fields whose unexplained words are a declaration the app could not classify. */
const REVIEWED_TOPICS: readonly ReadingTopic[] = [
  'alergia',
  'intolerancia',
  'lesion',
  'patologia',
  'embarazo',
  'parq',
];

/** Typed structures read by `typedFindings`, not as free text. */
const STRUCTURED_PATHS = [/^lesiones\.\d+\./, /^medicacion\.\d+\.nombre$/, /^cirugias_recientes\.\d+\.tipo$/];

/** Every free-text answer with its dotted path, whatever its field's name. */
export function freeTextAnswers(responses: Record_): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > 6) return;
    if (typeof value === 'string') {
      if (value.trim() !== '' && !STRUCTURED_PATHS.some((pattern) => pattern.test(path))) {
        out.push({ field: path, text: value });
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}.${index}`, depth + 1));
      return;
    }
    if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(responses)) {
    if (isIdentityField(key)) continue;
    // Own keys only: an answer named "valueOf" must not find Object.prototype's.
    const ids = Object.prototype.hasOwnProperty.call(TYPED_ID_FIELDS, key) ? TYPED_ID_FIELDS[key] : undefined;
    const isTypedId = (item: unknown) => typeof item === 'string' && ids?.includes(item) === true;
    if (ids && (isTypedId(value) || (Array.isArray(value) && value.every(isTypedId)))) continue;
    visit(value, key, 0);
  }
  return out;
}

/**
 * The clauses to read. A field that names its own condition ("diabetes", "problemas_corazon")
 * is read with its name in front, so "Tipo 1 desde los 12 años" reads as "diabetes tipo 1…" and a
 * bare "No" as a denial of that condition.
 */
function clausesOf(context: AnswerContext): Clause[] {
  if (!context.implies) return splitClauses(context.text);
  // "nah", "N/A (male)": an answer that opens with a none needs no name in front.
  const [first] = splitClauses(context.text);
  if (first && WORDS.noneAnswers.has(first.tokens.join(' '))) return splitClauses(context.text);
  const name = context.field.split('.')[0]?.replace(/[_-]/g, ' ') ?? '';
  // After an opening negator, so "No, tensión normal" still denies it: "No hipertensión, …".
  const opening = /^\s*[\p{L}']+/u.exec(context.text)?.[0] ?? '';
  const [firstWord] = contentWords(opening);
  if (firstWord && WORDS.negators.has(firstWord)) {
    return splitClauses(`${opening} ${name} ${context.text.slice(opening.length)}`);
  }
  return splitClauses(`${name} ${context.text}`);
}

/**
 * A reaction or an injury said without a food or a body part the lexicons know ("alergia a la
 * chirimoya", "rotura fibrilar", "me duele"): in any field, a question with the answer's words, so
 * a menu ingredient that matches them is blocked until the coach answers.
 */
function askAboutUnnamedObjects(clauses: readonly Clause[], out: Detected): void {
  const has = (topic: ReadingTopic) => out.findings.some((finding) => finding.topic === topic);
  const cues = affirmedCues(clauses);
  const words = () => leftoverWords(withoutCoverage(clauses));
  if ((cues.allergy || cues.intolerance) && !has('alergia') && !has('intolerancia')) {
    out.review(cues.allergy ? 'alergia' : 'intolerancia', 'unclassified', foodWords(words()));
  }
  const injuryCue = occurrences(clauses, INJURY.cues).some((hit) => !isNegated(hit));
  if (injuryCue && !has('lesion')) out.review('lesion', 'unclassified', words());
}

/**
 * An answer that is only a food ("cuales: marisco", beside "tiene_alergias: No") in a field whose
 * name says nothing: likely a declaration the form split in two. Asked about, never ignored.
 */
function askAboutBareFoods(clauses: readonly Clause[], out: Detected): void {
  if (out.findings.length > 0 || out.reviews.length > 0 || clauses.length === 0) return;
  const foods = [...FOOD.allergens, ...FOOD.otherFoods].map((entry) => entry.phrase);
  const fresh = withoutCoverage(clauses);
  const found = occurrences(fresh, foods).filter((hit) => !isNegated(hit));
  if (found.length === 0) return;
  found.forEach(cover);
  if (leftoverWords(fresh).length === 0) {
    out.review('alergia', 'uncertain', [
      ...new Set(found.flatMap((hit) => hit.clause.tokens.slice(hit.start, hit.end))),
    ]);
  }
}

/** Words of an answer that could name a food: cue and filler words left out. */
function foodWords(candidates: readonly string[]): string[] {
  return candidates.filter((word) => !cueWord(word));
}

const cueWord = (word: string) =>
  [...FOOD.cues.allergy, ...FOOD.cues.intolerance, ...FOOD.cues.avoidance].some(
    (phrase) => phrase.words.length === 1 && findPhrase([word], phrase) === 0,
  );

/** Reads one free-text answer. */
export function readAnswer(
  field: string,
  text: string,
): { detected: Detected; status: AnswerReading['status'] } {
  const context = contextFor(field, text);
  const clauses = clausesOf(context);
  const out = new Detected(context);
  readFood(clauses, context, out);
  readInjuries(clauses, context, out);
  readMedical(clauses, context, out);

  // "No sé" is not "no": an answer that does not know is asked about, never read as nothing.
  const uncertain = saysUncertain(text);
  const wholeAnswerNone = !uncertain && WORDS.noneAnswers.has(contentWords(text).join(' '));
  const saysNone = !uncertain && (wholeAnswerNone || clauses.every(clauseSaysNone));
  if (
    context.topics[0] === 'medicacion' &&
    !saysNone &&
    !out.findings.some((f) => f.topic === 'medicacion')
  ) {
    out.add('medicacion', 'otra', text.trim());
  }
  if (context.topics[0] === 'cirugia' && !saysNone) out.add('cirugia', 'cirugia', text.trim());
  // The field's main topic decides: a medication or surgery answer is itself the declaration.
  const reviewedTopic = context.topics.slice(0, 1).find((topic) => REVIEWED_TOPICS.includes(topic));
  if (reviewedTopic && !wholeAnswerNone) {
    // A clause nothing explained: the client said something the lexicons do not cover.
    const unexplained = clauses.filter(
      (clause) =>
        !clauseSaysNone(clause) && !clause.covered.some(Boolean) && leftoverWords([clause]).length > 0,
    );
    if (unexplained.length > 0) out.review(reviewedTopic, 'unclassified', leftoverWords(unexplained));
    // "Sí" or "tengo alergias" with nothing else: the field's own condition, or ask what it is.
    // A bare closing remark after a "none" ("Ninguna, gracias a Dios") is not a declaration.
    const affirmative = clauses.some(clauseIsAffirmative);
    const bare = clauses.some(clauseIsBare) && (affirmative || !clauses.some(clauseSaysNone));
    if (out.findings.length === 0 && out.reviews.length === 0 && bare) {
      if (context.implies && affirmative) out.add(context.implies.topic, context.implies.code, text.trim());
      else out.review(reviewedTopic, 'unspecified');
    }
    // Words in a health field that are neither a "none" nor anything the lexicons know ("something I
    // cannot name"): never read as nothing to declare — the coach is asked what they mean.
    if (out.findings.length === 0 && out.reviews.length === 0 && !saysNone && /\p{L}{2,}/u.test(text)) {
      out.review(reviewedTopic, 'unspecified');
    }
  }
  askAboutUnnamedObjects(clauses, out);
  if (context.topics.length === 0 && !context.preference) askAboutBareFoods(clauses, out);
  const status: AnswerReading['status'] =
    out.reviews.length > 0
      ? 'needs_review'
      : out.findings.length > 0
        ? 'declared'
        : saysNone && reviewedTopic
          ? 'none'
          : 'not_health';
  return { detected: out, status };
}

/** The free-text goal: `objetivo_fisico` (the original's required field), else any goal-named field. */
function goalFieldOf(responses: Record_): string | null {
  if (typeof responses.objetivo_fisico === 'string' && responses.objetivo_fisico.trim())
    return 'objetivo_fisico';
  const named = Object.entries(responses).find(
    ([key, value]) =>
      typeof value === 'string' && value.trim() && contextFor(key, value).topics[0] === 'objetivo',
  );
  return named?.[0] ?? null;
}

function readGoal(responses: Record_, reviews: NeedsReview[]): GoalReading {
  const typed = responses.objetivo_principal;
  const goalField = goalFieldOf(responses);
  const text = goalField ? String(responses[goalField]) : '';
  const fromText = text.trim() ? readGoalText(text) : null;
  const mentionsLoss = fromText?.intents.includes('loss') ?? false;
  if (typeof typed === 'string' && (OBJETIVO_PRINCIPAL_VALUES as readonly string[]).includes(typed)) {
    const objetivo = typed as GoalReading['objetivo'];
    return {
      objetivo,
      intents: fromText?.intents ?? [],
      mentions_loss: mentionsLoss || objetivo === 'perder_grasa',
      source: 'typed',
    };
  }
  if (!fromText) return { objetivo: 'salud', intents: [], mentions_loss: false, source: 'default' };
  if (fromText.ambiguous || !fromText.objetivo) {
    reviews.push({
      id: reviewId(goalField ?? 'objetivo_fisico', 'objetivo', text),
      topic: 'objetivo',
      field: goalField ?? 'objetivo_fisico',
      text,
      reason: 'ambiguous_goal',
      words: [],
    });
  }
  return {
    objetivo: fromText.objetivo ?? 'salud',
    intents: fromText.intents,
    mentions_loss: mentionsLoss,
    source: 'text',
  };
}

export interface ReadOptions {
  /** The coach's corrections stored with the submission (`reading_corrections`). */
  corrections?: readonly ReadingCorrection[] | null;
}

function applyCorrections(reading: QuestionnaireReading, corrections: readonly ReadingCorrection[]): void {
  for (const correction of corrections) {
    const answer = reading.answers.find(
      (candidate) => candidate.field === correction.field && candidate.text.trim() === correction.text.trim(),
    );
    // A correction of the goal applies to the goal; any other to its answer, while unchanged.
    if (!answer) continue;
    reading.findings = reading.findings.filter((f) => !(f.field === correction.field && f.source === 'text'));
    reading.needs_review = reading.needs_review.filter((item) => item.field !== correction.field);
    for (const fact of correction.findings) {
      if (fact.topic === 'objetivo') {
        const objetivo = OBJETIVO_PRINCIPAL_VALUES.find((value) => value === fact.code);
        if (objetivo) reading.goal = { ...reading.goal, objetivo, source: 'coach' };
        continue;
      }
      reading.findings.push({
        topic: fact.topic,
        code: fact.code,
        field: correction.field,
        text: answer.text,
        term: correction.note ?? '',
        source: 'coach',
        ...(fact.estado ? { estado: fact.estado } : {}),
      });
    }
    answer.corrected = true;
    answer.status = correction.findings.length > 0 ? 'declared' : 'none';
  }
}

/**
 * What the app understands from a questionnaire's `responses` (any JSON: the original's free text,
 * this app's typed form, other systems' imports). Never throws on odd shapes.
 */
export function readQuestionnaire(responses: unknown, options: ReadOptions = {}): QuestionnaireReading {
  const record = isPlainObject(responses) ? responses : {};
  const findings: Finding[] = typedFindings(record);
  const needsReview: NeedsReview[] = typedReviews(record);
  // "Otra" ticked with nothing beside it is an answer the coach can correct like a written one.
  const answers: AnswerReading[] = needsReview.map((item) => ({
    field: item.field,
    text: item.text,
    status: 'needs_review',
    corrected: false,
  }));
  for (const { field, text } of freeTextAnswers(record)) {
    const { detected, status } = readAnswer(field, text);
    findings.push(...detected.findings);
    needsReview.push(...detected.reviews);
    answers.push({ field, text, status, corrected: false });
  }
  const diabetesType = askDiabetesType(findings);
  if (diabetesType && !needsReview.some((item) => item.id === diabetesType.id))
    needsReview.push(diabetesType);
  const goal = readGoal(record, needsReview);
  const reading: QuestionnaireReading = { findings, needs_review: needsReview, goal, answers };
  applyCorrections(reading, options.corrections ?? []);
  return reading;
}
