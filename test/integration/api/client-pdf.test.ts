import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_FILE_NAME } from '../../../src/main/config/settings-store';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { findInternalMarkers } from '../../../src/shared/client-plan';
import { trainingPlanIdForJob } from '../../../src/shared/plans';
import { QuestionnaireResponsesSchema } from '../../../src/shared/questionnaire';
import { testApiConfig, useApiServer, validResponses } from '../../support/api-harness';
import { PROFILES } from '../../support/profiles';
import { approveCurrentVersion, seedAuditBlockedJob } from '../../support/plan-fixtures';
import { readPdf } from '../../unit/client-pdf/pdf-tools';
import { storedPlans } from '../../unit/shared/client-plan/stored-plans';

/*
 * The client's PDF over HTTP (issue 15): plans written by a real pipeline run (the stored-plan
 * fixtures), printed by the server without Chromium, read back as text. What the client must find
 * is there; what only the coach may see is not; a blocked plan never prints.
 */

const config = testApiConfig();
const api = useApiServer({ config });
const USER = 'cliente-pdf';
const CLIENT_NAME = 'Begoña Íñiguez Peña';
const plans = storedPlans('rodillaLactosa', 'es');
let jobId = '';
let blockedJobId = '';

/** The PDF a route answers, read back: each page's text and size. */
async function fetchPdf(url: string) {
  const response = await api.request('GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pages = await readPdf(response.rawPayload);
  return { pages, text: pages.map((page) => page.text).join('\n') };
}

beforeAll(async () => {
  await api.repos.users.create({ _id: USER, nombre_completo: CLIENT_NAME });
  // Trains in the afternoon: the questionnaire, not the plans, says so.
  const submission = await api.repos.submissions.create(USER, validResponses({ franja_horaria: 'tarde' }));
  jobId = plans.training.job_id;
  const training = { ...plans.training, user_id: USER, submission_id: submission._id };
  const nutrition = { ...plans.nutrition, user_id: USER, submission_id: submission._id, job_id: jobId };
  await api.repos.trainingPlans.saveOnce(training);
  await api.repos.nutritionPlans.saveOnce({
    ...nutrition,
    _id: nutrition._id.replace(plans.nutrition.job_id, jobId),
  });
  await api.repos.jobs.insert({
    ...buildPendingJob({ user_id: USER, submission_id: submission._id, type: 'full' }),
    _id: jobId,
    status: 'completed',
    result: {
      training_plan_id: training._id,
      nutrition_plan_id: nutrition._id.replace(plans.nutrition.job_id, jobId),
    },
    completed_at: new Date(),
  });
  await approveCurrentVersion(api.repos, 'training', training._id);
  await approveCurrentVersion(api.repos, 'nutrition', nutrition._id.replace(plans.nutrition.job_id, jobId));
  blockedJobId = (await seedAuditBlockedJob(api.repos, USER, submission._id)).job._id;
});

describe('GET /admin/jobs/{id}/client.pdf', () => {
  it('prints what the client reads: their name, the week, meal times, the shopping list — in Spanish, on A4 by default', async () => {
    const { pages, text } = await fetchPdf(`/admin/jobs/${jobId}/client.pdf`);
    expect(text).toContain(CLIENT_NAME);
    for (const day of ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'])
      expect(text).toContain(day);
    expect(text).toMatch(/\b([01]\d|2[0-3]):[0-5]\d\b/);
    expect(text).toContain('Lista de la compra');
    // The meal before an afternoon session (18:30), placed from the questionnaire's training slot:
    // this plan's last meal is at 17:30, so nothing is labelled as after training.
    expect(text).toMatch(/Antes de entrenar/);
    expect(text).not.toMatch(/Después de entrenar/);
    expect(pages[0]).toMatchObject({ width: 595.28, height: 841.89 });
  });

  it('never prints what only the coach sees: rule ids, verdicts, internal codes', async () => {
    const { text } = await fetchPdf(`/admin/jobs/${jobId}/client.pdf`);
    expect(findInternalMarkers(text)).toEqual([]);
    expect(text).not.toMatch(
      /\b(TRN|NUT|SCR|MENU)-\d{2}\b|BLOQUEANTE|No supera|aprobado_con_avisos|dia_alto/,
    );
  });

  it('answers in English with ?lang=en, on Letter paper with ?page_size=LETTER', async () => {
    const { pages, text } = await fetchPdf(`/admin/jobs/${jobId}/client.pdf?lang=en&page_size=LETTER`);
    for (const day of ['Monday', 'Sunday']) expect(text).toContain(day);
    expect(text).toContain('Shopping list');
    expect(pages[0]).toMatchObject({ width: 612, height: 792 });
  });

  it("signs with the coach's name and contact from the settings, read at each request", async () => {
    const before = await fetchPdf(`/admin/jobs/${jobId}/client.pdf`);
    expect(before.text).not.toContain('Estudio Fuerza Norte');
    writeFileSync(
      join(config.dataDir, SETTINGS_FILE_NAME),
      JSON.stringify({ coach_name: 'Estudio Fuerza Norte', coach_contact: 'hola@fuerzanorte.es' }),
    );
    const { text } = await fetchPdf(`/admin/jobs/${jobId}/client.pdf`);
    expect(text).toContain('Estudio Fuerza Norte');
    expect(text).toContain('hola@fuerzanorte.es');
  });

  it('refuses a job whose plan its audit blocked, names a missing job, and a bad option', async () => {
    const blocked = await api.request('GET', `/admin/jobs/${blockedJobId}/client.pdf`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ success: false, error: 'plan_blocked' });
    const missing = await api.request('GET', '/admin/jobs/no-existe/client.pdf');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'job_not_found' });
    const bad = await api.request('GET', `/admin/jobs/${jobId}/client.pdf?lang=fr&page_size=A3`);
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['query.lang', 'query.page_size']);
    expect((await api.request('GET', `/admin/jobs/${jobId}/client.pdf`, { token: false })).statusCode).toBe(
      401,
    );
  });
});

