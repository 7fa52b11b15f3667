import { z } from 'zod';
import {
  ErrorReasonSchema,
  JobProgressSchema,
  JobResultSchema,
  JobStatusSchema,
  JobTypeSchema,
  WaitingReasonSchema,
} from './job';

/**
 * What anyone holding a job id sees without the admin token (`GET /jobs/{id}` and its event stream,
 * issue #17 point 6): enough to follow a job — its state, its progress, the reason code of a
 * failure and the ids of the plans it produced — and nothing of the client: no user or submission
 * id, no error message or per-field detail (a screening failure quotes health answers there), no
 * execution log, token usage or cost, no regeneration note. `progress.message` is a generic text
 * derived from the state, never the stored one (a failure copies its message there).
 *
 * The plan ids stay: the original's polling clients read `result.training_plan_id` to fetch the
 * plan, they are as unguessable as the job id, and reading a plan needs the token anyway.
 *
 * Strict, so a test that parses a tokenless answer with it fails on any extra field.
 */
export const PublicJobStatusSchema = z.strictObject({
  _id: z.string(),
  /** The same id as `_id`, under the name the submit/generate answers use. */
  job_id: z.string(),
  type: JobTypeSchema,
  status: JobStatusSchema,
  progress: JobProgressSchema,
  result: JobResultSchema,
  /** The failure's code (`screening_required`, `llm_error`…), never its text. */
  error_reason: ErrorReasonSchema.nullable(),
  waiting_reason: WaitingReasonSchema.nullable(),
  created_at: z.date(),
  started_at: z.date().nullable(),
  completed_at: z.date().nullable(),
  updated_at: z.date(),
});
export type PublicJobStatus = z.infer<typeof PublicJobStatusSchema>;

/** True when a job answer is the full document (sent with the admin token), not the public view. */
export function isFullJobView<T extends object>(job: T | PublicJobStatus): job is T {
  return 'user_id' in job;
}
