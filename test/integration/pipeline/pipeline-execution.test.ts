import { describe, expect, it } from 'vitest';
import { stepId } from '../../../src/shared/generation-step';
import { knownJobCost, toPublicJob } from '../../../src/shared/job';
import { costUsd, DEFAULT_PRICES } from '../../../src/shared/pricing';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { enqueue } from '../../../src/main/queue';
import { findExercise } from '../../../src/main/pipeline/catalog';
import { allowedExercises, exerciseMenu } from '../../../src/main/pipeline/agents/training/exercise-rules';
import type { ClientSummary } from '../../../src/shared/plan-content';
import { useFakeLlm } from '../../support/fake-llm/use-fake-llm';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const llm = useFakeLlm();

/** Per-agent prompt budget (o200k tokens): the original sent ~45 000 tokens per training plan. */
const PROMPT_BUDGET = 3_000;
/**
 * N6 also carries the food list it must choose from (~200 foods of resources/foods, one short line
 * each): the price of totals computed by code instead of written by the model.
 */
const PROMPT_BUDGET_BY_AGENT: Record<string, number> = { N6: 5_000 };

describe('DAG execution', () => {
  it('in full, nutrition waits only for the week’s sessions (E5) and runs beside E6–E9; the longest chains go first', async () => {
    // Time grows with the answer's length, as with a real model: E7 (the client text) is the slowest.
    llm.setLatency({ ttftMs: 30, tokensPerSecond: 1500 });
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'full');
    const job = await runJobToEnd(jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm, { maxConcurrency: 3 }),
    });
    expect(job.status).toBe('completed');
    const steps = await createRepositories(testDb.db).steps.listForJob(jobId);
    const at = (id: string) => steps.find((s) => s.agent_id === id)!;
    // N0 starts with E1, long before training ends.
    expect(at('N0').started_at.getTime()).toBeLessThan(at('E2').started_at.getTime());
    // Nutrition that reads the training load waits for E5 (the week's sessions), not for E6 or E9;
    // N5 (meal times and shares, no numbers) runs from the start, beside the training chain.
    const e5End = at('E5').finished_at.getTime();
    for (const id of ['N1', 'N2', 'N3', 'N4', 'N6', 'N7'])
      expect(at(id).started_at.getTime(), id).toBeGreaterThanOrEqual(e5End);
    expect(at('N5').finished_at.getTime()).toBeLessThan(e5End);
    // Of the agents ready after E5, E6 (→ E7 → E8) and N6 (→ N8) have the longest chains ahead
    // (N6's by the length of its answers in earlier runs): they start first, side by side.
    expect(at('N6').started_at.getTime()).toBeLessThan(at('E6').finished_at.getTime());
    for (const id of ['N1', 'N2', 'N3', 'N4', 'N7'])
      expect(at(id).started_at.getTime(), id).toBeGreaterThanOrEqual(at('N6').started_at.getTime());
    const trainingEnd = Math.max(...['E7', 'E8', 'E9'].map((id) => at(id).finished_at.getTime()));
    expect(at('N6').started_at.getTime()).toBeLessThan(trainingEnd);
    // E7–E9 start after E6; E8 waits for E7, whose client text TRN-15 audits.
    const e6End = at('E6').finished_at.getTime();
    for (const id of ['E7', 'E8', 'E9']) expect(at(id).started_at.getTime()).toBeGreaterThanOrEqual(e6End);
    expect(at('E8').started_at.getTime()).toBeGreaterThanOrEqual(at('E7').finished_at.getTime());
  });

  it('E6 answers with swaps that code applies to E5’s week (days, minutes and sets kept); a swap of an exercise not in the week goes back to the model, then fails the job', async () => {
    type Week = {
      sesiones: Array<{
        dia: string;
        duracion_min: number;
        ejercicios: Array<{ ejercicio_id: string; series: number }>;
      }>;
    };
    const repos = createRepositories(testDb.db);
    const weeksOf = async (job: { result: { training_plan_id?: string | null } }) => {
      const training = (await repos.trainingPlans.get(job.result.training_plan_id!))!.training;
      return { planned: training.sessions as Week, safe: training.safe_sessions as Week, training };
    };
    /** A full plan whose E6 answers `count` times with one more swap: to `value`, of `field` (else the week's first exercise). */
    const runWithSwap = async (swap: { value: string; field?: string; count: number }) => {
      const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'full');
      llm.requests.length = 0;
      llm.faults.add([{ type: 'mutate', agent: 'E6', mutation: 'add_substitution', ...swap }]);
      return runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    };

    // A swap of an exercise E5 never planned: back to the model once.
    const job = await runWithSwap({ field: 'no_planificado', value: 'x', count: 1 });
    expect(job.status, job.error_message ?? '').toBe('completed');
    expect(llm.requests.filter((r) => r.agent === 'E6').map((r) => r.repair)).toEqual([false, true]);
    const { planned } = await weeksOf(job);

    // A valid swap (the week's first exercise for another of its pattern that E6 was offered and no
    // session with it has): applied on every day, nothing else moves.
    const original = planned.sesiones[0]!.ejercicios[0]!.ejercicio_id;
    const summary = (await weeksOf(job)).training.client_summary as ClientSummary;
    const plannedIds = planned.sesiones.flatMap((s) => s.ejercicios.map((e) => e.ejercicio_id));
    const offered = exerciseMenu(allowedExercises(summary.perfil), plannedIds);
    const busy = new Set(
      planned.sesiones
        .filter((s) => s.ejercicios.some((e) => e.ejercicio_id === original))
        .flatMap((s) => s.ejercicios.map((e) => e.ejercicio_id)),
    );
    const replacement = offered[findExercise(original)!.patron]!.find((id) => !busy.has(id))!;
    expect(replacement).toBeDefined();
    const swapped = await runWithSwap({ value: replacement, count: 1 });
    expect(swapped.status, swapped.error_message ?? '').toBe('completed');
    const after = await weeksOf(swapped);
    expect(after.planned).toMatchObject({ sesiones: planned.sesiones });
    const shape = (week: Week, rename = (id: string) => id) =>
      week.sesiones.map((s) => ({
        dia: s.dia,
        minutos: s.duracion_min,
        ejercicios: s.ejercicios.map((e) => `${rename(e.ejercicio_id)}×${e.series}`),
      }));
    expect(shape(after.safe)).toEqual(shape(planned, (id) => (id === original ? replacement : id)));
    expect(JSON.stringify(after.safe.sesiones)).not.toContain(`"${original}"`);

    // What nutrition computed from E5's week is what E9 stored from E6's.
    const nutrition = (await repos.nutritionPlans.get(swapped.result.nutrition_plan_id!))!;
    const bridge = after.training.bridge_for_nutrition as {
      sesiones_semana: number;
      minutos_semana: number;
      semana: Array<{ dia: string; tipo_dia: string }>;
    };
    const metabolism = nutrition.nutrition.metabolism as { entradas: Record<string, unknown> };
    expect(metabolism.entradas).toMatchObject({
      sesiones_semana: bridge.sesiones_semana,
      minutos_semana: bridge.minutos_semana,
    });
    const week = nutrition.nutrition.weekly_structure as { semana: Array<{ dia: string; tipo_dia: string }> };
    expect(week.semana.map((d) => `${d.dia}:${d.tipo_dia}`)).toEqual(
      bridge.semana.map((d) => `${d.dia}:${d.tipo_dia}`),
    );

    // A swap to another kind of movement would keep E5's sets and reps on it: back to the model.
    const otherPattern = Object.entries(offered).find(
      ([patron]) => patron !== findExercise(original)!.patron,
    )![1][0]!;
    const repaired = await runWithSwap({ value: otherPattern, count: 1 });
    expect(repaired.status, repaired.error_message ?? '').toBe('completed');
    expect(llm.requests.filter((r) => r.agent === 'E6').map((r) => r.repair)).toEqual([false, true]);
    expect(repaired.execution_log.some((e) => e.agent_id === 'E6' && e.event === 'retry')).toBe(true);
    expect(JSON.stringify((await weeksOf(repaired)).safe.sesiones)).toContain(`"${original}"`);

    // A model that insists on swapping what is not there: the job fails, naming it.
    const failed = await runWithSwap({ field: 'no_planificado', value: 'x', count: 20 });
    expect(failed).toMatchObject({ status: 'failed', error_reason: 'invalid_output' });
    expect(failed.error_message).toMatch(/no_planificado no está en la semana/);
    llm.faults.clear();
  });

  it('every agent prompt stays under its token budget; a training plan costs a fraction of the original', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'full');
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const first = llm.requests.filter((r) => !r.repair);
    // E9 is written by code: 17 LLM calls.
    expect(first.map((r) => r.agent).sort()).toHaveLength(17);
    for (const request of first) {
      expect({ agent: request.agent, tokens: request.promptTokens }).toEqual({
        agent: request.agent,
        tokens: expect.any(Number),
      });
      expect(request.promptTokens, `prompt of ${request.agent}`).toBeLessThan(
        PROMPT_BUDGET_BY_AGENT[request.agent ?? ''] ?? PROMPT_BUDGET,
      );
    }
    const trainingTokens = first
      .filter((r) => r.agent?.startsWith('E'))
      .reduce((s, r) => s + r.promptTokens + r.completionTokens, 0);
    expect(trainingTokens).toBeLessThan(45_000 / 2);
    expect(job.token_usage.total_tokens).toBe(
      first.reduce((s, r) => s + r.promptTokens + r.completionTokens, 0),
    );
    expect(job.cost_usd).toBeGreaterThan(0);
  });

  it('a resumed job re-runs only the unfinished agents (tokens show it)', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    // E6's request dies (the endpoint is unreachable): the job waits offline after E1–E5 are checkpointed.
    llm.faults.add([{ type: 'refuse', agent: 'E6', count: 1 }]);
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const perAgent = (id: string) => llm.requests.filter((r) => r.agent === id).length;
    for (const id of ['E1', 'E2', 'E3', 'E4', 'E5']) expect(perAgent(id), id).toBe(1);
    expect(perAgent('E6')).toBe(2);
    expect(job.attempts).toBe(1); // the offline wait gave its attempt back
    expect(job.execution_log.map((e) => e.event)).toContain('waiting');
    // Tokens are counted once per agent: the replayed checkpoints add nothing.
    expect(Object.keys(job.token_usage.by_agent)).toHaveLength(9);
    // The log says once that E1–E5 were done, and once that the resume restored them.
    const completed = job.execution_log
      .filter((e) => e.event === 'agent_completed')
      .map((e) => e.agent_id)
      .sort();
    expect(completed).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
    expect(job.execution_log.filter((e) => e.event === 'steps_restored').map((e) => e.message)).toEqual([
      'Reanudando: 5 agente(s) recuperado(s) de intentos anteriores (E1, E2, E3, E4, E5)',
    ]);
  });

  it('a nutrition-only job uses the latest training plan’s bridge', async () => {
    const { jobId, userId, submissionId } = await createSubmissionAndJob(
      testDb.db,
      PROFILES['vegetarianoVolumen']!,
      'training',
    );
    const training = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    const { enqueue } = await import('../../../src/main/queue');
    const { getCollections } = await import('../../../src/main/db/collections');
    const nutritionJob = await enqueue(getCollections(testDb.db).jobs, {
      user_id: userId,
      submission_id: submissionId,
      type: 'nutrition',
    });
    llm.requests.length = 0;
    const done = await runJobToEnd(nutritionJob._id, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(done.status).toBe('completed');
    const plan = await createRepositories(testDb.db).nutritionPlans.get(done.result.nutrition_plan_id!);
    expect(plan?.training_plan_id).toBe(training.result.training_plan_id);
    const n1 = llm.requests.find((r) => r.agent === 'N1');
    expect(n1).toBeDefined();
    expect(llm.requests.some((r) => r.agent?.startsWith('E'))).toBe(false);
  });

  it('a follow-up block builds on the previous plan (E1, E4, E5 receive it)', async () => {
    const first = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    const previous = await runJobToEnd(first.jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    const { enqueue } = await import('../../../src/main/queue');
    const { getCollections } = await import('../../../src/main/db/collections');
    const next = await enqueue(getCollections(testDb.db).jobs, {
      user_id: first.userId,
      submission_id: first.submissionId,
      type: 'training',
      previous_training_plan_id: previous.result.training_plan_id,
    });
    const done = await runJobToEnd(next._id, { db: testDb.db, settings: pipelineSettings(llm) });
    const plan = (await createRepositories(testDb.db).trainingPlans.get(done.result.training_plan_id!))!;
    expect(plan.previous_training_plan_id).toBe(previous.result.training_plan_id);
    expect(
      (plan.training.client_summary as { progreso_previo: string | null }).progreso_previo,
    ).not.toBeNull();
    expect((plan.training.mesocycle as { progresion: string }).progresion).toMatch(/bloque anterior/);
  });
});

