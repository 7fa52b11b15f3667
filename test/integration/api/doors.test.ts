import { beforeAll, describe, expect, it } from 'vitest';
import type { IpcMethod } from '../../../src/shared/ipc-contract';
import { UserPlansResponseSchema } from '../../../src/shared/api';
import { useApiServer, validResponses } from '../../support/api-harness';
import { createTestIpc, type TestIpc } from '../../support/ipc-harness';
import { seedAuditBlockedJob } from '../../support/plan-fixtures';
import { storedPlans } from '../../unit/shared/client-plan/stored-plans';

/*
 * One application layer behind two doors: the same use-case table runs through the HTTP API (the
 * real Fastify server, `app.inject`) and through IPC (`dispatch`, as ipcMain calls it) on one test
 * database, and both must answer the same outcome (error code or ok), the same message and the same
 * field names (each door only adds its own prefix: `body.`/`params.` or `args.`).
 */
const api = useApiServer();
let ipc: TestIpc;
let anaSubmission = '';
let beaSubmission = '';
let blockedTrainingId = '';
let blockedJobId = '';
// A real generated pair for the editor's cases: a knee injury and lactose intolerance.
const knee = storedPlans('rodillaLactosa', 'es');

beforeAll(async () => {
  // The IPC core shares the HTTP server's repositories and queue: one core, two doors.
  ipc = await createTestIpc(api.testDb, { repositories: api.repos, queue: api.queue });
  await api.repos.users.create({ _id: 'ana', nombre_completo: 'Ana Ruiz' });
  await api.repos.users.create({ _id: 'bea', nombre_completo: 'Bea Soto' });
  anaSubmission = (await api.repos.submissions.create('ana', validResponses()))._id;
  beaSubmission = (await api.repos.submissions.create('bea', validResponses()))._id;
  const blocked = await seedAuditBlockedJob(api.repos, 'ana', anaSubmission);
  blockedTrainingId = blocked.trainingId;
  blockedJobId = blocked.job._id;
  await api.repos.trainingPlans.saveOnce(knee.training);
  await api.repos.nutritionPlans.saveOnce(knee.nutrition);
});

/** What a door answered, door-neutral: `ok` or the error code, its message and unprefixed field names. */
interface Outcome {
  outcome: string;
  message?: string;
  fields: string[];
}

const unprefixed = (field: string): string => field.replace(/^(body|params|query|args)\./, '');
/** A message names its fields with the door's prefix (`body.type: …`, `args.type: …`); the rest is equal. */
const unprefixedMessage = (message: string): string => message.replace(/\b(body|params|query|args)\./g, '');

