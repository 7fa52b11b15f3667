import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerateAsyncResponseSchema, SubmitQuestionnaireResponseSchema } from '../../../src/shared/api';
import { SubmissionReadingSchema } from '../../../src/shared/reading-api';
import { loadConfig } from '../../../src/main/config/load-config';
import { startCore, type Core } from '../../../src/main/core/start-core';
import { silentLogger } from '../../../src/main/log/logger';
import { TEST_TOKEN } from '../../support/api-harness';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { useTestDatabase } from '../../support/test-db';
import { testWorkerSpawner, waitFor, workerEnv } from '../../support/worker-harness';

/*
 * Issue 12, end to end: questionnaires in the original system's documented format, with free-text
 * optional answers, go through POST /submit-nutrition-questionnaire → generate_async → a completed
 * plan whose constraints reflect what the client declared. Real HTTP, the real MongoDB wire server,
 * a real worker process running the agent pipeline against our fake OpenAI-compatible server.
 */
const testDb = useTestDatabase();
const llm = new FakeLlmServer();
let core: Core;

const sample = JSON.parse(
  readFileSync(join(__dirname, '../../../resources/samples/cuestionario-original.json'), 'utf8'),
) as { responses: Record<string, unknown> };

beforeAll(async () => {
  await llm.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'edn-original-'));
  const llmEnv = { EDN_LLM_BASE_URL: llm.baseUrl, EDN_LLM_API_KEY: 'sk-test' };
  const env = {
    EDN_DATA_DIR: dataDir,
    EDN_MONGO_URL: testDb.uri,
    EDN_DB_NAME: testDb.dbName,
    EDN_API_PORT: '0',
    EDN_API_TOKEN: TEST_TOKEN,
    EDN_POLL_INTERVAL_MS: '200',
    ...llmEnv,
  };
  core = await startCore({
    config: await loadConfig({ env }),
    logger: silentLogger(),
    repoResourcesDir: dataDir,
    env,
    workerFactory: (hostEnv) =>
      testWorkerSpawner({
        ...workerEnv({ uri: testDb.uri, dbName: testDb.dbName, env: { ...llmEnv, EDN_PIPELINE: 'agents' } }),
        ...hostEnv,
        EDN_PIPELINE: 'agents',
      }),
  });
  await waitFor(async () => core.worker?.getStatus().state === 'running', 30_000, 'worker running');
}, 60_000);
afterAll(async () => {
  await core?.stop();
  await llm.stop();
});

async function http(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${TEST_TOKEN}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${core.apiUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: await response.json() };
}

interface JobView {
  status: string;
  error_reason: string | null;
  error_fields: { field: string }[];
  result: { training_plan_id: string | null; nutrition_plan_id: string | null };
}

async function settle(jobId: string): Promise<JobView> {
  return waitFor(
    async () => {
      const job = (await http('GET', `/jobs/${jobId}`)).json as JobView;
      return job.status === 'completed' || job.status === 'failed' ? job : null;
    },
    120_000,
    `job ${jobId} settled`,
  );
}

async function submitAndGenerate(userId: string, responses: Record<string, unknown>) {
  const submitted = await http('POST', '/submit-nutrition-questionnaire', { user_id: userId, responses });
  expect(submitted.status).toBe(201);
  const { submission_id } = SubmitQuestionnaireResponseSchema.parse(submitted.json);
  const generated = await http('POST', `/admin/users/${userId}/plans/generate_async`, {
    type: 'full',
    submission_id,
  });
  const { job_id } = GenerateAsyncResponseSchema.parse(generated.json);
  return { submission_id, job_id };
}

