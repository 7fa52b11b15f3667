import { describe, expect, it } from 'vitest';
import { overridePlanBlock } from '../../../src/main/application/plan-delivery';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { getCatalog } from '../../../src/main/pipeline/catalog';
import { enqueue, retryJob } from '../../../src/main/queue';
import type { JobType } from '../../../src/shared/job';
import { nutritionPlanIdForJob, trainingPlanIdForJob } from '../../../src/shared/plans';
import type { Fault } from '../../support/fake-llm/faults';
import { useFakeLlm } from '../../support/fake-llm/use-fake-llm';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

/*
 * "Blocked means blocked" (issue 13 point 4, docs/AUDITS.md §8) through the real pipeline, queue and
 * JobRun with the fake LLM: a plan its audit blocks is saved for review, the job fails with
 * `audit_blocked` and still names the plan, and nothing later uses it until the coach approves it.
 */
const testDb = useTestDatabase();
const llm = useFakeLlm();

const run = (jobId: string) => runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
const repos = () => createRepositories(testDb.db);
const jobs = () => getCollections(testDb.db).jobs;
const REASON = 'Revisado en persona: lleva un año con este volumen de pecho sin molestias.';

/** 10 sets of barbell bench in every session: > 30 weekly chest sets, which TRN-06 blocks. */
function chestVolumeFault(): Fault {
  const bench = getCatalog().exercises.find(
    (e) => e.musculos_primarios.includes('pecho') && e.material.includes('barra'),
  )!.id;
  return { type: 'mutate', agent: 'E5', mutation: 'set_series', value: bench, series: 10, count: 1 };
}

async function another(of: { userId: string; submissionId: string }, type: JobType, previous?: string) {
  return enqueue(jobs(), {
    user_id: of.userId,
    submission_id: of.submissionId,
    type,
    previous_training_plan_id: previous ?? null,
  });
}

