import { approvePlan } from '../../src/main/application/plan-review';
import type { Repositories } from '../../src/main/db/repositories';
import { buildPendingJob } from '../../src/main/queue/enqueue';
import type { GenerationJob } from '../../src/shared/job';
import { deliveryFromAudit, nutritionDeliveryFromAudit } from '../../src/shared/plan-delivery';
import {
  nutritionPlanIdForJob,
  trainingPlanIdForJob,
  type NutritionPlanDocument,
  type PlanAudit,
  type TrainingPlanDocument,
} from '../../src/shared/plans';

/*
 * Stored plans and jobs for the delivery-block tests of both doors (HTTP, IPC): what the pipeline
 * writes when an audit blocks (the pipeline test proves it writes exactly this), saved through the
 * real repositories on the test database.
 */

export const APPROVED_AUDIT: PlanAudit = {
  status: 'aprobado',
  checks: [
    { id: 'TRN-01', severity: 'block', passed: true, reason: 'Todos los ejercicios están en el catálogo' },
  ],
};

export const BLOCKED_TRAINING_AUDIT: PlanAudit = {
  status: 'bloqueado',
  checks: [
    { id: 'TRN-01', severity: 'block', passed: true, reason: 'Todos los ejercicios están en el catálogo' },
    { id: 'TRN-06', severity: 'block', passed: false, reason: 'pecho: 35 series duras por semana (> 30)' },
  ],
};

export const BLOCKED_NUTRITION_AUDIT: PlanAudit = {
  status: 'bloqueado',
  checks: [{ id: 'NUT-17', severity: 'block', passed: false, reason: 'Cafeína diaria 650 mg (> 400 mg)' }],
};

const metrics = {
  total_tokens: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  cost_usd: 0,
  duration_ms: 0,
  by_agent: {},
};

export interface PlanOptions {
  audit?: PlanAudit;
  /** false: a document stored before `delivery` existed (its state comes from its audit). */
  withDelivery?: boolean;
  createdAt?: Date;
  previous?: string | null;
  /** A nutrition plan built on this training plan's bridge (blocked too while it is). */
  bridgeFrom?: TrainingPlanDocument;
}

export function trainingPlanDoc(
  jobId: string,
  userId: string,
  options: PlanOptions = {},
): TrainingPlanDocument {
  const audit = options.audit ?? APPROVED_AUDIT;
  return {
    _id: trainingPlanIdForJob(jobId),
    user_id: userId,
    job_id: jobId,
    submission_id: 'sub-fixture',
    previous_training_plan_id: options.previous ?? null,
    created_at: options.createdAt ?? new Date(),
    language: 'es',
    model: 'gpt-5-mini',
    metrics,
    training: {
      client_summary: {},
      capacity: {},
      adaptation: {},
      mesocycle: {},
      sessions: {},
      safe_sessions: {},
      formatted_plan: {},
      audit,
      bridge_for_nutrition: {},
    },
    ...(options.withDelivery === false ? {} : { delivery: deliveryFromAudit(audit) }),
  };
}

export function nutritionPlanDoc(
  jobId: string,
  userId: string,
  options: PlanOptions = {},
): NutritionPlanDocument {
  const audit = options.audit ?? APPROVED_AUDIT;
  return {
    _id: nutritionPlanIdForJob(jobId),
    user_id: userId,
    job_id: jobId,
    submission_id: 'sub-fixture',
    previous_nutrition_plan_id: null,
    training_plan_id: options.bridgeFrom?._id ?? null,
    created_at: options.createdAt ?? new Date(),
    language: 'es',
    model: 'gpt-5-mini',
    metrics,
    nutrition: {
      profile: {},
      metabolism: {},
      energy_strategy: {},
      macro_design: {},
      weekly_structure: {},
      timing_plan: {},
      menu_plan: {},
      adherence_report: {},
      audit,
    },
    ...(options.withDelivery === false
      ? {}
      : { delivery: nutritionDeliveryFromAudit(audit, options.bridgeFrom ?? null) }),
  };
}

/**
 * A `full` job that ended as the pipeline ends one whose training audit blocked: failed with
 * `audit_blocked`, both plans saved, their ids in `result`: the training plan blocked by TRN-06, and
 * the nutrition plan (its own audit approved) blocked by `PUENTE`, built on that plan's bridge.
 */
export async function seedAuditBlockedJob(
  repos: Repositories,
  userId: string,
  submissionId: string,
): Promise<{ job: GenerationJob; trainingId: string; nutritionId: string }> {
  const pending = buildPendingJob({ user_id: userId, submission_id: submissionId, type: 'full' });
  const trainingId = trainingPlanIdForJob(pending._id);
  const nutritionId = nutritionPlanIdForJob(pending._id);
  const job: GenerationJob = {
    ...pending,
    status: 'failed',
    error_reason: 'audit_blocked',
    error_message: 'La auditoría ha bloqueado la entrega del plan…\n• TRN-06 (plan de entrenamiento): pecho',
    error_fields: [{ field: 'TRN-06', code: 'training', message: 'pecho: 35 series' }],
    result: { training_plan_id: trainingId, nutrition_plan_id: nutritionId },
    completed_at: new Date(),
  };
  await repos.jobs.insert(job);
  const training = trainingPlanDoc(job._id, userId, { audit: BLOCKED_TRAINING_AUDIT });
  await repos.trainingPlans.saveOnce(training);
  await repos.nutritionPlans.saveOnce(nutritionPlanDoc(job._id, userId, { bridgeFrom: training }));
  return { job, trainingId, nutritionId };
}

/**
 * The coach approves a stored plan's current version (issue 16: only approved versions leave the
 * app), through the same use case both doors call.
 */
export async function approveCurrentVersion(
  repos: Repositories,
  kind: 'training' | 'nutrition',
  planId: string,
): Promise<void> {
  const plan =
    kind === 'training' ? await repos.trainingPlans.get(planId) : await repos.nutritionPlans.get(planId);
  if (!plan) throw new Error(`approveCurrentVersion: no ${kind} plan ${planId}`);
  await approvePlan(repos, { kind, plan_id: planId, version: plan.version ?? 1, via: 'api' });
}