describe('LLM faults', () => {
  it('429 with Retry-After, 500 and malformed / schema-violating JSON are retried or repaired and logged', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['veganaRecomposicion']!, 'training');
    llm.faults.add([
      { type: 'rate_limit', agent: 'E1', retry_after_s: 0.05, count: 2 },
      { type: 'server_error', agent: 'E2', status: 503, count: 1 },
      { type: 'malformed_json', agent: 'E3', count: 1 },
      { type: 'schema_violation', agent: 'E4', count: 1 },
    ]);
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const retries = job.execution_log.filter((e) => e.event === 'retry');
    expect(retries.filter((e) => e.agent_id === 'E1')).toHaveLength(2);
    expect(retries.filter((e) => e.agent_id === 'E2')).toHaveLength(1);
    expect(retries.find((e) => e.agent_id === 'E3')?.message).toMatch(/reparación/);
    expect(retries.find((e) => e.agent_id === 'E4')?.message).toMatch(/reparación/);
    expect(job.attempts).toBe(1);
  });

  it('a repair round sends its prompt again: served from the provider’s cache, counted and priced as cached', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'training');
    llm.requests.length = 0;
    llm.faults.add([{ type: 'schema_violation', agent: 'E5', count: 1 }]);
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const e5 = llm.requests.filter((r) => r.agent === 'E5');
    expect(e5).toHaveLength(2);
    // The repair's prompt starts with the whole first prompt (system, task, then the data).
    expect(e5[1]!.cachedTokens).toBeGreaterThanOrEqual(1024);
    const cached = e5.reduce((sum, r) => sum + r.cachedTokens, 0);
    expect(job.token_usage.by_agent['E5']?.cached_tokens).toBe(cached);
    expect(job.token_usage.total_cached_tokens).toBeGreaterThanOrEqual(cached);
    const step = await getCollections(testDb.db).steps.findOne({ job_id: jobId, agent_id: 'E5' });
    const usage = step!.usage;
    expect(step!.cost_usd).toBeCloseTo(costUsd(usage, 'gpt-5-mini', DEFAULT_PRICES)!, 10);
    // Cheaper than the same tokens at the full input price.
    expect(step!.cost_usd!).toBeLessThan(
      costUsd({ ...usage, cached_tokens: 0 }, 'gpt-5-mini', DEFAULT_PRICES)!,
    );
    const plan = await createRepositories(testDb.db).trainingPlans.get(job.result.training_plan_id!);
    expect(plan?.metrics.cached_tokens).toBe(job.token_usage.total_cached_tokens);
  });

  it('a request that hangs past the timeout is retried; too many failures fail the job with llm_error', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    llm.faults.add([{ type: 'hang', agent: 'E1', count: 1 }]);
    const ok = await runJobToEnd(jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm, { llmTimeoutMs: 300 }),
    });
    expect(ok.status).toBe('completed');
    expect(ok.execution_log.some((e) => e.agent_id === 'E1' && /a tiempo/.test(e.message))).toBe(true);

    const second = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    llm.faults.add([{ type: 'server_error', agent: 'E1', status: 500, count: 100 }]);
    const failed = await runJobToEnd(second.jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm, { llmMaxRetries: 1 }),
    });
    expect(failed).toMatchObject({ status: 'failed', error_reason: 'llm_error', attempts: 3 });
  });
});