describe('original-format questionnaires, end to end', () => {
  it('loose optional answers are accepted and every declaration reaches the plan as a constraint', async () => {
    const responses = {
      ...sample.responses,
      // The original's loose forms of fields this app also types.
      material_disponible: 'Gimnasio completo',
      horas_sueno: '7',
      nivel_estres: 'Medio',
      // Declarations the old reader lost.
      alergias: 'Nada importante, solo que el kiwi me pica en la boca',
      lesiones_actuales: 'Menisco sin terminar de curar',
    };
    const { submission_id, job_id } = await submitAndGenerate('original-1', responses);

    const reading = SubmissionReadingSchema.parse(
      (await http('GET', `/admin/submissions/${submission_id}/reading`)).json,
    );
    const facts = reading.reading.findings.map(
      (f) => `${f.topic}:${f.code}${f.estado ? `/${f.estado}` : ''}`,
    );
    expect(facts).toEqual(
      expect.arrayContaining(['alergia:alimento:kiwi', 'intolerancia:lactosa', 'lesion:rodilla/activa']),
    );

    const job = await settle(job_id);
    expect(job).toMatchObject({ status: 'completed', error_reason: null });
    const training = (await http('GET', `/admin/training-plans/${job.result.training_plan_id}`)).json as {
      plan: { training: { client_summary: { perfil: Record<string, unknown> } } };
    };
    const perfil = training.plan.training.client_summary.perfil;
    expect(perfil['lesiones']).toEqual([expect.objectContaining({ zona: 'rodilla', estado: 'activa' })]);
    expect(perfil['tags_contraindicados']).toEqual(expect.arrayContaining(['flexion_profunda_rodilla']));

    const nutrition = (await http('GET', `/admin/nutrition-plans/${job.result.nutrition_plan_id}`)).json as {
      plan: {
        nutrition: {
          profile: { datos: Record<string, unknown> };
          audit: { checks: { id: string; passed: boolean }[] };
        };
      };
    };
    const datos = nutrition.plan.nutrition.profile.datos;
    expect(datos['alergias']).toEqual(expect.arrayContaining(['alimento:kiwi']));
    expect(datos['intolerancias']).toEqual(expect.arrayContaining(['lactosa']));
    // The menu was checked against what was declared, and passed: no kiwi, no lactose.
    expect(nutrition.plan.nutrition.audit.checks.find((c) => c.id === 'NUT-14')).toMatchObject({
      passed: true,
    });
  }, 180_000);

  it('an answer the app cannot classify stops the plan until the coach answers it; the next job uses the answer', async () => {
    const comment = 'A veces noto palpitaciones cuando subo escaleras deprisa';
    const responses = {
      ...sample.responses,
      objetivo_fisico: 'Ganar músculo y definir',
      intolerancias_texto: 'No',
      comentarios_adicionales: comment,
    };
    const { submission_id, job_id } = await submitAndGenerate('original-2', responses);
    const blocked = await settle(job_id);
    expect(blocked).toMatchObject({ status: 'failed', error_reason: 'screening_required' });
    expect(blocked.error_fields.map((f) => f.field)).toContain('SCR-10');

    const corrected = await http('PUT', `/admin/submissions/${submission_id}/reading`, {
      corrections: [
        { field: 'comentarios_adicionales', text: comment, findings: [], note: 'Revisado con su médico' },
      ],
    });
    expect(corrected.status).toBe(200);
    const retried = await http('POST', `/admin/jobs/${job_id}/retry`);
    expect(retried.status).toBe(200);
    const done = await settle(job_id);
    expect(done).toMatchObject({ status: 'completed' });

    const training = (await http('GET', `/admin/training-plans/${done.result.training_plan_id}`)).json as {
      plan: { training: { client_summary: { perfil: { objetivo: string } } } };
    };
    // "Ganar músculo y definir" is recomposition: never a deficit.
    expect(training.plan.training.client_summary.perfil.objetivo).toBe('recomposicion');
    const nutrition = (await http('GET', `/admin/nutrition-plans/${done.result.nutrition_plan_id}`)).json as {
      plan: { nutrition: { energy_strategy: { deficit_pct: number } } };
    };
    expect(nutrition.plan.nutrition.energy_strategy.deficit_pct).toBeLessThanOrEqual(0);
  }, 240_000);
});
