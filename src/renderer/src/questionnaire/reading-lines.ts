import type { TFunction } from 'i18next';
import type {
  AnswerReading,
  GoalReading,
  NeedsReview,
  QuestionnaireReading,
  ReadingCorrection,
  ReadingTopic,
  ReviewReason,
} from '@shared/reading';
import { answerLabel } from './labels';
import { codeLabel, lowerFirst, NON_FOOD_PREFIX, uniqueFacts, type CorrectionFact } from './reading-codes';

/*
 * "What the app understood", line by line, for the coach (docs/DOMAIN.md, "Reading free-text
 * answers"): each answer that declares something or needs a look, under its label, with the
 * verbatim text and the facts in plain words. The screens only lay these lines out.
 */

export interface ReviewLine {
  id: string;
  topic: ReadingTopic;
  reason: ReviewReason;
  /** "Señal de alarma (PAR-Q+) — puede ser una señal de alarma o no…". */
  why: string;
}

export interface AnswerLine {
  /** Dotted path of the answer (`alergias`, `lesiones.0`). */
  field: string;
  label: string;
  /** The answer as written; null for a typed choice, which its label and facts already say. */
  text: string | null;
  /** What the answer declares, as the reader (or the coach) put it. */
  facts: CorrectionFact[];
  /** "Entendido: alergia a kiwi"; null when nothing was understood (only questions). */
  understood: string | null;
  reviews: ReviewLine[];
  corrected: boolean;
  /**
   * A free-text answer, which the coach can confirm or correct; a typed choice is changed by
   * sending a new questionnaire.
   */
  correctable: boolean;
  /** The goal's answer: its correction may state the goal. */
  isGoal: boolean;
}

export interface ReadingView {
  /** Answers with an open question, first: they must be seen before generating. */
  review: AnswerLine[];
  /** The rest: answers that declare something, and answers the coach corrected. */
  understood: AnswerLine[];
  /** Open questions (needs-review items). */
  open: number;
  /** "Objetivo entendido: recomposición corporal (leído del texto)". */
  goal: string;
}

export interface ReadingFormat {
  t: TFunction;
  lang: 'es' | 'en';
  /** The coach's corrections stored with the submission: what a corrected answer declares. */
  corrections?: readonly ReadingCorrection[];
}

