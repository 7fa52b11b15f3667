import { z } from 'zod';
import { IdSchema } from './ids';
import { LooseAnswerSchema } from './questionnaire';
import { QuestionnaireReadingSchema, ReadingCorrectionSchema } from './reading';

/*
 * The reading use case's contract for both doors (HTTP and IPC): what the app understood from a
 * stored questionnaire and the coach's corrections (docs/DOMAIN.md, "Reading free-text answers").
 */

export const SubmissionReadingParamsSchema = z.strictObject({ submission_id: IdSchema });

/** A correction as a client sends it; the server stamps `corrected_at`. */
export const ReadingCorrectionInputSchema = ReadingCorrectionSchema.omit({ corrected_at: true });
export type ReadingCorrectionInput = z.infer<typeof ReadingCorrectionInputSchema>;

export const CorrectReadingBodySchema = z.strictObject({
  corrections: z.array(ReadingCorrectionInputSchema).min(1).max(200),
});

export const SubmissionReadingSchema = z.object({
  submission_id: z.string(),
  user_id: z.string(),
  reading: QuestionnaireReadingSchema,
  corrections: z.array(ReadingCorrectionSchema),
  /** Optional answers not in the typed form this app reads (kept as text, partly read, implausible). */
  loose_answers: z.array(LooseAnswerSchema).default([]),
});
export type SubmissionReading = z.infer<typeof SubmissionReadingSchema>;
