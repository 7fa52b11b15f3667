import { looseAnswersForReview, settleOptionalAnswers } from '@shared/loose-answers';
import { isPlainObject } from '@shared/plain-object';
import {
  correctionsOf,
  readQuestionnaire,
  ReadingCorrectionSchema,
  type ReadingCorrection,
} from '@shared/reading';
import type { ReadingCorrectionInput, SubmissionReading } from '@shared/reading-api';
import type { Repositories } from '../db/repositories';
import { DomainError } from './domain-error';

/*
 * What the app understood from a stored questionnaire, and the coach's corrections of it — one use
 * case behind both doors (HTTP and IPC). A correction is stored with the submission and read by the
 * next job (docs/DOMAIN.md, "Reading free-text answers"): it holds while the answer it corrects is
 * unchanged, so a new questionnaire is always read afresh.
 */

type SubmissionRepos = Pick<Repositories, 'submissions'>;

async function loadRaw(repos: SubmissionRepos, submissionId: string): Promise<Record<string, unknown>> {
  const raw = await repos.submissions.getRaw(submissionId);
  if (!raw) {
    throw new DomainError('submission_not_found', `No existe ningún cuestionario con id «${submissionId}».`);
  }
  return raw;
}

function readingOf(raw: Record<string, unknown>, corrections: ReadingCorrection[]): SubmissionReading {
  const responses = isPlainObject(raw.responses) ? raw.responses : {};
  const loose = looseAnswersForReview(settleOptionalAnswers(responses, 'es').looseAnswers);
  return {
    submission_id: String(raw._id),
    user_id: String(raw.user_id),
    reading: readQuestionnaire(raw.responses, { corrections }),
    corrections,
    loose_answers: loose,
  };
}

export async function getSubmissionReading(
  repos: SubmissionRepos,
  submissionId: string,
): Promise<SubmissionReading> {
  const raw = await loadRaw(repos, submissionId);
  return readingOf(raw, correctionsOf(raw));
}

/**
 * Stores the coach's reading of some answers. Each correction must name an answer the submission
 * has, with its current text; a correction for an answer already corrected replaces it.
 */
export async function correctSubmissionReading(
  repos: SubmissionRepos,
  submissionId: string,
  inputs: readonly ReadingCorrectionInput[],
  now = new Date(),
): Promise<SubmissionReading> {
  const raw = await loadRaw(repos, submissionId);
  const answers = readQuestionnaire(raw.responses).answers;
  const problems = inputs.flatMap((input, index) => {
    const answer = answers.find((candidate) => candidate.field === input.field);
    if (!answer) {
      return [
        {
          field: `corrections.${index}.field`,
          code: 'unknown_answer',
          message: `El cuestionario no tiene una respuesta de texto en «${input.field}».`,
        },
      ];
    }
    if (answer.text.trim() !== input.text.trim()) {
      return [
        {
          field: `corrections.${index}.text`,
          code: 'stale_answer',
          message: `La respuesta «${input.field}» ha cambiado: vuelve a leerla antes de corregirla.`,
        },
      ];
    }
    return [];
  });
  if (problems.length > 0) {
    // Field names (`corrections.0.text`) as both doors have always sent them, without a prefix.
    throw new DomainError(
      'validation_error',
      problems.map((problem) => problem.message).join('\n'),
      problems,
    );
  }
  const fresh = inputs.map((input) => ReadingCorrectionSchema.parse({ ...input, corrected_at: now }));
  const kept = correctionsOf(raw).filter(
    (old) => !fresh.some((correction) => correction.field === old.field),
  );
  const corrections = [...kept, ...fresh];
  await repos.submissions.setReadingCorrections(submissionId, corrections);
  return readingOf(raw, corrections);
}
