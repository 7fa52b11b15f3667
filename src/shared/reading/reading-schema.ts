import { z } from 'zod';
import { OBJETIVO_PRINCIPAL_VALUES } from '../questionnaire';
import { isKnownCode } from './codes';

/*
 * What the app understood from a questionnaire (docs/DOMAIN.md, "Reading free-text answers"):
 * facts with the answer they came from, and the answers it could not classify with certainty.
 * Screening, the agents' facts, the audits and the coach's screens all read this one result, so
 * a fact is never understood one way by the plan and another by its checks.
 */

export const READING_TOPICS = [
  'alergia',
  'intolerancia',
  'patron',
  'lesion',
  'patologia',
  'medicacion',
  'cirugia',
  'embarazo',
  'parq',
  'tca',
  'objetivo',
] as const;
export const ReadingTopicSchema = z.enum(READING_TOPICS);
export type ReadingTopic = z.infer<typeof ReadingTopicSchema>;

export const InjuryStatusSchema = z.enum(['activa', 'cronica', 'recuperada']);

/**
 * Pregnancy states a reading can state, most specific first: when an answer names several
 * ("embarazo: Lactancia"), the most specific one is what it says.
 */
export const PREGNANCY_STATES = ['lactancia', 'posparto_6m', 'embarazo'] as const;

/**
 * One fact. `code` by topic: alergia → EU-14 group id, `alimento:<food>` or `no_alimentaria:<kind>`;
 * intolerancia → intolerance id; patron → dietary pattern; lesion → body zone (`estado` set);
 * patologia → pathology id; medicacion → `hipoglucemiante` or `otra`; cirugia → `cirugia`;
 * embarazo → `embarazo` | `posparto_6m` | `lactancia` | `complicacion`; parq → `p1`…`p7`;
 * tca → `signo`.
 */
export const FindingSchema = z.object({
  topic: ReadingTopicSchema,
  code: z.string(),
  /** Dotted path of the answer (`alergias`, `lesiones.0.descripcion`). */
  field: z.string(),
  /** The answer as written. */
  text: z.string(),
  /** The words that gave the fact away. */
  term: z.string(),
  estado: InjuryStatusSchema.optional(),
  /** `typed`: a form field; `text`: read from free text; `coach`: the coach's correction. */
  source: z.enum(['typed', 'text', 'coach']),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ReviewReasonSchema = z.enum([
  /** Declares something the lexicons do not cover ("me sienta mal lo de la fruta con hueso"). */
  'unclassified',
  /** Says "yes" without saying what ("Sí, tengo alergias"). */
  'unspecified',
  /** A sign that may or may not mean the condition (palpitations, "los riñones"). */
  'uncertain',
  /** A goal that names opposing intents or none the app knows. */
  'ambiguous_goal',
]);
export type ReviewReason = z.infer<typeof ReviewReasonSchema>;

export const NeedsReviewSchema = z.object({
  /** Stable for the same field, text and topic: corrections refer to it. */
  id: z.string(),
  topic: ReadingTopicSchema,
  field: z.string(),
  text: z.string(),
  reason: ReviewReasonSchema,
  /**
   * Words of the answer a menu ingredient could match while the item is open (allergy and
   * intolerance items): NUT-14 blocks any ingredient containing one of them.
   */
  words: z.array(z.string()),
});
export type NeedsReview = z.infer<typeof NeedsReviewSchema>;

export const ObjetivoReadSchema = z.enum(OBJETIVO_PRINCIPAL_VALUES);

export const GoalReadingSchema = z.object({
  objetivo: ObjetivoReadSchema,
  /** Intents named in the text ("loss", "gain_muscle", …). */
  intents: z.array(z.string()),
  /** The text also names losing weight (screening treats any such goal as a loss goal). */
  mentions_loss: z.boolean(),
  source: z.enum(['typed', 'text', 'default', 'coach']),
});
export type GoalReading = z.infer<typeof GoalReadingSchema>;

/** How one free-text answer was read, for the coach's "Entendido: …" line. */
export const AnswerReadingSchema = z.object({
  field: z.string(),
  text: z.string(),
  status: z.enum(['none', 'declared', 'needs_review', 'not_health']),
  corrected: z.boolean(),
});
export type AnswerReading = z.infer<typeof AnswerReadingSchema>;

export const QuestionnaireReadingSchema = z.object({
  findings: z.array(FindingSchema),
  needs_review: z.array(NeedsReviewSchema),
  goal: GoalReadingSchema,
  answers: z.array(AnswerReadingSchema),
});
export type QuestionnaireReading = z.infer<typeof QuestionnaireReadingSchema>;

/**
 * The coach's reading of one answer, stored with the submission and applied by the next job. It
 * holds only while the answer is unchanged (`text`): a new answer is read afresh.
 */
export const CorrectedFactSchema = z
  .object({
    topic: ReadingTopicSchema,
    code: z.string().min(1).max(80),
    estado: InjuryStatusSchema.optional(),
  })
  .refine((fact) => isKnownCode(fact.topic, fact.code), {
    path: ['code'],
    message:
      'código desconocido para este tema (p. ej. alergia: crustaceos o alimento:kiwi; lesion: rodilla)',
  });

export const ReadingCorrectionSchema = z.object({
  field: z.string().min(1).max(300),
  text: z.string().max(10_000),
  /** What the answer declares, in the coach's words as facts; [] = nothing to declare. */
  findings: z.array(CorrectedFactSchema).max(50),
  note: z.string().max(500).nullish(),
  corrected_at: z.coerce.date(),
  corrected_by: z.string().max(200).nullish(),
});
export type ReadingCorrection = z.infer<typeof ReadingCorrectionSchema>;

/** The corrections stored on a submission; entries another system wrote badly are skipped, not fatal. */
export function correctionsOf(submission: unknown): ReadingCorrection[] {
  const list =
    typeof submission === 'object' && submission !== null
      ? (submission as { reading_corrections?: unknown }).reading_corrections
      : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const parsed = ReadingCorrectionSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