describe('Retry-After', () => {
  it('a 429 waits what the server asks, not the (much shorter) backoff', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    llm.faults.add([{ type: 'rate_limit', agent: 'E1', retry_after_s: 0.6, count: 1 }]);
    const job = await runJobToEnd(jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm, { llmRetryBaseMs: 1, llmRetryMaxMs: 5_000 }),
    });
    expect(job.status).toBe('completed');
    const retry = job.execution_log.find((e) => e.event === 'retry' && e.agent_id === 'E1');
    expect(retry?.message).toMatch(/429.*reintento 1\/3 en 600 ms/);
    const e1 = llm.requests.filter((r) => r.agent === 'E1');
    expect(e1[1]!.startedAt - e1[0]!.finishedAt).toBeGreaterThanOrEqual(590);
  });
});

describe('Cost with a model missing from the price table', () => {
  const UNPRICED = 'modelo-sin-precio';

  it('the step cost is null, the job names the model, the plan total is null; priced agents keep their cost', async () => {
    const modelFor = (id: string): string => (id === 'E2' || id === 'E7' ? UNPRICED : 'gpt-5-mini');
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'full');
    // A resume in between (E6 unreachable once): the name survives it and is not repeated.
    llm.faults.add([{ type: 'refuse', agent: 'E6', count: 1 }]);
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm, { modelFor }) });
    expect(job.status).toBe('completed');
    expect(job.execution_log.map((e) => e.event)).toContain('waiting');

    const repositories = createRepositories(testDb.db);
    const steps = await repositories.steps.listForJob(jobId);
    const step = (id: string) => steps.find((s) => s.agent_id === id)!;
    for (const id of ['E2', 'E7'])
      expect(step(id), id).toMatchObject({ cost_usd: null, model: UNPRICED, requested_model: UNPRICED });
    // E9 is written by code: no model, no cost.
    expect(step('E9')).toMatchObject({ cost_usd: 0, model: 'code' });
    const priced = steps.filter((s) => !['E2', 'E7', 'E9'].includes(s.agent_id));
    expect(priced).toHaveLength(15);
    for (const s of priced) expect(s.cost_usd, s.agent_id).toBeGreaterThan(0);

    // The job: the unknown agents add no 0; their model is named once; tokens are still all counted.
    expect(job.unpriced_models).toEqual([UNPRICED]);
    expect(job.cost_usd).toBeCloseTo(
      priced.reduce((sum, s) => sum + s.cost_usd!, 0),
      8,
    );
    expect(knownJobCost(job)).toBeNull();
    expect(toPublicJob(job).unpriced_models).toEqual([UNPRICED]);
    expect(Object.keys(job.token_usage.by_agent)).toHaveLength(18);

    // The training plan ran E2 and E7 unpriced: its total is unknown, its priced agents keep their cost.
    const training = (await repositories.trainingPlans.get(job.result.training_plan_id!))!;
    expect(training.metrics.cost_usd).toBeNull();
    expect(training.metrics.unpriced_models).toEqual([UNPRICED]);
    expect(training.metrics.by_agent['E2']?.cost_usd).toBeNull();
    expect(training.metrics.by_agent['E7']?.cost_usd).toBeNull();
    expect(training.metrics.by_agent['E1']?.cost_usd).toBe(step('E1').cost_usd);
    expect(training.metrics.by_agent['E1']?.cost_usd).toBeGreaterThan(0);
    // The nutrition plan's agents all had a price: its total is known.
    const nutrition = (await repositories.nutritionPlans.get(job.result.nutrition_plan_id!))!;
    const nutritionSteps = steps.filter((s) => s.agent_id.startsWith('N'));
    expect(nutrition.metrics.unpriced_models).toEqual([]);
    expect(nutrition.metrics.cost_usd).toBeCloseTo(
      nutritionSteps.reduce((sum, s) => sum + s.cost_usd!, 0),
      6,
    );
  });

  it('a checkpoint with an unknown price, replayed by a job that never counted it, still makes the cost unknown', async () => {
    const db = testDb.db;
    const first = await createSubmissionAndJob(db, PROFILES['celiacaEnCasa']!, 'training');
    await runJobToEnd(first.jobId, {
      db,
      settings: pipelineSettings(llm, { modelFor: (id) => (id === 'E3' ? UNPRICED : 'gpt-5-mini') }),
    });
    // The worker died right after E3's checkpoint: the new job's document never recorded it.
    const crashed = await enqueue(getCollections(db).jobs, {
      user_id: first.userId,
      submission_id: first.submissionId,
      type: 'training',
    });
    const { steps } = getCollections(db);
    const paid = (await steps.findOne({ job_id: first.jobId, agent_id: 'E3' }))!;
    expect(paid.cost_usd).toBeNull();
    await steps.insertOne({ ...paid, _id: stepId(crashed._id, 'E3'), job_id: crashed._id });

    // Every agent now has a price; only the replayed E3 does not.
    const job = await runJobToEnd(crashed._id, { db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    expect(job.token_usage.by_agent['E3']).toEqual(paid.usage);
    expect(job.unpriced_models).toEqual([UNPRICED]);
    expect(knownJobCost(job)).toBeNull();
    const plan = (await createRepositories(db).trainingPlans.get(job.result.training_plan_id!))!;
    expect(plan.metrics.cost_usd).toBeNull();
    expect(plan.metrics.unpriced_models).toEqual([UNPRICED]);
  });
});
