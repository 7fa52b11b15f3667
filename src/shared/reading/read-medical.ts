import { clauseHas, cover, declared, occurrences, type Clause } from './clauses';
import { HEALTH, WORDS } from './lexicon';
import { reviewId, type AnswerContext, type Detected } from './answer-context';
import type { Finding, NeedsReview } from './reading-schema';
import type { CodedPhrase } from './lexicon';
import type { Phrase } from './text-match';

/*
 * Diseases, PAR-Q+ red flags, eating-disorder signs, pregnancy, surgery and hypoglycaemic drugs,
 * in ANY answer: "a veces me mareo al entrenar" written under "comentarios" is the same red flag
 * as PAR-Q+ question 3 ticked "sí". A clause about a relative ("mi padre es diabético") declares
 * nothing about the client, but it is not thrown away: the coach is asked.
 */

function coded<T>(
  clauses: readonly Clause[],
  entries: readonly CodedPhrase<T>[],
): { value: T; term: string }[] {
  const hits = declared(
    clauses,
    entries.map((entry) => entry.phrase),
  );
  return hits.flatMap((hit) => {
    const entry = entries.find((candidate) => candidate.phrase === hit.phrase);
    return entry ? [{ value: entry.value, term: hit.phrase.source }] : [];
  });
}

const affirms = (clauses: readonly Clause[], phrases: readonly Phrase[]) =>
  declared(clauses, phrases).length > 0;

/** PAR-Q+ question 1 asks about exactly these: declaring one answers it "yes". */
const PARQ1_PATHOLOGIES = new Set(['cardiopatia', 'hipertension']);

function readPathologies(clauses: readonly Clause[], out: Detected): void {
  const type1 = affirms(clauses, HEALTH.diabetesType1Markers);
  const type2 = affirms(clauses, HEALTH.diabetesType2Markers);
  for (const { value, term } of coded(clauses, HEALTH.pathologies)) {
    // "Diabetes" alone is read as type 2 unless the answer names type 1 or insulin dependence…
    const code = value === 'diabetes_t2' && type1 ? 'diabetes_t1' : value;
    // …and the coach is asked which unless this or another answer says it (`askDiabetesType`).
    const typeGiven = (type1 || type2) && HEALTH.diabetesTypeUnknown.has(term);
    out.add(
      'patologia',
      code,
      typeGiven ? `${term} (${code === 'diabetes_t1' ? 'tipo 1' : 'tipo 2'})` : term,
    );
    if (PARQ1_PATHOLOGIES.has(code)) out.add('parq', 'p1', term);
  }
  if (affirms(clauses, HEALTH.pathologyReview)) out.review('patologia', 'uncertain');
}

function readPregnancy(clauses: readonly Clause[], context: AnswerContext, out: Detected): void {
  // "Intentando quedarme embarazada" is not a pregnancy: its words do not declare one.
  const trying = declared(clauses, HEALTH.pregnancyReview);
  if (trying.length > 0) out.review('embarazo', 'uncertain');
  const pregnancy = trying.length > 0 ? [] : coded(clauses, HEALTH.pregnancy);
  for (const { value, term } of pregnancy) out.add('embarazo', value, term);
  if (pregnancy.length > 0 || context.topics.includes('embarazo')) {
    const complications = declared(clauses, HEALTH.pregnancyComplications);
    if (complications[0]) out.add('embarazo', 'complicacion', complications[0].phrase.source);
  }
}

/** "Tensión 160/100": a pressure written as numbers at or above the hypertension threshold. */
const PRESSURE = /\b(\d{2,3})\s*\/\s*(\d{2,3})\b/;

function readBloodPressure(text: string, clauses: readonly Clause[], out: Detected): void {
  const reading = PRESSURE.exec(text);
  if (!reading || !clauses.some((clause) => clauseHas(clause, HEALTH.bloodPressure.context))) return;
  const [systolic, diastolic] = [Number(reading[1]), Number(reading[2])];
  if (systolic >= HEALTH.bloodPressure.systolicMin || diastolic >= HEALTH.bloodPressure.diastolicMin) {
    out.add('patologia', 'hipertension', reading[0]);
    out.add('parq', 'p1', reading[0]);
  }
}