async function overHttp(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<Outcome> {
  const response = await api.request(method, url, body === undefined ? {} : { body });
  const json = response.json<{ error?: string; message?: string; errors?: { field: string }[] }>();
  if (response.statusCode < 400) return { outcome: 'ok', fields: [] };
  return {
    outcome: json.error ?? `http_${response.statusCode}`,
    ...(json.message !== undefined ? { message: unprefixedMessage(json.message) } : {}),
    fields: (json.errors ?? []).map((e) => unprefixed(e.field)),
  };
}

async function overIpc(method: IpcMethod, args: unknown): Promise<Outcome> {
  const reply = await ipc.call(method, args);
  if (reply.ok) return { outcome: 'ok', fields: [] };
  return {
    outcome: reply.error.reason,
    message: unprefixedMessage(reply.error.message),
    fields: (reply.error.fields ?? []).map((e) => unprefixed(e.field)),
  };
}

interface DoorCase {
  name: string;
  expected: { outcome: string; fields: string[] };
  http: () => Promise<Outcome>;
  ipc: () => Promise<Outcome>;
}

/** The body is read when the case runs (the seeded ids exist only then). */
const generate = (user: string, body: () => Record<string, unknown>): Pick<DoorCase, 'http' | 'ipc'> => ({
  http: () => overHttp('POST', `/admin/users/${user}/plans/generate_async`, body()),
  ipc: () => overIpc('generatePlan', { user_id: user, ...body() }),
});

/** An edit previewed on a plan kind, through both doors (the plan's id is read when the case runs). */
const preview = (
  kind: 'training' | 'nutrition',
  body: Record<string, unknown>,
): Pick<DoorCase, 'http' | 'ipc'> => {
  const id = () => (kind === 'training' ? knee.training._id : knee.nutrition._id);
  return {
    http: () => overHttp('POST', `/admin/${kind}-plans/${id()}/preview`, body),
    ipc: () => overIpc('previewPlanEdits', { kind, plan_id: id(), ...body }),
  };
};

const CASES: DoorCase[] = [
  {
    name: 'generate for an unknown client',
    expected: { outcome: 'user_not_found', fields: ['user_id'] },
    ...generate('nadie', () => ({ type: 'training', submission_id: anaSubmission })),
  },
  {
    name: "generate from another client's questionnaire",
    expected: { outcome: 'submission_not_found', fields: ['submission_id'] },
    ...generate('ana', () => ({ type: 'training', submission_id: beaSubmission })),
  },
  {
    name: 'generate continuing a plan its audit blocked',
    expected: { outcome: 'plan_blocked', fields: ['previous_training_plan_id'] },
    ...generate('ana', () => ({
      type: 'training',
      submission_id: anaSubmission,
      previous_training_plan_id: blockedTrainingId,
    })),
  },
  {
    name: 'generate, all checks pass',
    expected: { outcome: 'ok', fields: [] },
    ...generate('ana', () => ({ type: 'full', submission_id: anaSubmission })),
  },
  {
    name: 'create a client whose id is taken',
    expected: { outcome: 'user_exists', fields: ['_id'] },
    http: () => overHttp('POST', '/admin/users', { _id: 'ana', nombre_completo: 'Otra Ana' }),
    ipc: () => overIpc('createClient', { _id: 'ana', nombre_completo: 'Otra Ana' }),
  },
  {
    name: 'update an unknown client',
    expected: { outcome: 'user_not_found', fields: [] },
    http: () => overHttp('PATCH', '/admin/users/nadie', { telefono: '600000000' }),
    ipc: () => overIpc('updateClient', { id: 'nadie', changes: { telefono: '600000000' } }),
  },
  {
    name: 'retry a job whose plan its audit blocked',
    expected: { outcome: 'job_not_retryable', fields: [] },
    http: () => overHttp('POST', `/admin/jobs/${blockedJobId}/retry`),
    ipc: () => overIpc('retryJob', { id: blockedJobId }),
  },
  {
    name: 'cancel a finished job',
    expected: { outcome: 'job_not_cancellable', fields: [] },
    http: () => overHttp('POST', `/admin/jobs/${blockedJobId}/cancel`),
    ipc: () => overIpc('cancelJob', { id: blockedJobId }),
  },
  {
    name: 'cancel an unknown job',
    expected: { outcome: 'job_not_found', fields: [] },
    http: () => overHttp('POST', '/admin/jobs/no-existe/cancel'),
    ipc: () => overIpc('cancelJob', { id: 'no-existe' }),
  },
  {
    name: 'restart the worker of an instance that runs none',
    expected: { outcome: 'no_worker', fields: [] },
    http: () => overHttp('POST', '/admin/worker/restart'),
    ipc: () => overIpc('restartWorker', undefined),
  },
  {
    name: 'update a client with no change at all',
    expected: { outcome: 'validation_error', fields: [] },
    http: () => overHttp('PATCH', '/admin/users/ana', {}),
    ipc: () => overIpc('updateClient', { id: 'ana', changes: {} }),
  },
  {
    name: 'generate a plan of a type that does not exist',
    expected: { outcome: 'validation_error', fields: ['type'] },
    ...generate('ana', () => ({ type: 'yoga', submission_id: anaSubmission })),
  },
  {
    name: 'approve a blocked plan with a reason too short to mean anything',
    expected: { outcome: 'validation_error', fields: ['reason'] },
    http: () => overHttp('POST', `/admin/training-plans/${blockedTrainingId}/override`, { reason: 'ok' }),
    ipc: () => overIpc('overridePlanBlock', { kind: 'training', plan_id: blockedTrainingId, reason: 'ok' }),
  },
  {
    name: 'edit a plan with an exercise the catalog does not have',
    expected: { outcome: 'validation_error', fields: ['edits.0.exercise_id'] },
    ...preview('training', {
      base_version: 1,
      edits: [{ type: 'swap_exercise', session: 0, exercise: 0, exercise_id: 'press_de_unicornio' }],
    }),
  },
  {
    name: 'replace a food with a dairy one for the lactose-intolerant client',
    expected: { outcome: 'validation_error', fields: ['edits.0.food_id'] },
    ...preview('nutrition', {
      base_version: 1,
      edits: [
        { type: 'replace_food', day_type: 'medio', meal: 1, dish: 0, item: 0, food_id: 'yogur_natural' },
      ],
    }),
  },
  {
    name: 'edit a version that is no longer the current one',
    expected: { outcome: 'plan_version_conflict', fields: ['base_version'] },
    ...preview('training', {
      base_version: 4,
      edits: [{ type: 'set_prescription', session: 0, exercise: 0, series: 4 }],
    }),
  },
  {
    name: 'approve a version its audit blocks without the written reason',
    expected: { outcome: 'plan_blocked', fields: ['override_reason'] },
    http: () => overHttp('POST', `/admin/training-plans/${blockedTrainingId}/approve`, { version: 1 }),
    ipc: () => overIpc('approvePlan', { kind: 'training', plan_id: blockedTrainingId, version: 1 }),
  },
  {
    name: 'compare with a version that does not exist',
    expected: { outcome: 'plan_not_found', fields: ['version'] },
    http: () => overHttp('GET', `/admin/training-plans/${knee.training._id}/diff?from=1&to=9`),
    ipc: () =>
      overIpc('comparePlanVersions', { kind: 'training', plan_id: knee.training._id, from: 1, to: 9 }),
  },
  {
    name: 'create a client with an email that is not one',
    expected: { outcome: 'validation_error', fields: ['email'] },
    http: () => overHttp('POST', '/admin/users', { nombre_completo: 'Eva Luna', email: 'eva.luna' }),
    ipc: () => overIpc('createClient', { nombre_completo: 'Eva Luna', email: 'eva.luna' }),
  },
  {
    name: 'list clients with a page size of zero',
    expected: { outcome: 'validation_error', fields: ['limit'] },
    http: () => overHttp('GET', '/admin/users?limit=0'),
    ipc: () => overIpc('listClients', { limit: 0 }),
  },
  {
    name: 'submit a questionnaire without answers',
    expected: { outcome: 'validation_error', fields: ['responses'] },
    http: () => overHttp('POST', '/submit-nutrition-questionnaire', { user_id: 'ana' }),
    ipc: () => overIpc('submitQuestionnaire', { user_id: 'ana' }),
  },
  {
    name: 'submit invalid answers',
    expected: { outcome: 'validation_error', fields: ['responses.altura_cm'] },
    http: () =>
      overHttp('POST', '/submit-nutrition-questionnaire', {
        user_id: 'ana',
        responses: validResponses({ altura_cm: '9' }),
      }),
    ipc: () =>
      overIpc('submitQuestionnaire', { user_id: 'ana', responses: validResponses({ altura_cm: '9' }) }),
  },
];

describe('one use case, two doors (HTTP and IPC)', () => {
  it.each(CASES)('$name: same outcome, message and fields', async ({ expected, http, ipc }) => {
    const viaHttp = await http();
    const viaIpc = await ipc();
    expect({ outcome: viaHttp.outcome, fields: viaHttp.fields }).toEqual(expected);
    expect(viaIpc).toEqual(viaHttp);
  });

  it('a questionnaire of an unknown client creates the client, through either door', async () => {
    expect(
      await overHttp('POST', '/submit-nutrition-questionnaire', {
        user_id: 'nuevo-http',
        responses: validResponses(),
      }),
    ).toEqual({ outcome: 'ok', fields: [] });
    expect(
      await overIpc('submitQuestionnaire', { user_id: 'nuevo-ipc', responses: validResponses() }),
    ).toEqual({
      outcome: 'ok',
      fields: [],
    });
    expect(await api.repos.users.get('nuevo-http')).toMatchObject({ nombre_completo: 'Lucía Pérez Gómez' });
    expect(await api.repos.users.get('nuevo-ipc')).toMatchObject({ nombre_completo: 'Lucía Pérez Gómez' });
  });

  it('lists plan summaries of the same shape through either door', async () => {
    const http = UserPlansResponseSchema.parse((await api.request('GET', '/admin/users/ana/plans')).json());
    const reply = await ipc.call('listPlans', { user_id: 'ana' });
    if (!reply.ok) throw new Error(reply.error.message);
    // Dates travel as ISO text over HTTP and as Dates over IPC; decoded with the HTTP contract, equal.
    expect(http.summaries).toEqual(reply.data);
    expect(http.summaries.training.items.map((p) => p._id)).toContain(blockedTrainingId);
    // The original fields stay: whole plans in `training_plans` / `nutrition_plans`.
    expect(http.training_plans.items.map((p) => p._id)).toContain(blockedTrainingId);
  });
});
