import { beforeAll, describe, expect, it } from 'vitest';
import { contractViolation } from '../../../src/main/api/route-table';
import { getCollections } from '../../../src/main/db/collections';
import type { WorkerControl } from '../../../src/main/api/deps';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { HTTP_ROUTES, routePath, type HttpRouteName } from '../../../src/shared/http-routes';
import type { WorkerStatus } from '../../../src/shared/worker-status';
import { useApiServer, validResponses } from '../../support/api-harness';
import { serverAddress } from '../../support/test-db';
import {
  approveCurrentVersion,
  nutritionPlanDoc,
  seedAuditBlockedJob,
  trainingPlanDoc,
} from '../../support/plan-fixtures';
import { storedPlans } from '../../unit/shared/client-plan/stored-plans';

/*
 * The HTTP contract (@shared/http-routes) is what the server runs: every route of the table is
 * registered, answers a valid request with one of its success statuses, and every answer (success
 * and error, in this file and in every API test through the harness) parses with the route's
 * schemas — the harness turns `checkResponses` on, so a mismatch is a 500 naming it.
 */

let status: WorkerStatus = {
  state: 'running',
  pid: 4242,
  concurrency: 2,
  running_jobs: [],
  restarts: 0,
  last_exit: null,
  next_restart_at: null,
};
const worker: WorkerControl = {
  getStatus: () => status,
  restart: async () => {
    status = { ...status, restarts: status.restarts + 1 };
  },
};
const api = useApiServer({ worker });
const USER = 'cliente-contrato';
const ids = { submission: '', blockedJob: '', blockedTraining: '', blockedNutrition: '', failedJob: '' };
const okTraining = trainingPlanDoc('job-contrato-ok', USER);
const okNutrition = nutritionPlanDoc('job-contrato-ok', USER);
// A real generated pair, for the editor's routes (edits need sessions and menus to act on).
const stored = storedPlans('rodillaLactosa', 'es');
const firstMenu = (stored.nutrition.nutrition.menu_plan as { menus: { tipo_dia: string }[] }).menus[0];
const gramsEdit = { type: 'set_grams', day_type: firstMenu?.tipo_dia, meal: 0, dish: 0, item: 0, grams: 90 };
const setsEdit = { type: 'set_prescription', session: 0, exercise: 0, series: 4 };
const reason = 'Revisado con el cliente en consulta: lo tolera bien desde hace meses, sin molestias.';

beforeAll(async () => {
  await api.repos.users.create({ _id: USER, nombre_completo: 'Cliente Contrato' });
  // Erased by `eraseUser`'s sample (the other routes keep USER).
  await api.repos.users.create({ _id: 'cliente-a-borrar', nombre_completo: 'Cliente Borrable' });
  ids.submission = (
    await api.repos.submissions.create(
      USER,
      validResponses({ notas_del_cliente: 'Trabajo a turnos y a veces entreno de noche' }),
    )
  )._id;
  const blocked = await seedAuditBlockedJob(api.repos, USER, ids.submission);
  Object.assign(ids, {
    blockedJob: blocked.job._id,
    blockedTraining: blocked.trainingId,
    blockedNutrition: blocked.nutritionId,
  });
  await api.repos.trainingPlans.saveOnce(okTraining);
  await api.repos.nutritionPlans.saveOnce(okNutrition);
  await approveCurrentVersion(api.repos, 'training', okTraining._id);
  await approveCurrentVersion(api.repos, 'nutrition', okNutrition._id);
  // On this client's questionnaire: a regeneration re-reads it.
  const mine = { user_id: USER, submission_id: ids.submission };
  await api.repos.trainingPlans.saveOnce({ ...stored.training, ...mine });
  await api.repos.nutritionPlans.saveOnce({ ...stored.nutrition, ...mine });
  await api.repos.jobs.insert({
    ...buildPendingJob({ user_id: USER, submission_id: ids.submission, type: 'full' }),
    _id: 'job-contrato-ok',
    status: 'completed',
    result: { training_plan_id: okTraining._id, nutrition_plan_id: okNutrition._id },
    completed_at: new Date(),
  });
  const failed = buildPendingJob({ user_id: USER, submission_id: ids.submission, type: 'training' });
  await api.repos.jobs.insert({
    ...failed,
    status: 'failed',
    error_reason: 'llm_unavailable',
    error_message: 'El modelo no respondió',
    completed_at: new Date(),
  });
  ids.failedJob = failed._id;
  backupFile = (await api.request('POST', '/admin/backup', { body: {} })).rawPayload;
});

interface Sample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A file body (`upload` routes), sent as `application/octet-stream`. */
  raw?: Buffer;
}

/** A backup of the database as seeded, for the restore routes' samples. */
let backupFile: Buffer = Buffer.alloc(0);
/** A restore waits until no job is queued or running: the samples before it enqueued some. */
async function settleJobs(): Promise<void> {
  await getCollections(api.testDb.db).jobs.updateMany(
    { status: { $in: ['pending', 'running'] } },
    { $set: { status: 'failed', error_reason: 'cancelled' } },
  );
}

