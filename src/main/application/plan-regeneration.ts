import type { FieldError } from '@shared/field-error';
import type { GenerationJob } from '@shared/job';
import type { OverrideDoor, PlanKind } from '@shared/plan-delivery';
import { shownWeek } from '@shared/plan-edits/training-week';
import {
  PlanRegenerationRequestSchema,
  type PlanRegenerationRequest,
  type RegenerationScope,
} from '@shared/plan-regeneration';
import type { TrainingPlanDocument } from '@shared/plans';
import { invalidInputMessage, SPANISH_ZOD_ERRORS } from '@shared/zod-field-errors';
import type { Repositories } from '../db/repositories';
import { regenerationAgents } from '../pipeline/regeneration';
import type { JobQueue } from '../queue/job-queue';
import { DomainError } from './domain-error';
import { requireSubmission } from './generate-plan';
import { planAtVersion } from './plan-editing';

/*
 * "Regenerate a part with a note" (issue #16 point 5), one use case behind both doors: checks that
 * the plan exists and is still at the version the coach looked at, that the scope fits the plan
 * (an agent of its chain, a session of its week), then enqueues a normal generation job of the
 * plan's type that carries the request (`job.regeneration`). The job re-runs only the affected
 * agents and saves a new version of the same plan (pipeline/regeneration.ts).
 */

export interface RegeneratePlanPartInput<K extends PlanKind = PlanKind> {
  kind: K;
  plan_id: string;
  /** The version the coach asked on: it must still be the current one. */
  base_version: number;
  scope: RegenerationScope;
  /** The coach's instruction, 1–500 characters (trimmed). */
  note: string;
  /** The door that asked: the new version's author. */
  via: OverrideDoor;
}

export interface RegeneratePlanPartDeps {
  repositories: Pick<Repositories, 'trainingPlans' | 'nutritionPlans' | 'planVersions' | 'submissions'>;
  queue: Pick<JobQueue, 'enqueue'>;
}

function invalid(fields: FieldError[]): DomainError {
  return new DomainError('validation_error', invalidInputMessage(fields), fields);
}

/** The request parsed again (a door may have let `session` through for a nutrition plan). */
function parseRequest(input: RegeneratePlanPartInput): PlanRegenerationRequest {
  const { via: _via, ...request } = input;
  const parsed = PlanRegenerationRequestSchema.safeParse(request, { error: SPANISH_ZOD_ERRORS });
  if (parsed.success) return parsed.data;
  throw invalid(
    parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      return { field, code: issue.code, message: `${field}: ${issue.message}` };
    }),
  );
}

export async function regeneratePlanPart(
  deps: RegeneratePlanPartDeps,
  input: RegeneratePlanPartInput,
): Promise<GenerationJob> {
  const { repositories: repos, queue } = deps;
  const request = parseRequest(input);
  // plan_not_found, or plan_version_conflict once someone saved on top of the coach's version.
  const plan = await planAtVersion(repos, request.kind, request.plan_id, request.base_version);
  const { scope } = request;
  if (scope.type === 'session') {
    const week = shownWeek(plan as TrainingPlanDocument);
    const count = week?.sessions.length ?? 0;
    if (scope.session >= count) {
      const field = 'scope.session';
      throw invalid([
        {
          field,
          code: 'out_of_range',
          message:
            count === 0
              ? `${field}: el plan no tiene sesiones que rehacer`
              : `${field}: no hay sesión con índice ${scope.session}; la semana tiene ${count} (índices 0–${count - 1})`,
        },
      ]);
    }
  }
  // The job reads the questionnaire the plan was generated from; the request names no such field.
  await requireSubmission(repos, plan.user_id, plan.submission_id).catch((error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(
      error.code,
      `El cuestionario con el que se generó el plan «${plan._id}» ya no está (${plan.submission_id}): no se puede regenerar; genera un plan nuevo desde un cuestionario del cliente.`,
    );
  });
  return queue.enqueue({
    user_id: plan.user_id,
    submission_id: plan.submission_id,
    type: request.kind,
    previous_training_plan_id:
      request.kind === 'training' ? (plan as TrainingPlanDocument).previous_training_plan_id : null,
    regeneration: { ...request, via: input.via },
    total_steps: regenerationAgents(request.kind, scope).length,
  });
}
