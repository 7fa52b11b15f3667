import { trainingPlanIdForJob } from '../../../src/shared/plans';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IpcMethod } from '../../../src/shared/ipc-contract';
import type { JobEvent } from '../../../src/shared/job-events';
import type { IpcCore } from '../../../src/main/electron/ipc/host';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { validResponses } from '../../support/api-harness';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';
import { trainingPlanDoc } from '../../support/plan-fixtures';
import { useTestDatabase } from '../../support/test-db';

/*
 * The IPC handlers against the test MongoDB, called through `dispatch` exactly as ipcMain would call
 * them (sender check, validation, envelopes). Electron is not involved: the sender frame is a fake,
 * the app host a stub, safeStorage a fake codec, and there is no worker process.
 */
const testDb = useTestDatabase();
const events: JobEvent[] = [];
let core: IpcCore | null = null;
let coreEnabled = true;
const opened: string[] = [];
/** What the fake save dialog answers (null = the coach cancels) and what the fake printer returns. */
let pdfTarget: string | null = null;
let printed = 0;
const printedPdf = new TextEncoder().encode('%PDF-1.7 fake page\n%%EOF\n');

let ipc: TestIpc;
const ok = <T = Record<string, unknown>>(method: IpcMethod, args?: unknown) => ipc.ok<T>(method, args);
const failure = (method: IpcMethod, args?: unknown) => ipc.failure(method, args);

beforeAll(async () => {
  const bus = new JobEventBus();
  bus.subscribe((e) => events.push(e));
  ipc = await createTestIpc(testDb, {
    events: bus,
    coreEnabled: () => coreEnabled,
    app: {
      openExternal: async (url) => {
        opened.push(url);
      },
      // Electron's save dialog and webContents.printToPDF; the browser e2e suite prints for real.
      chooseSavePath: async () => pdfTarget,
      printToPdf: async () => {
        printed += 1;
        return printedPdf;
      },
    },
    // What DesktopHost does: the running API reads config.api.token at every request.
    onApiTokenChanged: (token, running) => {
      running.config.api.token = token;
    },
    logFiles: (dataDir) => [join(dataDir, 'logs', 'edn360.log')],
  });
  core = ipc.core;
});