/** One valid request per route: a route added to the table without a sample does not compile. */
const SAMPLES: Record<HttpRouteName, () => Sample | Promise<Sample>> = {
  health: () => ({}),
  submitQuestionnaire: () => ({ body: { user_id: USER, responses: validResponses() } }),
  getJob: () => ({ params: { job_id: ids.blockedJob } }),
  jobEvents: () => ({ params: { job_id: ids.blockedJob } }),
  generatePlan: () => ({
    params: { user_id: USER },
    body: { type: 'training', submission_id: ids.submission },
  }),
  listJobs: () => ({ query: { user_id: USER, limit: '5' } }),
  estimatePlanCost: () => ({ query: { type: 'full' } }),
  cancelJob: () => ({ params: { job_id: pendingJobId } }),
  jobClientPdf: () => ({ params: { job_id: 'job-contrato-ok' }, query: { lang: 'en', page_size: 'LETTER' } }),
  retryJob: () => ({ params: { job_id: ids.failedJob } }),
  listUsers: () => ({ query: { search: 'contrato' } }),
  createUser: () => ({ body: { _id: 'cliente-contrato-2', nombre_completo: 'Otra Clienta' } }),
  getUser: () => ({ params: { user_id: USER } }),
  updateUser: () => ({ params: { user_id: USER }, body: { notas: 'Prefiere entrenar por la mañana' } }),
  exportUserData: () => ({ params: { user_id: USER } }),
  eraseUser: () => ({ params: { user_id: 'cliente-a-borrar' }, body: { confirm: 'cliente borrable' } }),
  listUserSubmissions: () => ({ params: { user_id: USER }, query: { limit: '2' } }),
  listUserPlans: () => ({ params: { user_id: USER } }),
  getSubmissionReading: () => ({ params: { submission_id: ids.submission } }),
  correctSubmissionReading: () => ({
    params: { submission_id: ids.submission },
    body: {
      corrections: [
        { field: 'notas_del_cliente', text: 'Trabajo a turnos y a veces entreno de noche', findings: [] },
      ],
    },
  }),
  getTrainingPlan: () => ({ params: { plan_id: ids.blockedTraining } }),
  exportTrainingPlan: () => ({ params: { plan_id: okTraining._id } }),
  overrideTrainingPlan: () => ({ params: { plan_id: ids.blockedTraining }, body: { reason } }),
  trainingPlanClientPdf: () => ({ params: { plan_id: okTraining._id } }),
  getNutritionPlan: () => ({ params: { plan_id: ids.blockedNutrition } }),
  exportNutritionPlan: () => ({ params: { plan_id: okNutrition._id } }),
  overrideNutritionPlan: () => ({ params: { plan_id: ids.blockedNutrition }, body: { reason } }),
  nutritionPlanClientPdf: () => ({ params: { plan_id: okNutrition._id }, query: { lang: 'es' } }),
  listTrainingPlanVersions: () => ({ params: { plan_id: stored.training._id } }),
  getTrainingPlanVersion: () => ({ params: { plan_id: stored.training._id, version: '1' } }),
  compareTrainingPlanVersions: () => ({
    params: { plan_id: stored.training._id },
    query: { from: '1', to: '1' },
  }),
  previewTrainingPlanEdits: () => ({
    params: { plan_id: stored.training._id },
    body: { base_version: 1, edits: [setsEdit] },
  }),
  saveTrainingPlanEdits: () => ({
    params: { plan_id: stored.training._id },
    body: { base_version: 1, edits: [setsEdit], note: 'una serie más', coach: 'Ana' },
  }),
  restoreTrainingPlanVersion: () => ({
    params: { plan_id: stored.training._id, version: '1' },
    body: { base_version: 2 },
  }),
  regenerateTrainingPlan: () => ({
    params: { plan_id: stored.training._id },
    body: { base_version: 3, scope: { type: 'session', session: 0 }, note: 'más trabajo de glúteo' },
  }),
  approveTrainingPlan: () => ({ params: { plan_id: stored.training._id }, body: { version: 3 } }),
  listNutritionPlanVersions: () => ({ params: { plan_id: stored.nutrition._id } }),
  getNutritionPlanVersion: () => ({ params: { plan_id: stored.nutrition._id, version: '1' } }),
  compareNutritionPlanVersions: () => ({
    params: { plan_id: stored.nutrition._id },
    query: { from: '1', to: '1' },
  }),
  previewNutritionPlanEdits: () => ({
    params: { plan_id: stored.nutrition._id },
    body: { base_version: 1, edits: [gramsEdit] },
  }),
  saveNutritionPlanEdits: () => ({
    params: { plan_id: stored.nutrition._id },
    body: { base_version: 1, edits: [gramsEdit] },
  }),
  restoreNutritionPlanVersion: () => ({
    params: { plan_id: stored.nutrition._id, version: '1' },
    body: { base_version: 2 },
  }),
  regenerateNutritionPlan: () => ({
    params: { plan_id: stored.nutrition._id },
    body: { base_version: 3, scope: { type: 'menus' }, note: 'sin lácteos por la mañana' },
  }),
  approveNutritionPlan: () => ({ params: { plan_id: stored.nutrition._id }, body: { version: 3 } }),
  listExercises: () => ({}),
  getWorker: () => ({}),
  restartWorker: () => ({}),
  backupDatabase: () => ({ body: {} }),
  backupStatus: () => ({}),
  previewRestore: () => ({ raw: backupFile }),
  restoreBackup: async () => {
    await settleJobs();
    return { raw: backupFile, query: { rule: 'keep' } };
  },
  moveDatabase: () => ({
    body: {
      target: {
        kind: 'server',
        url: serverAddress(api.testDb.uri),
        db_name: `${api.testDb.dbName}_contrato`,
      },
      dry_run: true,
    },
  }),
};
let pendingJobId = '';

