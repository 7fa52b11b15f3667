import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IpcMethod } from '../../../src/shared/ipc-contract';
import type { Repositories } from '../../../src/main/db/repositories';
import { validResponses } from '../../support/api-harness';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';
import { BLOCKED_TRAINING_AUDIT, seedAuditBlockedJob, trainingPlanDoc } from '../../support/plan-fixtures';
import { useTestDatabase } from '../../support/test-db';

/*
 * "Blocked means blocked" over IPC (docs/AUDITS.md §8): the same use case as over HTTP, reached
 * through `dispatch` as ipcMain would (validation, envelopes) on the test MongoDB. Only Electron's
 * pieces are stood in for: the save dialog and printToPDF.
 */
const testDb = useTestDatabase();
const USER = 'cli-bloqueo';
let repos: Repositories;
let submissionId = '';
let blocked = { jobId: '', trainingId: '', nutritionId: '' };
const legacy = trainingPlanDoc('job-legacy', USER, { audit: BLOCKED_TRAINING_AUDIT, withDelivery: false });
const folder = mkdtempSync(join(tmpdir(), 'edn-ipc-delivery-'));
let dialogs = 0;
let prints = 0;

let ipc: TestIpc;
const ok = <T = Record<string, unknown>>(method: IpcMethod, args?: unknown) => ipc.ok<T>(method, args);
const failure = (method: IpcMethod, args?: unknown) => ipc.failure(method, args);

beforeAll(async () => {
  ipc = await createTestIpc(testDb, {
    app: {
      chooseSavePath: async () => {
        dialogs += 1;
        return join(folder, 'plan.pdf');
      },
      printToPdf: async () => {
        prints += 1;
        return new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
      },
    },
  });
  repos = ipc.core.repositories;
  await repos.users.create({ _id: USER, nombre_completo: 'Cliente Bloqueo' });
  submissionId = (await repos.submissions.create(USER, validResponses()))._id;
  const seeded = await seedAuditBlockedJob(repos, USER, submissionId);
  blocked = { jobId: seeded.job._id, trainingId: seeded.trainingId, nutritionId: seeded.nutritionId };
  await repos.trainingPlans.saveOnce(legacy);
});

const reason = 'Revisado con el cliente: hace 35 series de pecho desde hace un año sin molestias.';