describe('IPC handlers on the core', () => {
  it('answers not_ready for domain calls while the core is not running', async () => {
    coreEnabled = false;
    try {
      expect((await failure('listClients')).reason).toBe('not_ready');
      expect(await ok('getStartupState')).toEqual({ phase: 'starting', step: 'database' });
    } finally {
      coreEnabled = true;
    }
  });

  it('creates, reads, updates and archives clients', async () => {
    const created = await ok<{ _id: string }>('createClient', {
      _id: 'cli-ana',
      nombre_completo: 'Ana Ruiz',
      email: 'ana@example.com',
    });
    expect(created._id).toBe('cli-ana');
    expect((await failure('createClient', { _id: 'cli-ana', nombre_completo: 'Otra' })).reason).toBe(
      'user_exists',
    );
    expect(await ok('updateClient', { id: 'cli-ana', changes: { telefono: '600000000' } })).toMatchObject({
      telefono: '600000000',
    });
    expect((await failure('getClient', { id: 'nadie' })).reason).toBe('user_not_found');
    expect(await ok('archiveClient', { id: 'cli-ana' })).toMatchObject({ archived: true });
    expect((await ok<{ total: number }>('listClients')).total).toBe(0);
    expect((await ok<{ total: number }>('listClients', { include_archived: true })).total).toBe(1);
    await ok('archiveClient', { id: 'cli-ana', archived: false });
    const bad = await failure('updateClient', { id: 'cli-ana', changes: { email: 'no-es-email' } });
    expect(bad.fields?.map((f) => f.field)).toEqual(['args.changes.email']);
  });

  it('validates questionnaires with the original rules, naming each bad answer', async () => {
    const check = await ok<{ is_valid: boolean; errors: Array<{ field: string }>; message: string }>(
      'validateQuestionnaire',
      {
        responses: validResponses({ peso: 'mucho' }),
      },
    );
    expect(check.is_valid).toBe(false);
    expect(check.errors.map((e) => e.field)).toContain('responses.peso');
    expect(check.message).toContain('peso');
    expect(
      (await ok<{ is_valid: boolean }>('validateQuestionnaire', { responses: validResponses() })).is_valid,
    ).toBe(true);
  });

  it('stores a valid questionnaire and refuses an invalid one with the fields', async () => {
    const invalid = await failure('submitQuestionnaire', {
      user_id: 'cli-ana',
      responses: validResponses({ altura_cm: '9' }),
    });
    expect(invalid.reason).toBe('validation_error');
    expect(invalid.fields?.map((f) => f.field)).toContain('responses.altura_cm');
    // A questionnaire of an unknown client creates it from its answers, as over HTTP (one use case).
    expect(
      await ok('submitQuestionnaire', { user_id: 'cli-nuevo', responses: validResponses() }),
    ).toMatchObject({ user_id: 'cli-nuevo' });
    expect(await ok('getClient', { id: 'cli-nuevo' })).toMatchObject({ _id: 'cli-nuevo' });
    const stored = await ok<{ _id: string; user_id: string; plan_generated: boolean }>(
      'submitQuestionnaire',
      {
        user_id: 'cli-ana',
        responses: validResponses(),
      },
    );
    expect(stored).toMatchObject({ user_id: 'cli-ana', plan_generated: false });
    expect(await ok('getQuestionnaire', { id: stored._id })).toMatchObject({ _id: stored._id });
    expect((await ok<{ total: number }>('listQuestionnaires', { user_id: 'cli-ana' })).total).toBe(1);
  });

  it('enqueues a plan, lists, cancels and retries jobs', async () => {
    const submission = (
      await ok<{ items: Array<{ _id: string }> }>('listQuestionnaires', { user_id: 'cli-ana' })
    ).items[0]!;
    await ok('createClient', { _id: 'cli-otro', nombre_completo: 'Otro Cliente' });
    const foreign = await failure('generatePlan', {
      user_id: 'cli-otro',
      submission_id: submission._id,
      type: 'full',
    });
    expect(foreign.reason).toBe('submission_not_found');

    const job = await ok<{ _id: string; status: string }>('generatePlan', {
      user_id: 'cli-ana',
      submission_id: submission._id,
      type: 'full',
    });
    expect(job.status).toBe('pending');
    expect(job).not.toHaveProperty('lease');
    expect(events.some((e) => e.type === 'created' && e.job_id === job._id)).toBe(true);
    expect(await ok('getJob', { id: job._id })).toMatchObject({ _id: job._id, type: 'full' });
    expect((await ok<{ total: number }>('listJobs', { user_id: 'cli-ana', status: 'pending' })).total).toBe(
      1,
    );

    expect((await failure('retryJob', { id: job._id })).reason).toBe('job_not_retryable');
    expect(await ok('cancelJob', { id: job._id })).toMatchObject({
      outcome: 'cancelled',
      job: { status: 'failed', error_reason: 'cancelled' },
    });
    expect((await failure('cancelJob', { id: job._id })).reason).toBe('job_not_cancellable');
    expect(await ok('retryJob', { id: job._id })).toMatchObject({ status: 'pending' });
    expect((await failure('getJob', { id: 'nada' })).reason).toBe('job_not_found');
  });

  it('lists plans as summaries and reports missing plans', async () => {
    expect(await ok('listPlans', { user_id: 'cli-ana' })).toMatchObject({
      training: { items: [], total: 0 },
      nutrition: { total: 0 },
    });
    expect((await failure('listPlans', { user_id: 'nadie' })).reason).toBe('user_not_found');
    expect((await failure('getTrainingPlan', { id: 'tp-x' })).reason).toBe('plan_not_found');
    expect((await failure('getNutritionPlan', { id: 'np-x' })).reason).toBe('plan_not_found');
  });

  it('reports the worker and queue counts, and that there is no worker to restart', async () => {
    const overview = await ok<{ worker: null; jobs: Record<string, number> }>('getWorkerStatus');
    expect(overview.worker).toBeNull();
    expect(overview.jobs['pending']).toBe(1);
    expect((await failure('restartWorker')).reason).toBe('no_worker');
  });

  it('tests database connections without leaking credentials', async () => {
    expect(await ok('testDatabaseConnection')).toMatchObject({ ok: true });
    const bad = await ok<{ ok: boolean; url: string }>('testDatabaseConnection', {
      mongo_url: 'mongodb://admin:secreta@127.0.0.1:1/?serverSelectionTimeoutMS=300',
    });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('secreta');
    expect((await failure('testDatabaseConnection', { mongo_url: 'http://x' })).fields?.[0]?.field).toBe(
      'args.mongo_url',
    );
  });

  it('opens only https links, and tails an empty log', async () => {
    expect((await failure('openExternal', { url: 'file:///etc/passwd' })).reason).toBe('forbidden_url');
    await ok('openExternal', { url: 'https://edn360.example/ayuda' });
    expect(opened).toEqual(['https://edn360.example/ayuda']);
    expect(await ok('tailLogs', { lines: 10 })).toMatchObject({ entries: [] });
  });

  it('lists the exercise catalog read-only, even before the core is up', async () => {
    coreEnabled = false;
    try {
      const items = await ok<Array<Record<string, unknown>>>('listExercises');
      expect(items.length).toBeGreaterThan(200);
      expect(items.find((e) => e['id'] === 'sentadilla_trasera_barra')).toEqual({
        id: 'sentadilla_trasera_barra',
        nombre: 'Sentadilla trasera con barra',
        name_en: 'Barbell back squat',
        patron: 'sentadilla',
        musculos_primarios: ['cuadriceps', 'gluteos'],
        material: ['barra', 'discos', 'rack'],
        contraindicaciones: [
          'flexion_profunda_rodilla',
          'flexion_profunda_cadera',
          'carga_axial_columna',
          'valsalva',
          'carga_cervical',
        ],
      });
      // The lookup fields and the contraindication tags the editor's picker needs; levels stay in the pipeline.
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(
        ['id', 'material', 'musculos_primarios', 'name_en', 'nombre', 'patron', 'contraindicaciones'].sort(),
      );
      const bad = await failure('listExercises', { filtro: 'x' });
      expect(bad.reason).toBe('validation_error');
      expect(bad.fields?.[0]?.field).toBe('args.filtro');
    } finally {
      coreEnabled = true;
    }
  });

  it('reads and changes settings through IPC without exposing secrets', async () => {
    const view = await ok<{ values: { theme: string } }>('updateSettings', { theme: 'dark' });
    expect(view.values.theme).toBe('dark');
    const withKey = await ok('setLlmApiKey', { api_key: 'sk-ipc-0123456789' });
    expect(JSON.stringify(withKey)).not.toContain('sk-ipc');
    expect((await failure('updateSettings', { api_token: 'x' })).fields?.[0]?.field).toBe('args.api_token');
  });

  /** A finished training job of client cli-ana with its (deliverable) plan stored. */
  async function completedTrainingJob(submissionId: string): Promise<{ _id: string }> {
    const job = buildPendingJob({ user_id: 'cli-ana', submission_id: submissionId, type: 'training' });
    const plan = trainingPlanDoc(job._id, 'cli-ana');
    await core?.repositories.jobs.insert({
      ...job,
      status: 'completed',
      result: { training_plan_id: plan._id, nutrition_plan_id: null },
      completed_at: new Date(),
    });
    await core?.repositories.trainingPlans.saveOnce(plan);
    return job;
  }

  it('saves the printed plan where the save dialog says, atomically, and reports failures', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'edn-pdf-'));
    // Main checks that the plans on the page may be delivered (ipc-plan-delivery.test.ts) first.
    // The page names its job; main reads that job's plans itself.
    const job = await completedTrainingJob('sub-pdf');
    const ids = { job_id: job._id };
    pdfTarget = null;
    expect(await ok('exportPlanPdf', { file_name: 'plan-ana.pdf', ...ids })).toEqual({
      saved: false,
      path: null,
      bytes: 0,
    });
    expect(printed).toBe(0); // a cancelled dialog prints nothing

    pdfTarget = join(folder, 'plan-ana.pdf');
    writeFileSync(pdfTarget, 'previous version');
    expect(await ok('exportPlanPdf', { file_name: 'plan-ana.pdf', ...ids })).toEqual({
      saved: true,
      path: pdfTarget,
      bytes: printedPdf.byteLength,
    });
    expect(readFileSync(pdfTarget, 'utf8')).toMatch(/^%PDF-1\.7/);
    expect(readdirSync(folder)).toEqual(['plan-ana.pdf']); // no temporary file left behind

    const bad = await failure('exportPlanPdf', { file_name: '../../etc/plan.pdf', ...ids });
    expect(bad.reason).toBe('validation_error');
    expect(bad.fields?.[0]?.field).toBe('args.file_name');
    expect((await failure('exportPlanPdf', { file_name: 'plan.exe', ...ids })).reason).toBe(
      'validation_error',
    );

    if (process.getuid?.() !== 0) {
      // A folder the coach cannot write to: a clear failure, and the file of that name untouched.
      chmodSync(folder, 0o500);
      try {
        const denied = await failure('exportPlanPdf', { file_name: 'plan-ana.pdf', ...ids });
        expect(denied.reason).toBe('export_failed');
        expect(denied.message).toContain(pdfTarget);
        expect(readFileSync(pdfTarget, 'utf8')).toMatch(/^%PDF/);
      } finally {
        chmodSync(folder, 0o700);
      }
    }
    pdfTarget = join(folder, 'missing-folder', 'plan.pdf');
    const missing = await failure('exportPlanPdf', { file_name: 'plan.pdf', ...ids });
    expect(missing.reason).toBe('export_failed');
    expect(missing.message).toMatch(/ENOENT/);
    expect(existsSync(pdfTarget)).toBe(false);
  });

  it("draws the client's PDF in main from the job's plans and saves it where the dialog says", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'edn-client-pdf-'));
    const job = await completedTrainingJob('sub-client-pdf');
    const printedBefore = printed;
    pdfTarget = null;
    // Only an approved version leaves the app (issue 16): refused before any dialog opens.
    expect((await failure('exportClientPdf', { job_id: job._id })).reason).toBe('plan_not_approved');
    const planId = trainingPlanIdForJob(job._id);
    await ok('approvePlan', { kind: 'training', plan_id: planId, version: 1 });
    expect(await ok('exportClientPdf', { job_id: job._id })).toEqual({ saved: false, path: null, bytes: 0 });
    // A cancelled dialog delivered nothing.
    expect((await core?.repositories.trainingPlans.get(planId))?.review?.state).toBe('approved');
    pdfTarget = join(folder, 'cliente.pdf');
    const saved = await ok<{ saved: boolean; path: string; bytes: number }>('exportClientPdf', {
      job_id: job._id,
      lang: 'en',
      page_size: 'LETTER',
    });
    expect(saved).toMatchObject({ saved: true, path: pdfTarget });
    const written = readFileSync(pdfTarget);
    expect(written.byteLength).toBe(saved.bytes);
    expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Drawn from the template, not a print of the page.
    expect(printed).toBe(printedBefore);
    expect((await core?.repositories.trainingPlans.get(planId))?.review).toMatchObject({
      state: 'delivered',
      delivered: { version: 1, format: 'pdf', via: 'desktop' },
    });
  });

  it('shows the HTTP API token on request and regenerates it, stored and in force at once', async () => {
    const before = await ok<{ url: string; token: string; source: string }>('getApiAccess');
    expect(before).toEqual({ url: 'http://127.0.0.1:0', token: core?.config.api.token, source: 'settings' });
    expect(before.token.length).toBeGreaterThanOrEqual(32);
    const after = await ok<{ token: string }>('regenerateApiToken');
    expect(after.token).not.toBe(before.token);
    expect(core?.config.api.token).toBe(after.token); // what the API's auth hook reads per request
    const stored = JSON.parse(readFileSync(join(core?.config.dataDir ?? '', 'settings.json'), 'utf8')) as {
      api_token: string;
    };
    expect(stored.api_token).toBe(after.token);
    expect((await failure('regenerateApiToken', { token: 'x' })).reason).toBe('validation_error');
  });
});