describe('GET /admin/{training,nutrition}-plans/{id}/client.pdf', () => {
  it('a training-only PDF still carries the medical notes its questionnaire calls for', async () => {
    // Hypertension on enalapril, cleared by a doctor: the plans keep no screening, the questionnaire does.
    const submission = await api.repos.submissions.create(
      USER,
      QuestionnaireResponsesSchema.parse(PROFILES['mayorLumbarAutorizado']),
    );
    const training = {
      ...plans.training,
      _id: trainingPlanIdForJob('job-medico'),
      job_id: 'job-medico',
      user_id: USER,
      submission_id: submission._id,
      previous_training_plan_id: null,
    };
    await api.repos.trainingPlans.saveOnce(training);
    await approveCurrentVersion(api.repos, 'training', training._id);
    const { text } = await fetchPdf(`/admin/training-plans/${training._id}/client.pdf`);
    // The note of a declared condition or medication (SCR-02), not only the disclaimer every PDF has.
    expect(text).toMatch(/condición de salud o una\s+medicación/);
    expect(text).toContain('Tu plan de entrenamiento');
    expect(text).not.toContain('Tu plan de entrenamiento y nutrición');
  });

  it('numbers the block: a plan that continues an earlier one is block 2', async () => {
    const next = {
      ...plans.training,
      _id: trainingPlanIdForJob('job-bloque-2'),
      job_id: 'job-bloque-2',
      user_id: USER,
      previous_training_plan_id: plans.training._id,
      created_at: new Date('2026-12-01T10:00:00Z'),
    };
    await api.repos.trainingPlans.saveOnce(next);
    await approveCurrentVersion(api.repos, 'training', next._id);
    expect((await fetchPdf(`/admin/training-plans/${plans.training._id}/client.pdf`)).text).toContain(
      'Bloque 1',
    );
    expect((await fetchPdf(`/admin/training-plans/${next._id}/client.pdf`)).text).toContain('Bloque 2');
  });

  it('prints one plan: the training plan without meals, the nutrition plan without sessions', async () => {
    const training = (await fetchPdf(`/admin/training-plans/${plans.training._id}/client.pdf`)).text;
    expect(training).toContain(CLIENT_NAME);
    expect(training).not.toContain('Lista de la compra');
    const nutritionId = plans.nutrition._id.replace(plans.nutrition.job_id, jobId);
    const nutrition = (await fetchPdf(`/admin/nutrition-plans/${nutritionId}/client.pdf`)).text;
    expect(nutrition).toContain('Lista de la compra');
    expect(nutrition).not.toMatch(/Calentamiento/);
  });
});

describe('only an approved version reaches the client (issue 16)', () => {
  it('a draft is refused; once approved the copy names its version and approval date, and the delivery is recorded', async () => {
    const draft = {
      ...plans.training,
      _id: trainingPlanIdForJob('job-borrador'),
      job_id: 'job-borrador',
      user_id: USER,
      previous_training_plan_id: null,
    };
    await api.repos.trainingPlans.saveOnce(draft);
    const refused = await api.request('GET', `/admin/training-plans/${draft._id}/client.pdf`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'plan_not_approved' });
    expect((await api.request('GET', `/admin/training-plans/${draft._id}/export`)).statusCode).toBe(409);

    const saved = await api.request('POST', `/admin/training-plans/${draft._id}/versions`, {
      body: { base_version: 1, edits: [{ type: 'set_prescription', session: 0, exercise: 0, series: 4 }] },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const approved = await api.request('POST', `/admin/training-plans/${draft._id}/approve`, {
      body: { version: 2, coach: 'Ana' },
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const { text } = await fetchPdf(`/admin/training-plans/${draft._id}/client.pdf`);
    expect(text).toMatch(/versión 2 · aprobada el \d{1,2} de \p{L}+ de \d{4}/u);
    const stored = await api.repos.trainingPlans.get(draft._id);
    expect(stored?.review).toMatchObject({
      state: 'delivered',
      delivered: { version: 2, format: 'pdf', via: 'api' },
    });
  });
});
