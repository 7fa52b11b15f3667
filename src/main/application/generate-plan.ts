import type { GenerationJob, JobType } from '@shared/job';
import type { Repositories } from '../db/repositories';
import type { JobQueue } from '../queue/job-queue';
import { requireClient } from './clients';
import { DomainError, fieldError } from './domain-error';
import { checkPreviousTrainingPlan } from './plan-delivery';

/*
 * "Generate a plan", one use case behind both doors (HTTP `POST /admin/users/{user_id}/plans/
 * generate_async`, IPC `generatePlan`): checks that what the job will read exists and belongs to
 * this client, then enqueues. The questionnaire itself is validated again by the job (it may have
 * been written by another system). Each door only parses its input and shapes the answer.
 */

export interface GeneratePlanInput {
  user_id: string;
  submission_id: string;
  type: JobType;
  previous_training_plan_id?: string | null | undefined;
}

export interface GeneratePlanDeps {
  repositories: Pick<Repositories, 'users' | 'submissions' | 'trainingPlans' | 'nutritionPlans'>;
  queue: Pick<JobQueue, 'enqueue'>;
}

/** The client's questionnaire a job will read; `submission_not_found` when missing or another client's. */
export async function requireSubmission(
  repos: Pick<Repositories, 'submissions'>,
  userId: string,
  submissionId: string,
): Promise<void> {
  const submission = await repos.submissions.getRaw(submissionId);
  // Another client's questionnaire is reported as missing: the id alone must not reveal it exists.
  if (!submission || submission['user_id'] !== userId) {
    throw new DomainError(
      'submission_not_found',
      `El cliente «${userId}» no tiene ningún cuestionario con id «${submissionId}». Usa el id del cuestionario que se guardó al enviarlo (submission_id).`,
      [fieldError('submission_id', 'not_found', 'cuestionario no encontrado')],
    );
  }
}

export async function generatePlan(deps: GeneratePlanDeps, input: GeneratePlanInput): Promise<GenerationJob> {
  const { repositories: repos, queue } = deps;
  await requireClient(repos, input.user_id, 'user_id');
  await requireSubmission(repos, input.user_id, input.submission_id);
  const previousId = input.previous_training_plan_id ?? null;
  // Missing, another client's, or blocked by its audit (plan_blocked): the delivery use case decides.
  if (previousId) await checkPreviousTrainingPlan(repos, input.user_id, previousId);
  return queue.enqueue({
    user_id: input.user_id,
    submission_id: input.submission_id,
    type: input.type,
    previous_training_plan_id: previousId,
  });
}