function urlOf(name: HttpRouteName, sample: Sample): string {
  const query = new URLSearchParams(sample.query ?? {}).toString();
  return `${routePath(HTTP_ROUTES[name].path, sample.params)}${query ? `?${query}` : ''}`;
}

describe('the HTTP route table', () => {
  // In table order, so `generatePlan` has made the job `cancelJob` cancels.
  for (const name of Object.keys(HTTP_ROUTES) as HttpRouteName[]) {
    const route = HTTP_ROUTES[name];
    it(`${route.method} ${route.path} (${name}) answers its contract`, async () => {
      const sample = await SAMPLES[name]();
      const response = await api.request(route.method, urlOf(name, sample), {
        ...(sample.body !== undefined ? { body: sample.body } : {}),
        ...(sample.raw !== undefined
          ? { raw: sample.raw, headers: { 'content-type': 'application/octet-stream' } }
          : {}),
      });
      expect(route.success as readonly number[], response.body).toContain(response.statusCode);
      if ('stream' in route) {
        // Each event's data is the route's response; a finished job's stream ends after its snapshot.
        const events = response.body
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => route.response.parse(JSON.parse(line.slice('data: '.length))));
        expect(events[0]).toMatchObject({ type: 'snapshot', job_id: ids.blockedJob });
        return;
      }
      if ('binary' in route) {
        expect(response.headers['content-type']).toBe(route.binary);
        const magic =
          { 'application/zip': 'PK\u0003\u0004', 'application/pdf': '%PDF-' }[route.binary as string] ??
          'EDN360-BACKUP';
        expect(response.rawPayload.subarray(0, magic.length).toString('latin1')).toBe(magic);
        route.response.parse(response.rawPayload);
        return;
      }
      const decoded = route.response.parse(response.json());
      if (name === 'generatePlan') pendingJobId = (decoded as { job_id: string }).job_id;
      // Dates arrive as Dates once decoded, as over IPC.
      if (name === 'getUser')
        expect((decoded as { user: { created_at: unknown } }).user.created_at).toBeInstanceOf(Date);
    });
  }

  it('registers every route of the table, and only under its own method', () => {
    for (const route of Object.values(HTTP_ROUTES)) {
      expect(api.app.hasRoute({ method: route.method, url: route.path }), route.path).toBe(true);
      const other = route.method === 'GET' ? 'DELETE' : 'GET';
      const shared = Object.values(HTTP_ROUTES).some((r) => r.path === route.path && r.method === other);
      if (!shared) expect(api.app.hasRoute({ method: other, url: route.path }), route.path).toBe(false);
    }
  });

  it('names an answer that breaks its route’s contract', () => {
    const route = HTTP_ROUTES.getUser;
    expect(contractViolation(route, 200, { success: true, user: { _id: 'x' } })).toMatch(
      /fuera del contrato/,
    );
    expect(
      contractViolation(route, 404, { success: false, error: 'user_not_found', message: 'No existe' }),
    ).toBe(null);
    expect(contractViolation(route, 409, { success: false, error: 'plan_blocked', message: '…' })).toMatch(
      /"plan_blocked" no declarado/,
    );
    expect(contractViolation(route, 500, { detail: 'Internal Server Error' })).toMatch(/sin la forma/);
    // Every route may answer the access layer's errors: the token for admin, the limit for public.
    expect(contractViolation(route, 401, { success: false, error: 'unauthorized', message: '…' })).toBe(null);
    expect(
      contractViolation(HTTP_ROUTES.getJob, 429, { success: false, error: 'rate_limited', message: '…' }),
    ).toBe(null);
  });

  it('turns a broken answer into a 500 that names the route and the mismatch', async () => {
    // A stored client whose date is not a date is out of contract: the server refuses to send it as valid.
    await api.repos.users.create({ _id: 'fecha-rota', nombre_completo: 'Temporal' });
    // Written behind the repository's back, as another system sharing the database could.
    await api.testDb.db
      .collection<{ _id: string }>('users')
      .updateOne({ _id: 'fecha-rota' }, { $set: { created_at: 'ayer' } });
    const response = await api.request('GET', '/admin/users/fecha-rota');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({
      success: false,
      error: 'internal_error',
      message: expect.stringMatching(
        /^GET \/admin\/users\/:user_id \(getUser\): respuesta 200 fuera del contrato: user\.created_at/,
      ),
    });
  });
});
