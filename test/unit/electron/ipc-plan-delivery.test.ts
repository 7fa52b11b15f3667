import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IpcEnvelope, IpcMethod } from '../../../src/shared/ipc-contract';
import { loadConfig } from '../../../src/main/config/load-config';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories, type Repositories } from '../../../src/main/db/repositories';
import { dispatch } from '../../../src/main/electron/ipc/dispatch';
import { createIpcHandlers } from '../../../src/main/electron/ipc/handlers';
import type { AppHost } from '../../../src/main/electron/ipc/host';
import { SettingsService } from '../../../src/main/electron/settings/settings-service';
import { silentLogger } from '../../../src/main/log/logger';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { JobQueue } from '../../../src/main/queue/job-queue';
import { databaseHandle, validResponses } from '../../support/api-harness';
import { BLOCKED_TRAINING_AUDIT, seedAuditBlockedJob, trainingPlanDoc } from '../../support/plan-fixtures';
import { useTestDatabase } from '../../support/test-db';
import { appFrame, builtLocation } from './fakes';

/*
 * "Blocked means blocked" over IPC (docs/AUDITS.md §8): the same use case as over HTTP, reached
 * through `dispatch` as ipcMain would (validation, envelopes) on the test MongoDB. Only Electron's
 * pieces are stood in for: the save dialog and printToPDF.
 */
const testDb = useTestDatabase();
const USER = 'cli-bloqueo';
let repos: Repositories;
let handlers: ReturnType<typeof createIpcHandlers>;
let submissionId = '';
let blocked = { jobId: '', trainingId: '', nutritionId: '' };
const legacy = trainingPlanDoc('job-legacy', USER, { audit: BLOCKED_TRAINING_AUDIT, withDelivery: false });
const folder = mkdtempSync(join(tmpdir(), 'edn-ipc-delivery-'));
let dialogs = 0;
let prints = 0;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'edn-ipc-'));
  const config = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
  repos = createRepositories(testDb.db);
  const core = {
    config,
    database: databaseHandle(testDb),
    repositories: repos,
    queue: new JobQueue(getCollections(testDb.db).jobs, new JobEventBus(), null),
    worker: null,
    apiUrl: 'http://127.0.0.1:0',
  };
  const app: AppHost = {
    startupState: () => ({ phase: 'starting', step: 'database' }),
    appInfo: () => {
      throw new Error('not used');
    },
    openExternal: async () => undefined,
    rendererReady: () => undefined,
    choosePdfPath: async () => {
      dialogs += 1;
      return join(folder, 'plan.pdf');
    },
    printToPdf: async () => {
      prints += 1;
      return new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    },
  };
  const codec = {
    isAvailable: async () => true,
    backend: () => null,
    encrypt: async (s: string) => s,
    decrypt: async (s: string) => s,
  };
  handlers = createIpcHandlers({
    core: () => core,
    app,
    settings: new SettingsService({
      dataDir,
      env: {},
      codec,
      onLlmKeyChanged: async () => undefined,
      onWorkerSettingsChanged: async () => undefined,
      onApiTokenChanged: () => undefined,
    }),
    logFiles: () => [],
  });
  await repos.users.create({ _id: USER, nombre_completo: 'Cliente Bloqueo' });
  submissionId = (await repos.submissions.create(USER, validResponses()))._id;
  const seeded = await seedAuditBlockedJob(repos, USER, submissionId);
  blocked = { jobId: seeded.job._id, trainingId: seeded.trainingId, nutritionId: seeded.nutritionId };
  await repos.trainingPlans.saveOnce(legacy);
});

function call(method: IpcMethod, args?: unknown): Promise<IpcEnvelope<unknown>> {
  return dispatch(method, args === undefined ? [] : [args], appFrame, { webContentsId: 1 }, handlers, {
    location: builtLocation,
    logger: silentLogger(),
  });
}
async function ok<T = Record<string, unknown>>(method: IpcMethod, args?: unknown): Promise<T> {
  const reply = await call(method, args);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.reason} ${reply.error.message}`);
  return reply.data as T;
}
async function failure(method: IpcMethod, args?: unknown) {
  const reply = await call(method, args);
  if (reply.ok) throw new Error(`${method} unexpectedly succeeded`);
  return reply.error;
}

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
    const list = await ok<{ training: { items: Array<{ _id: string; delivery_status: string }> } }>(
      'listPlans',
      {
        user_id: USER,
      },
    );
    expect(list.training.items.map((p) => p.delivery_status)).toEqual(['blocked', 'blocked']);
  });

  it('refuses the PDF in main, before any dialog or printing, and needs the plan ids', async () => {
    const refused = await failure('exportPlanPdf', {
      file_name: 'plan.pdf',
      training_plan_id: blocked.trainingId,
      nutrition_plan_id: blocked.nutritionId,
    });
    expect(refused.reason).toBe('plan_blocked');
    expect(refused.message).toMatch(/TRN-06.*no se puede exportar/);
    expect([dialogs, prints]).toEqual([0, 0]);
    const noIds = await failure('exportPlanPdf', { file_name: 'plan.pdf' });
    expect(noIds).toMatchObject({ reason: 'validation_error', fields: [{ field: 'args.training_plan_id' }] });
    expect(
      (await failure('exportPlanPdf', { file_name: 'plan.pdf', training_plan_id: 'tp_nada' })).reason,
    ).toBe('plan_not_found');
    // The nutrition plan of the same job is judged by its own (approved) audit.
    expect(
      await ok('exportPlanPdf', { file_name: 'plan.pdf', nutrition_plan_id: blocked.nutritionId }),
    ).toMatchObject({ saved: true });
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
      kind: 'nutrition',
      plan_id: blocked.nutritionId,
      reason,
    });
    expect(notBlocked.reason).toBe('plan_not_blocked');

    const result = await ok<{
      delivery: { status: string; override: { reason: string; by: string; at: Date } };
    }>('overridePlanBlock', { ...args, reason });
    expect(result.delivery).toMatchObject({
      status: 'overridden',
      override: { reason, by: 'App de escritorio' },
    });
    expect(result.delivery.override.at).toBeInstanceOf(Date);
    expect((await failure('overridePlanBlock', { ...args, reason })).reason).toBe('plan_not_blocked');

    const saved = await ok<{ saved: boolean; path: string }>('exportPlanPdf', {
      file_name: 'plan.pdf',
      training_plan_id: blocked.trainingId,
      nutrition_plan_id: blocked.nutritionId,
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