describe('a plan its audit blocked, over IPC', () => {
  it('reads it for review with its delivery state, listed but marked', async () => {
    const plan = await ok<{ delivery: { status: string } }>('getTrainingPlan', { id: blocked.trainingId });
    expect(plan.delivery).toMatchObject({
      status: 'blocked',
      blocked_by: [{ id: 'TRN-06' }],
      override: null,
    });
    expect(
      (await ok<{ delivery: { status: string } }>('getTrainingPlan', { id: legacy._id })).delivery.status,
    ).toBe('blocked');
    const list = await ok<{
      training: { items: Array<{ _id: string; delivery_status: string }> };
      nutrition: { items: Array<{ _id: string; delivery_status: string }> };
      current_training_plan_id: string | null;
      current_nutrition_plan_id: string | null;
    }>('listPlans', { user_id: USER });
    expect(list.training.items.map((p) => p.delivery_status)).toEqual(['blocked', 'blocked']);
    // Built on the blocked training plan's bridge: blocked too, though its own audit approved it.
    expect(list.nutrition.items.map((p) => p.delivery_status)).toEqual(['blocked']);
    // No deliverable plan: nothing is current, although the lists are not empty.
    expect(list).toMatchObject({ current_training_plan_id: null, current_nutrition_plan_id: null });
  });

  it("refuses the client's PDF of a blocked job before any dialog, with the audit's rule in the message", async () => {
    const refused = await failure('exportClientPdf', { job_id: blocked.jobId, lang: 'es' });
    expect(refused.reason).toBe('plan_blocked');
    expect(refused.message).toMatch(/TRN-06/);
    expect(dialogs).toBe(0);
    const bad = await failure('exportClientPdf', { job_id: blocked.jobId, page_size: 'A3' });
    expect(bad).toMatchObject({ reason: 'validation_error', fields: [{ field: 'args.page_size' }] });
  });

  it('refuses the PDF in main, before any dialog or printing, reading the plans from the job', async () => {
    const refused = await failure('exportPlanPdf', { file_name: 'plan.pdf', job_id: blocked.jobId });
    expect(refused.reason).toBe('plan_blocked');
    expect(refused.message).toMatch(/TRN-06.*no se puede exportar/);
    expect([dialogs, prints]).toEqual([0, 0]);
    const noJob = await failure('exportPlanPdf', { file_name: 'plan.pdf' });
    expect(noJob).toMatchObject({ reason: 'validation_error', fields: [{ field: 'args.job_id' }] });
    // Plan ids from the page are not accepted any more: main reads the job's own result.
    const ids = await failure('exportPlanPdf', {
      file_name: 'plan.pdf',
      job_id: blocked.jobId,
      nutrition_plan_id: blocked.nutritionId,
    });
    expect(ids.reason).toBe('validation_error');
    expect((await failure('exportPlanPdf', { file_name: 'plan.pdf', job_id: 'job_nada' })).reason).toBe(
      'job_not_found',
    );
    expect([dialogs, prints]).toEqual([0, 0]);
  });

  it('hands out the JSON document from main, refusing a blocked plan (its bridge too)', async () => {
    for (const [kind, plan_id] of [
      ['training', blocked.trainingId],
      ['nutrition', blocked.nutritionId],
    ] as const) {
      const refused = await failure('exportPlanJson', { kind, plan_id });
      expect(refused.reason, kind).toBe('plan_blocked');
    }
    expect(
      (await failure('exportPlanJson', { kind: 'nutrition', plan_id: blocked.nutritionId })).message,
    ).toMatch(/PUENTE: construido sobre el plan de entrenamiento/);
    expect((await failure('exportPlanJson', { kind: 'training', plan_id: 'tp_nada' })).reason).toBe(
      'plan_not_found',
    );
    expect((await failure('exportPlanJson', { kind: 'yoga', plan_id: 'x' })).fields?.[0]?.field).toBe(
      'args.kind',
    );
  });

  it('refuses it as the previous plan of a next block, with the same reason as HTTP', async () => {
    const refused = await failure('generatePlan', {
      user_id: USER,
      submission_id: submissionId,
      type: 'training',
      previous_training_plan_id: legacy._id,
    });
    expect(refused).toMatchObject({
      reason: 'plan_blocked',
      fields: [{ field: 'args.previous_training_plan_id', code: 'plan_blocked' }],
    });
    expect((await repos.jobs.list({ user_id: USER, status: 'pending' })).total).toBe(0);
  });

  it('refuses to retry the job: it would find the same blocked plan', async () => {
    const refused = await failure('retryJob', { id: blocked.jobId });
    expect(refused.reason).toBe('job_not_retryable');
    expect(refused.message).toMatch(/bloqueó su plan/);
  });

  it('validates the approval (reason named), refuses a plan that is not blocked, then delivers it', async () => {
    const args = { kind: 'training', plan_id: blocked.trainingId };
    const short = await failure('overridePlanBlock', { ...args, reason: 'vale' });
    expect(short).toMatchObject({ reason: 'validation_error', fields: [{ field: 'args.reason' }] });
    expect(short.message).toMatch(/args\.reason: escribe al menos 20 caracteres/);
    expect((await failure('overridePlanBlock', { ...args })).fields?.[0]?.field).toBe('args.reason');
    expect((await failure('overridePlanBlock', { ...args, kind: 'yoga', reason })).fields?.[0]?.field).toBe(
      'args.kind',
    );
    const notBlocked = await failure('overridePlanBlock', {
      kind: 'training',
      plan_id: trainingPlanDoc('job-never', USER)._id,
      reason,
    });
    expect(notBlocked.reason).toBe('plan_not_found');

    const result = await ok<{
      delivery: { status: string; override: { reason: string; via: string; at: Date } };
    }>('overridePlanBlock', { ...args, reason });
    // The door is stored as a code the renderer translates.
    expect(result.delivery).toMatchObject({ status: 'overridden', override: { reason, via: 'desktop' } });
    expect(result.delivery.override).not.toHaveProperty('by');
    expect(result.delivery.override.at).toBeInstanceOf(Date);
    expect((await failure('overridePlanBlock', { ...args, reason })).reason).toBe('plan_not_blocked');

    // The nutrition plan built on its bridge stays blocked until the coach approves it too.
    expect(
      (await failure('exportPlanPdf', { file_name: 'plan.pdf', job_id: blocked.jobId })).message,
    ).toMatch(/PUENTE/);
    expect(
      (await failure('exportPlanJson', { kind: 'nutrition', plan_id: blocked.nutritionId })).reason,
    ).toBe('plan_blocked');
    // Approved despite the block is deliverable; the coach still approves the version (issue 16).
    expect((await failure('exportPlanJson', { kind: 'training', plan_id: blocked.trainingId })).reason).toBe(
      'plan_not_approved',
    );
    await ok('approvePlan', { kind: 'training', plan_id: blocked.trainingId, version: 1 });
    expect(await ok('exportPlanJson', { kind: 'training', plan_id: blocked.trainingId })).toMatchObject({
      _id: blocked.trainingId,
      delivery: { status: 'overridden' },
    });
    await ok('overridePlanBlock', {
      kind: 'nutrition',
      plan_id: blocked.nutritionId,
      reason,
      coach: 'Marta',
    });
    await ok('approvePlan', { kind: 'nutrition', plan_id: blocked.nutritionId, version: 1 });
    expect(await ok('exportPlanJson', { kind: 'nutrition', plan_id: blocked.nutritionId })).toMatchObject({
      delivery: { status: 'overridden', override: { via: 'desktop', coach: 'Marta' } },
    });
    expect(await ok('listPlans', { user_id: USER })).toMatchObject({
      current_training_plan_id: blocked.trainingId,
      current_nutrition_plan_id: blocked.nutritionId,
    });
    const saved = await ok<{ saved: boolean; path: string }>('exportPlanPdf', {
      file_name: 'plan.pdf',
      job_id: blocked.jobId,
    });
    expect(saved.saved).toBe(true);
    expect(readFileSync(saved.path, 'utf8')).toMatch(/^%PDF/);
    const next = await ok<{ status: string }>('generatePlan', {
      user_id: USER,
      submission_id: submissionId,
      type: 'training',
      previous_training_plan_id: blocked.trainingId,
    });
    expect(next.status).toBe('pending');
  });
});