function listOf(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/** Facts in plain words: facts of one topic share a phrase ("alergia a crustáceos y moluscos"). */
export function factPhrases(facts: readonly CorrectionFact[], t: TFunction, lang: 'es' | 'en'): string[] {
  const label = (fact: CorrectionFact) => codeLabel(fact.topic, fact.code, t, lang);
  const of = (topic: ReadingTopic, keep: (fact: CorrectionFact) => boolean = () => true) =>
    facts.filter((fact) => fact.topic === topic && keep(fact)).map(label);
  const grouped = (key: string, items: readonly string[]) =>
    items.length > 0 ? [t(`reading.phrases.${key}`, { items: listOf(items, lang) })] : [];
  const nonFood = (fact: CorrectionFact) => fact.code.startsWith(NON_FOOD_PREFIX);
  const single = (topic: ReadingTopic) => facts.filter((fact) => fact.topic === topic);

  return [
    ...single('objetivo').map((fact) => t('reading.phrases.objetivo', { goal: label(fact) })),
    ...grouped(
      'alergia',
      of('alergia', (fact) => !nonFood(fact)),
    ),
    ...grouped('alergiaNoAlimentaria', of('alergia', nonFood)),
    ...grouped('intolerancia', of('intolerancia')),
    ...grouped('patron', of('patron')),
    ...single('lesion').map((fact) =>
      fact.estado
        ? t('reading.phrases.lesionEstado', {
            zone: label(fact),
            estado: lowerFirst(t(`questionnaire.options.estado_lesion.${fact.estado}`), lang),
          })
        : t('reading.phrases.lesion', { zone: label(fact) }),
    ),
    ...grouped('patologia', of('patologia')),
    ...single('medicacion').map(label),
    ...single('cirugia').map(label),
    ...single('embarazo').map(label),
    ...single('parq').map((fact) =>
      /^p\d$/.test(fact.code)
        ? t('reading.phrases.parq', { n: fact.code.slice(1), what: label(fact) })
        : label(fact),
    ),
    ...single('tca').map(label),
  ];
}

function understoodLine(
  facts: readonly CorrectionFact[],
  saysNothing: boolean,
  format: ReadingFormat,
): string | null {
  const { t, lang } = format;
  if (facts.length === 0) {
    return saysNothing ? t('reading.understood', { what: t('reading.declaresNothing') }) : null;
  }
  return t('reading.understood', { what: factPhrases(facts, t, lang).join('; ') });
}

function reviewLine(item: NeedsReview, t: TFunction): ReviewLine {
  return {
    id: item.id,
    topic: item.topic,
    reason: item.reason,
    why: t('reading.why', {
      topic: t(`reading.topics.${item.topic}`),
      reason: t(`reading.reasons.${item.reason}`),
    }),
  };
}

/** Typed facts carry their code as text ("gluten"): only a text that says more is shown. */
function typedText(texts: readonly string[], facts: readonly CorrectionFact[]): string | null {
  const codes = new Set(facts.map((fact) => fact.code));
  const shown = [...new Set(texts)].filter((text) => !codes.has(text) && text !== 'otra');
  return shown.length > 0 ? shown.join('\n') : null;
}

function goalLine(goal: GoalReading, format: ReadingFormat): string {
  const { t, lang } = format;
  const name = codeLabel('objetivo', goal.objetivo, t, lang);
  return t('reading.goal', { goal: name, source: t(`reading.goalSource.${goal.source}`) });
}

/** A corrected answer declares what the coach said, objectives included (the reading keeps those apart). */
function correctedFacts(answer: AnswerReading, format: ReadingFormat): CorrectionFact[] | null {
  const correction = format.corrections?.find(
    (candidate) => candidate.field === answer.field && candidate.text.trim() === answer.text.trim(),
  );
  return correction ? uniqueFacts(correction.findings) : null;
}

/** The coach's view of a reading: answers to look at first, then what was understood. */
export function readingView(reading: QuestionnaireReading, format: ReadingFormat): ReadingView {
  const { t } = format;
  const answers = new Map(reading.answers.map((answer) => [answer.field, answer]));
  const reviewsOf = (field: string) => reading.needs_review.filter((item) => item.field === field);
  const findingsOf = (field: string) => reading.findings.filter((finding) => finding.field === field);
  const factsOf = (field: string) =>
    uniqueFacts(
      findingsOf(field).map(({ topic, code, estado }) =>
        estado ? { topic, code, estado } : { topic, code },
      ),
    );

  // Free-text answers in the questionnaire's order, then typed answers with a fact or a question.
  const fields = [
    ...reading.answers
      .filter(
        (answer) =>
          answer.status === 'declared' ||
          answer.status === 'needs_review' ||
          // A health answer read as "nothing to declare" is shown too: the coach can see a miss.
          answer.status === 'none' ||
          answer.corrected ||
          reviewsOf(answer.field).length > 0,
      )
      .map((answer) => answer.field),
    ...[...reading.findings, ...reading.needs_review]
      .map((item) => item.field)
      .filter((field) => !answers.has(field)),
  ];

  const lines = [...new Set(fields)].map((field): AnswerLine => {
    const answer = answers.get(field);
    const reviews = reviewsOf(field).map((item) => reviewLine(item, t));
    const facts = (answer && answer.corrected && correctedFacts(answer, format)) || factsOf(field);
    const corrected = answer?.corrected ?? false;
    return {
      field,
      label: answerLabel(`responses.${field}`, t),
      text: answer
        ? answer.text
        : typedText(
            findingsOf(field).map((finding) => finding.text),
            facts,
          ),
      facts,
      understood: understoodLine(facts, corrected || answer?.status === 'none', format),
      reviews,
      corrected,
      correctable: answer !== undefined,
      isGoal:
        field === 'objetivo_fisico' ||
        reviews.some((item) => item.topic === 'objetivo') ||
        facts.some((fact) => fact.topic === 'objetivo'),
    };
  });

  return {
    review: lines.filter((line) => line.reviews.length > 0),
    understood: lines.filter((line) => line.reviews.length === 0),
    open: reading.needs_review.length,
    goal: goalLine(reading.goal, format),
  };
}