describe('a plan its audit blocks is kept for review, not delivered', () => {
  it('the job fails with audit_blocked, naming each blocking rule, with the blocked plan in its result', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    llm.faults.add([chestVolumeFault()]);
    const job = await run(jobId);
    expect(job).toMatchObject({
      status: 'failed',
      error_reason: 'audit_blocked',
      result: { training_plan_id: trainingPlanIdForJob(jobId), nutrition_plan_id: null },
      attempts: 1, // never retried by itself: a retry would find the same plan
    });
    expect(job.error_fields).toContainEqual(expect.objectContaining({ field: 'TRN-06', code: 'training' }));
    for (const entry of job.error_fields) {
      expect(job.error_message).toContain(`• ${entry.field} (plan de entrenamiento): ${entry.message}`);
    }
    expect(job.error_message).toMatch(/genera uno nuevo, o apruébalo pese al bloqueo con un motivo escrito/);

    const plan = (await repos().trainingPlans.get(trainingPlanIdForJob(jobId)))!;
    expect(plan.training.audit.status).toBe('bloqueado');
    expect(plan.delivery).toMatchObject({ status: 'blocked', override: null });
    expect(plan.delivery?.blocked_by.map((b) => b.id)).toEqual(job.error_fields.map((f) => f.field));
    // A coach's manual retry is refused by the queue itself.
    expect(await retryJob(jobs(), jobId)).toBeNull();
    expect((await repos().jobs.get(jobId))?.status).toBe('failed');
  });

  it('each plan of a full job is judged by its own audit: only the blocked one is blocked', async () => {
    const profile = { ...PROFILES['vegetarianoVolumen']!, cafeina_mg_dia: 450 };
    const { jobId } = await createSubmissionAndJob(testDb.db, profile, 'full');
    const job = await run(jobId);
    expect(job).toMatchObject({
      status: 'failed',
      error_reason: 'audit_blocked',
      result: {
        training_plan_id: trainingPlanIdForJob(jobId),
        nutrition_plan_id: nutritionPlanIdForJob(jobId),
      },
    });
    expect(job.error_fields).toContainEqual(expect.objectContaining({ field: 'NUT-17', code: 'nutrition' }));
    expect(job.error_fields.every((f) => f.code === 'nutrition')).toBe(true);
    expect((await repos().nutritionPlans.get(nutritionPlanIdForJob(jobId)))?.delivery?.status).toBe(
      'blocked',
    );
    expect((await repos().trainingPlans.get(trainingPlanIdForJob(jobId)))?.delivery?.status).toBe(
      'deliverable',
    );
  });

  it('a full job whose training plan E8 blocks blocks its nutrition plan too (PUENTE), until approved itself', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'full');
    llm.faults.add([chestVolumeFault()]);
    const job = await run(jobId);
    const trainingId = trainingPlanIdForJob(jobId);
    const nutritionId = nutritionPlanIdForJob(jobId);
    expect(job).toMatchObject({
      status: 'failed',
      error_reason: 'audit_blocked',
      result: { training_plan_id: trainingId, nutrition_plan_id: nutritionId },
    });
    const nutrition = (await repos().nutritionPlans.get(nutritionId))!;
    expect(nutrition.training_plan_id).toBe(trainingId);
    expect(nutrition.nutrition.audit.status).not.toBe('bloqueado');
    expect(nutrition.delivery?.status).toBe('blocked');
    const bridge = nutrition.delivery?.blocked_by.find((b) => b.id === 'PUENTE');
    expect(bridge?.reason).toMatch(
      new RegExp(
        `^construido sobre el plan de entrenamiento ${trainingId}, bloqueado por su auditoría \\(.*TRN-06`,
      ),
    );
    expect(job.error_fields).toContainEqual(expect.objectContaining({ field: 'PUENTE', code: 'nutrition' }));
    // Approving the training plan does not unblock the nutrition plan: the coach approves it too.
    await overridePlanBlock(repos(), { kind: 'training', plan_id: trainingId, reason: REASON, via: 'api' });
    expect((await repos().nutritionPlans.get(nutritionId))?.delivery?.status).toBe('blocked');
    await overridePlanBlock(repos(), { kind: 'nutrition', plan_id: nutritionId, reason: REASON, via: 'api' });
    expect((await repos().nutritionPlans.get(nutritionId))?.delivery?.status).toBe('overridden');
    // The job stays failed (audit_blocked) after the approvals: the plans are delivered, not the job rerun.
    expect(await repos().jobs.get(jobId)).toMatchObject({ status: 'failed', error_reason: 'audit_blocked' });
  });

  it('a later nutrition-only job takes its bridge from the newest deliverable training plan', async () => {
    const first = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    expect((await run(first.jobId)).status).toBe('completed');
    const deliverable = trainingPlanIdForJob(first.jobId);

    const blockedJob = await another(first, 'training');
    llm.faults.add([chestVolumeFault()]);
    expect((await run(blockedJob._id)).error_reason).toBe('audit_blocked');
    const blocked = trainingPlanIdForJob(blockedJob._id);
    expect((await repos().trainingPlans.latestDeliverableForUser(first.userId))?._id).toBe(deliverable);

    const nutrition = await run((await another(first, 'nutrition'))._id);
    expect(nutrition.status).toBe('completed');
    const bridged = await repos().nutritionPlans.get(nutrition.result.nutrition_plan_id!);
    expect(bridged?.training_plan_id).toBe(deliverable);

    // Approved by the coach in writing, the blocked plan is deliverable: the newest, so the bridge.
    await overridePlanBlock(repos(), { kind: 'training', plan_id: blocked, reason: REASON, via: 'api' });
    const after = await run((await another(first, 'nutrition'))._id);
    expect((await repos().nutritionPlans.get(after.result.nutrition_plan_id!))?.training_plan_id).toBe(
      blocked,
    );
  });

  it('a job that reaches the queue with a blocked previous plan fails before any token is spent', async () => {
    const first = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    llm.faults.add([chestVolumeFault()]);
    expect((await run(first.jobId)).error_reason).toBe('audit_blocked');
    // Written straight to a shared database (both doors refuse it: plan_blocked).
    const next = await another(first, 'training', trainingPlanIdForJob(first.jobId));
    llm.requests.length = 0;
    const failed = await run(next._id);
    // Not the questionnaire's fault: audit_blocked (never retried), saying the previous plan is blocked.
    expect(failed).toMatchObject({ status: 'failed', error_reason: 'audit_blocked', attempts: 1 });
    expect(failed.error_message).toMatch(/plan anterior .* está bloqueado por su auditoría \(TRN-06/);
    expect(failed.error_message).toMatch(/El cuestionario está bien/);
    expect(failed.error_fields).toEqual([
      expect.objectContaining({ field: 'previous_training_plan_id', code: 'plan_blocked' }),
    ]);
    expect(llm.requests).toHaveLength(0);
  });
});