function readClientClauses(clauses: readonly Clause[], out: Detected): void {
  readPathologies(clauses, out);
  for (const { value, term } of coded(clauses, HEALTH.parq)) out.add('parq', value, term);
  // "Only supervised exercise" is the flag whatever negation frames it ("no haga ejercicio sin supervisión").
  const supervised = occurrences(clauses, HEALTH.supervisedOnly);
  supervised.forEach(cover);
  if (supervised[0]) out.add('parq', 'p7', supervised[0].phrase.source);
  // A doctor and supervision in one answer, however "solo" or "pero" split it (PAR-Q+ 7).
  if (!supervised[0] && affirms(clauses, HEALTH.doctorWords) && affirms(clauses, HEALTH.supervisionWords)) {
    out.add('parq', 'p7', 'médico + supervisión');
  }
  if (affirms(clauses, HEALTH.exertionalReview)) out.review('parq', 'uncertain');
  readEatingDisorderSigns(clauses, out);

  const surgery = declared(clauses, HEALTH.surgery);
  if (surgery[0]) out.add('cirugia', 'cirugia', surgery[0].phrase.source);
  const drugs = declared(clauses, HEALTH.hypoglycaemicDrugs);
  if (drugs[0]) out.add('medicacion', 'hipoglucemiante', drugs[0].phrase.source);
  // Anticoagulants, beta-blockers, GLP-1 agonists…: a medication the coach must know about, anywhere.
  const flagged = declared(clauses, HEALTH.flaggedDrugs);
  if (flagged[0]) out.add('medicacion', 'otra', flagged[0].phrase.source);
}

/** "600 kcal al día", "under 800 calories": an intake no adult plan may go below. */
const KCAL_PER_DAY = /(\d{3,4})\s*(?:kcal|kilocalorias|calorias|calories|cals?)\b/;

function readEatingDisorderSigns(clauses: readonly Clause[], out: Detected): void {
  // "Atracones de series", "binge-watched": the words, not the condition.
  const relevant = clauses.filter((clause) => !clauseHas(clause, HEALTH.notEatingDisorder));
  for (const hit of declared(relevant, HEALTH.eatingDisorder)) out.add('tca', 'signo', hit.phrase.source);
  if (affirms(relevant, HEALTH.eatingDisorderReview)) out.review('tca', 'uncertain');
  for (const clause of relevant) {
    const intake = KCAL_PER_DAY.exec(clause.tokens.join(' '));
    if (intake && Number(intake[1]) <= HEALTH.veryLowIntakeKcal) out.add('tca', 'signo', intake[0]);
  }
}

/** A diabetes finding that does not say its type ("diabetes", "azúcar alto"). */
export function isUntypedDiabetes(finding: Finding): boolean {
  return (
    finding.topic === 'patologia' &&
    finding.code === 'diabetes_t2' &&
    HEALTH.diabetesTypeUnknown.has(finding.term)
  );
}

/**
 * Diabetes whose type no answer gives is read as type 2 and asked about: type 1 means insulin and
 * its hypoglycaemia protocol (SCR-08). A typed `patologias` or another answer naming the type settles it.
 */
export function askDiabetesType(findings: readonly Finding[]): NeedsReview | null {
  const untyped = findings.find(isUntypedDiabetes);
  const typed = findings.some(
    (f) =>
      f.topic === 'patologia' &&
      (f.code === 'diabetes_t1' || f.code === 'diabetes_t2') &&
      !isUntypedDiabetes(f),
  );
  if (!untyped || typed) return null;
  return {
    id: reviewId(untyped.field, 'patologia', untyped.text),
    topic: 'patologia',
    field: untyped.field,
    text: untyped.text,
    reason: 'unspecified',
    words: [],
  };
}

/** Topic a relative's condition would have had, for the needs-review item. */
function relativeTopic(clauses: readonly Clause[]): Parameters<Detected['review']>[0] | null {
  const probe = (entries: readonly Phrase[]) => clauses.some((clause) => clauseHas(clause, entries));
  if (probe(HEALTH.pathologies.map((entry) => entry.phrase))) return 'patologia';
  if (probe(HEALTH.parq.map((entry) => entry.phrase))) return 'parq';
  if (probe(HEALTH.eatingDisorder)) return 'tca';
  if (probe(HEALTH.pregnancy.map((entry) => entry.phrase))) return 'embarazo';
  if (probe(HEALTH.hypoglycaemicDrugs)) return 'medicacion';
  return null;
}

export function readMedical(clauses: readonly Clause[], context: AnswerContext, out: Detected): void {
  const family = WORDS.family;
  const own = clauses.filter((clause) => !clauseHas(clause, family));
  const relatives = clauses.filter((clause) => clauseHas(clause, family));
  readClientClauses(own, out);
  readBloodPressure(context.text, own, out);
  // Childbirth is told through the child ("mi hija nació hace 2 meses"): read in every clause.
  readPregnancy(clauses, context, out);
  const topic = relativeTopic(relatives);
  if (topic) {
    out.review(topic, 'uncertain');
    relatives.forEach((clause) => clause.covered.fill(true));
  }
}
