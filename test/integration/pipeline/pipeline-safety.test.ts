import { describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { enqueue, retryJob } from '../../../src/main/queue';
import { getCatalog } from '../../../src/main/pipeline/catalog';
import type { AuditResult, ClientSummary, SafeSessionsField } from '../../../src/shared/plan-content';
import type { MenuPlan } from '../../../src/shared/menu-plan';
import { QuestionnaireResponsesSchema } from '../../../src/shared/questionnaire';
import { useFakeLlm } from '../../support/fake-llm/use-fake-llm';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES, SCREENING_PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const llm = useFakeLlm();

const run = (jobId: string) => runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
const plans = () => createRepositories(testDb.db);

describe('screening before any token is spent', () => {
  it.each(Object.keys(SCREENING_PROFILES))(
    '%s: fails with screening_required and names the reason',
    async (name) => {
      const { jobId } = await createSubmissionAndJob(testDb.db, SCREENING_PROFILES[name]!, 'full');
      const job = await run(jobId);
      expect(job).toMatchObject({ status: 'failed', error_reason: 'screening_required' });
      expect(job.error_message).toMatch(/SCR-0[345]/);
      // One structured entry per blocking check, the same checks the message lists.
      expect(job.error_fields.length).toBeGreaterThan(0);
      for (const entry of job.error_fields) {
        expect(entry.field).toMatch(/^SCR-0\d$/);
        expect(entry.code).toBe(entry.field);
        expect(job.error_message).toContain(`• ${entry.field}: ${entry.message}`);
      }
      expect(job.token_usage.total_tokens).toBe(0);
      expect(llm.requests).toHaveLength(0);
    },
  );
});

describe('a questionnaire written into MongoDB by another system is validated again', () => {
  it('fails with validation_error and the original message listing every problem', async () => {
    const db = testDb.db;
    await getCollections(db).submissions.insertOne({
      _id: 'sub-malformed',
      user_id: 'u-malformed',
      responses: { nombre_completo: 'X', email: 'no-es-email', sexo: 'quizá', peso: 'setenta' },
      submitted_at: new Date(),
      plan_generated: false,
      plan_id: null,
    } as never);
    const job = await enqueue(getCollections(db).jobs, {
      user_id: 'u-malformed',
      submission_id: 'sub-malformed',
      type: 'training',
    });
    const done = await run(job._id);
    expect(done).toMatchObject({ status: 'failed', error_reason: 'validation_error' });
    expect(done.error_message).toContain('❌ FORMATO DE CUESTIONARIO INVÁLIDO:');
    expect(done.error_message).toContain(
      'Campos requeridos ausentes: fecha_nacimiento, altura_cm, objetivo_fisico',
    );
    expect(done.error_message).toContain('📋 FORMATO ESPERADO:');
    // The same problems, one per field, for a UI in any language (no parsing of the text above).
    expect(done.error_fields.map((e) => e.field).sort()).toEqual(
      [
        'responses.altura_cm',
        'responses.email',
        'responses.fecha_nacimiento',
        'responses.objetivo_fisico',
        'responses.peso',
        'responses.sexo',
      ].sort(),
    );
    expect(done.error_fields).toContainEqual({
      field: 'responses.fecha_nacimiento',
      code: 'missing',
      message: expect.stringContaining('fecha_nacimiento'),
    });
    expect(done.error_fields.find((e) => e.field === 'responses.email')?.message).toContain('no-es-email');
    expect(llm.requests).toHaveLength(0);

    // The coach fixes the questionnaire and retries: the old fields go with the old failure.
    await getCollections(db).submissions.updateOne(
      { _id: 'sub-malformed' },
      { $set: { responses: QuestionnaireResponsesSchema.parse(PROFILES['vegetarianoVolumen']) } },
    );
    const retried = await retryJob(getCollections(db).jobs, job._id);
    expect(retried).toMatchObject({ status: 'pending', error_reason: null, error_fields: [] });
    const fixed = await run(job._id);
    expect(fixed).toMatchObject({ status: 'completed', error_message: null, error_fields: [] });
  });
});

describe('unsafe LLM output is caught', () => {
  const deepKneeExercise = () =>
    getCatalog().exercises.find(
      (e) => e.contraindicaciones.includes('flexion_profunda_rodilla') && e.patron === 'sentadilla',
    )!.id;

  it('an exercise id not in the catalog (E5) goes back for repair and never reaches the plan', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    llm.faults.add([
      { type: 'mutate', agent: 'E5', mutation: 'add_exercise', value: 'press_inventado_9000', count: 1 },
    ]);
    const job = await run(jobId);
    expect(job.status).toBe('completed');
    expect(llm.requests.filter((r) => r.agent === 'E5').map((r) => r.repair)).toEqual([false, true]);
    const safe = (await plans().trainingPlans.get(job.result.training_plan_id!))!.training
      .safe_sessions as SafeSessionsField;
    expect(JSON.stringify(safe)).not.toContain('press_inventado_9000');
    expect(job.execution_log.some((e) => e.agent_id === 'E5' && e.event === 'retry')).toBe(true);
  });

  it('deep squats for an active knee injury (E6) are rejected; a model that insists fails the job', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'training');
    llm.faults.add([
      { type: 'mutate', agent: 'E6', mutation: 'add_substitution', value: deepKneeExercise(), count: 1 },
    ]);
    const job = await run(jobId);
    expect(job.status).toBe('completed');
    const training = (await plans().trainingPlans.get(job.result.training_plan_id!))!.training;
    expect((training.client_summary as ClientSummary).perfil.tags_contraindicados).toContain(
      'flexion_profunda_rodilla',
    );
    expect(JSON.stringify(training.safe_sessions)).not.toContain(deepKneeExercise());

    const second = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'training');
    llm.faults.add([
      { type: 'mutate', agent: 'E6', mutation: 'add_substitution', value: deepKneeExercise(), count: 20 },
    ]);
    const failed = await run(second.jobId);
    expect(failed).toMatchObject({ status: 'failed', error_reason: 'invalid_output' });
    expect(failed.error_message).toContain('contraindicado');
    expect(await plans().trainingPlans.get(`tp_${second.jobId}`)).toBeNull();
  });

  it('a client text announcing more training days than the sessions (E7) is repaired; a model that insists fails the job', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    const wrong = 'Vas a entrenar 7 días por semana, sin descanso.';
    llm.faults.add([{ type: 'mutate', agent: 'E7', mutation: 'set_text', value: wrong, count: 1 }]);
    const job = await run(jobId);
    expect(job.status).toBe('completed');
    expect(llm.requests.filter((r) => r.agent === 'E7').map((r) => r.repair)).toEqual([false, true]);
    const training = (await plans().trainingPlans.get(job.result.training_plan_id!))!.training;
    expect(JSON.stringify(training.formatted_plan)).not.toContain(wrong);

    const second = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    llm.faults.add([{ type: 'mutate', agent: 'E7', mutation: 'set_text', value: wrong, count: 20 }]);
    const failed = await run(second.jobId);
    expect(failed).toMatchObject({ status: 'failed', error_reason: 'invalid_output' });
    expect(failed.error_message).toMatch(
      /el texto dice «7 días»; los valores calculados son \d días de entrenamiento por semana/,
    );
  });

  it('an allergen in a meal (N6, yogurt for a lactose-intolerant client) is rejected and repaired', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'nutrition');
    llm.faults.add([
      { type: 'mutate', agent: 'N6', mutation: 'add_ingredient', value: 'yogur_natural', count: 1 },
    ]);
    const job = await run(jobId);
    expect(job.status).toBe('completed');
    expect(llm.requests.filter((r) => r.agent === 'N6').map((r) => r.repair)).toEqual([false, true]);
    const menu = (await plans().nutritionPlans.get(job.result.nutrition_plan_id!))!.nutrition
      .menu_plan as MenuPlan;
    expect(JSON.stringify(menu)).not.toContain('yogur');
  });

  it('35 weekly chest sets are flagged by the code audit, visibly, on the plan kept for review', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    const bench = getCatalog().exercises.find(
      (e) => e.musculos_primarios.includes('pecho') && e.material.includes('barra'),
    )!.id;
    llm.faults.add([
      { type: 'mutate', agent: 'E5', mutation: 'set_series', value: bench, series: 10, count: 1 },
    ]);
    const job = await run(jobId);
    // > 30 weekly sets block (TRN-06): the plan is saved for review and not delivered.
    expect(job).toMatchObject({ status: 'failed', error_reason: 'audit_blocked' });
    const training = (await plans().trainingPlans.get(job.result.training_plan_id!))!.training;
    const safe = training.safe_sessions as SafeSessionsField;
    expect(safe.series_semanales['pecho']).toBeGreaterThan(30);
    const audit = training.audit as AuditResult;
    expect(audit.status).not.toBe('aprobado');
    const volume = audit.checks.find((c) => c.id === 'TRN-06' && !c.passed);
    expect(volume?.reason).toMatch(/pecho/);
  });
});

describe('caffeine counts what the client already drinks', () => {
  it('declared habitual caffeine plus supplements over the limit blocks the nutrition audit (NUT-17)', async () => {
    const { jobId } = await createSubmissionAndJob(
      testDb.db,
      { ...PROFILES['vegetarianoVolumen']!, cafeina_mg_dia: 450 },
      'nutrition',
    );
    const job = await run(jobId);
    expect(job).toMatchObject({ status: 'failed', error_reason: 'audit_blocked' });
    expect(job.error_fields).toContainEqual(expect.objectContaining({ field: 'NUT-17', code: 'nutrition' }));
    const audit = (await plans().nutritionPlans.get(job.result.nutrition_plan_id!))!.nutrition
      .audit as AuditResult;
    expect(audit.checks.find((c) => c.id === 'NUT-17')).toMatchObject({ passed: false, severity: 'block' });
    expect(audit.status).toBe('bloqueado');
  });
});
