import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenerationJob } from '../../../src/shared/job';
import type { JobEvent } from '../../../src/shared/job-events';
import { shownWeek } from '../../../src/shared/plan-edits/training-week';
import { RegenerateBodySchema } from '../../../src/shared/plan-regeneration';
import { contentOf } from '../../../src/shared/plan-versions';
import { DomainError } from '../../../src/main/application/domain-error';
import { savePlanEdits } from '../../../src/main/application/plan-editing';
import { regeneratePlanPart } from '../../../src/main/application/plan-regeneration';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { claimNextJob, enqueue } from '../../../src/main/queue';
import { AgentPipeline } from '../../../src/main/pipeline/agent-pipeline';
import { commitRegeneration } from '../../../src/main/pipeline/regeneration';
import type { PipelineContext } from '../../../src/main/pipeline/pipeline-types';
import { JobRun } from '../../../src/main/worker/job-run';
import {
  SimulatedPipeline,
  SimulatedPipelineConfigSchema,
} from '../../../src/main/worker/simulated-pipeline';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const llm = new FakeLlmServer();
beforeAll(() => llm.start());
afterAll(() => llm.stop());

/** Every chat request the pipeline sent: the agent (its schema name) and all its message text. */
interface SentPrompt {
  agent: string;
  text: string;
}
let sent: SentPrompt[] = [];
beforeEach(() => {
  llm.faults.clear();
  llm.requests.length = 0;
  sent = [];
});

const recordingFetch: typeof fetch = async (input, init) => {
  if (typeof init?.body === 'string') {
    const body = JSON.parse(init.body) as {
      messages: Array<{ content: unknown }>;
      response_format?: { json_schema?: { name?: string } };
    };
    sent.push({
      agent: (body.response_format?.json_schema?.name ?? '').replace('edn360_', ''),
      text: body.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n'),
    });
  }
  return fetch(input, init);
};

function settings() {
  return pipelineSettings(llm, {
    client: new OpenAI({ baseURL: llm.baseUrl, apiKey: 'sk-fake', maxRetries: 0, fetch: recordingFetch }),
  });
}

type JobPipelineLike = ConstructorParameters<typeof JobRun>[1]['pipeline'];

/** Like runJobToEnd, keeping the events the worker emits. */
async function runWithEvents(
  jobId: string,
  pipeline: JobPipelineLike = new AgentPipeline(settings()),
): Promise<{ job: GenerationJob; events: JobEvent[] }> {
  const jobs = getCollections(testDb.db).jobs;
  const events: JobEvent[] = [];
  for (let run = 0; run < 4; run++) {
    const current = await jobs.findOne({ _id: jobId });
    if (!current) throw new Error('job vanished');
    if (current.status === 'completed' || current.status === 'failed') return { job: current, events };
    await jobs.updateOne({ _id: jobId, status: 'pending' }, { $set: { run_after: new Date(0) } });
    const claimed = await claimNextJob(jobs, { owner: 'test', leaseMs: 60_000 });
    if (claimed?._id !== jobId) throw new Error('expected to claim the job under test');
    await new JobRun(claimed, {
      jobs,
      repositories: createRepositories(testDb.db),
      pipeline,
      settings: {
        leaseMs: 60_000,
        heartbeatMs: 1_000,
        jobTimeoutMs: 120_000,
        offlineBaseMs: 10,
        offlineMaxMs: 20,
        retryBaseMs: 10,
        retryMaxMs: 20,
      },
      emit: (event) => events.push(event),
      log: () => undefined,
    }).execute();
  }
  throw new Error('job did not settle');
}

function deps() {
  const jobs = getCollections(testDb.db).jobs;
  return {
    repositories: createRepositories(testDb.db),
    queue: { enqueue: (input: Parameters<typeof enqueue>[1]) => enqueue(jobs, input) },
  };
}

async function generated(type: 'training' | 'nutrition'): Promise<string> {
  const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, type);
  const job = await runJobToEnd(jobId, { db: testDb.db, settings: settings() });
  expect(job.status).toBe('completed');
  return (type === 'training' ? job.result.training_plan_id : job.result.nutrition_plan_id)!;
}

const NOTE = 'más trabajo de glúteo, sin saltos';

describe('regenerate a part of a plan with a note (issue #16 point 5)', () => {
  it('"redo session 1": only E5–E9 run, the note reaches them, v3 keeps the coach\'s other sessions', async () => {
    const planId = await generated('training');
    const repos = createRepositories(testDb.db);
    // v2: the coach edits session 0 (a note and one more set on its first exercise).
    const v1 = (await repos.trainingPlans.get(planId))!;
    const firstSets = shownWeek(v1)!.sessions[0]!.ejercicios[0]!.series;
    const edit = await savePlanEdits(repos, {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      edits: [
        {
          type: 'set_prescription',
          session: 0,
          exercise: 0,
          series: Math.min(firstSets + 1, 10),
          notas: 'Editado por el coach',
        },
      ],
      via: 'desktop',
    });
    expect(edit.version).toBe(2);
    const v2 = (await repos.trainingPlans.get(planId))!;
    const v2Week = shownWeek(v2)!;
    expect(v2Week.sessions.length).toBeGreaterThan(1);

    sent = [];
    llm.requests.length = 0;
    const job = await regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 2,
      scope: { type: 'session', session: 1 },
      note: `  ${NOTE}  `,
      via: 'desktop',
    });
    expect(job.type).toBe('training');
    expect(job.regeneration).toEqual({
      kind: 'training',
      plan_id: planId,
      base_version: 2,
      scope: { type: 'session', session: 1 },
      note: NOTE,
      via: 'desktop',
    });
    expect(job.progress.total_steps).toBe(5);

    const { job: done, events } = await runWithEvents(job._id);
    expect(done.status, done.error_message ?? '').toBe('completed');
    expect(done.result).toEqual({ training_plan_id: planId, nutrition_plan_id: null });

    // Only the affected agents were called (E9 is written by code); E1–E4 came from v2 for free.
    const called = llm.requests.filter((r) => !r.repair).map((r) => r.agent);
    expect([...called].sort()).toEqual(['E5', 'E6', 'E7', 'E8']);
    // The note reaches every re-run agent but the auditor, labelled, with the safety rule.
    for (const prompt of sent.filter((p) => p.agent !== 'E8')) {
      expect(prompt.text, prompt.agent).toContain(`NOTA DEL ENTRENADOR: `);
      expect(prompt.text, prompt.agent).toContain(NOTE);
      expect(prompt.text, prompt.agent).toContain('Nunca prevalece sobre las reglas de seguridad');
    }
    expect(sent.find((p) => p.agent === 'E8')?.text).not.toContain(NOTE);

    // Progress after every re-run agent; the cost is only theirs.
    const ran = new Set(
      events.filter((e) => e.type === 'progress').flatMap((e) => e.job.progress.running_agents),
    );
    expect([...ran].sort()).toEqual(['E5', 'E6', 'E7', 'E8', 'E9']);
    expect(events.at(-1)?.type).toBe('completed');
    expect(Object.keys(done.token_usage.by_agent).sort()).toEqual(['E5', 'E6', 'E7', 'E8', 'E9']);
    const llmTokens = llm.requests.reduce((s, r) => s + r.promptTokens + r.completionTokens, 0);
    expect(done.token_usage.total_tokens).toBe(llmTokens);
    expect(done.cost_usd).toBeGreaterThan(0);
    expect(done.progress.percentage).toBe(100);
    const completedLog = done.execution_log
      .filter((e) => e.event === 'agent_completed')
      .map((e) => e.agent_id);
    expect(completedLog.sort()).toEqual(['E5', 'E6', 'E7', 'E8', 'E9']);

    // v3: regenerated by this job, on top of v2, with the coach's note.
    const v3 = (await repos.trainingPlans.get(planId))!;
    expect(v3.version).toBe(3);
    const versions = await repos.planVersions.list(planId);
    expect(versions.at(-1)).toMatchObject({
      version: 3,
      origin: 'regenerated',
      job_id: job._id,
      note: NOTE,
      based_on: 2,
      author: { via: 'desktop' },
    });
    // Upstream fields are v2's; every session but #1 is v2's (the coach's edit kept).
    for (const field of ['client_summary', 'capacity', 'adaptation', 'mesocycle'] as const) {
      expect(v3.training[field], field).toEqual(v2.training[field]);
    }
    const v3Week = shownWeek(v3)!;
    expect(v3Week.sessions).toHaveLength(v2Week.sessions.length);
    v3Week.sessions.forEach((session, k) => {
      if (k !== 1) expect(session, `session ${k}`).toEqual(v2Week.sessions[k]);
    });
    expect(v3Week.sessions[1]!.dia).toBe(v2Week.sessions[1]!.dia);
    expect(v3Week.sessions[0]!.ejercicios[0]!.notas).toBe('Editado por el coach');
    // No second plan document.
    expect(await getCollections(testDb.db).trainingPlans.countDocuments({ user_id: v1.user_id })).toBe(1);
    expect(contentOf(v3, 'training')['audit']).toBeDefined();
  });

  it('"redo nutrition days" (menus): only N6 and the auditor N8 run (N7 does not read the menus), the rest stay the plan\'s', async () => {
    const planId = await generated('nutrition');
    const repos = createRepositories(testDb.db);
    const v1 = (await repos.nutritionPlans.get(planId))!;
    sent = [];
    llm.requests.length = 0;
    const job = await regeneratePlanPart(deps(), {
      kind: 'nutrition',
      plan_id: planId,
      base_version: 1,
      scope: { type: 'menus' },
      note: 'sin lácteos por la mañana',
      via: 'api',
    });
    expect(job.progress.total_steps).toBe(2);
    const { job: done } = await runWithEvents(job._id);
    expect(done.status, done.error_message ?? '').toBe('completed');
    expect(done.result).toEqual({ training_plan_id: null, nutrition_plan_id: planId });
    expect(
      llm.requests
        .filter((r) => !r.repair)
        .map((r) => r.agent)
        .sort(),
    ).toEqual(['N6', 'N8']);
    expect(sent.find((p) => p.agent === 'N6')?.text).toContain('sin lácteos por la mañana');
    const v2 = (await repos.nutritionPlans.get(planId))!;
    expect(v2.version).toBe(2);
    for (const field of [
      'profile',
      'metabolism',
      'energy_strategy',
      'macro_design',
      'weekly_structure',
      'timing_plan',
      'adherence_report',
    ] as const) {
      expect(v2.nutrition[field], field).toEqual(v1.nutrition[field]);
    }
    expect((await repos.planVersions.list(planId)).map((v) => [v.version, v.origin, v.author.via])).toEqual([
      [1, 'generated', 'pipeline'],
      [2, 'regenerated', 'api'],
    ]);
  });

  it('a coach save that lands while the job runs is never undone: the job fails naming base_version', async () => {
    const planId = await generated('training');
    const repos = createRepositories(testDb.db);
    const job = await regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      scope: { type: 'session', session: 0 },
      note: NOTE,
      via: 'desktop',
    });
    // Enqueued on v1; before the worker gets to it the coach saves v2 from another window.
    await savePlanEdits(repos, {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      edits: [{ type: 'set_prescription', session: 1, exercise: 0, series: 5 }],
      via: 'desktop',
    });
    const v2 = (await repos.trainingPlans.get(planId))!;
    const { job: done } = await runWithEvents(job._id);
    expect(done.status).toBe('failed');
    expect(done.error_reason).toBe('validation_error');
    expect(done.error_fields?.[0]?.field).toBe('base_version');
    expect(done.error_message).toMatch(/versión 2 mientras se regeneraba la versión 1/);
    // Nothing overwritten: still v2, the coach's content, two versions.
    const after = (await repos.trainingPlans.get(planId))!;
    expect(after.version).toBe(2);
    expect(after.training).toEqual(v2.training);
    expect(await repos.planVersions.list(planId)).toHaveLength(2);
  });

  it('refuses a stale base version and a session that does not exist, enqueuing nothing', async () => {
    const planId = await generated('training');
    const jobs = getCollections(testDb.db).jobs;
    const before = await jobs.countDocuments();
    const stale = regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 2,
      scope: { type: 'from_agent', agent: 'E7' },
      note: NOTE,
      via: 'api',
    });
    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({
      code: 'plan_version_conflict',
      fields: [expect.objectContaining({ field: 'base_version' })],
    });
    const outOfRange = regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      scope: { type: 'session', session: 40 },
      note: NOTE,
      via: 'api',
    });
    await expect(outOfRange).rejects.toMatchObject({
      code: 'validation_error',
      fields: [expect.objectContaining({ field: 'scope.session' })],
    });
    const wrongChain = regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      scope: { type: 'from_agent', agent: 'N6' },
      note: NOTE,
      via: 'api',
    });
    await expect(wrongChain).rejects.toMatchObject({
      code: 'validation_error',
      fields: [expect.objectContaining({ field: 'scope.agent' })],
    });
    expect(await jobs.countDocuments()).toBe(before);
  });

  it('the HTTP body schema: note trimmed and bounded, unknown scope refused, errors name the field', () => {
    expect(
      RegenerateBodySchema.parse({ base_version: 1, scope: { type: 'menus' }, note: '  sin lácteos  ' }).note,
    ).toBe('sin lácteos');
    const empty = RegenerateBodySchema.safeParse({ base_version: 1, scope: { type: 'menus' }, note: '   ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['note']);
    const long = RegenerateBodySchema.safeParse({
      base_version: 1,
      scope: { type: 'menus' },
      note: 'x'.repeat(501),
    });
    expect(long.error?.issues[0]?.path).toEqual(['note']);
    const badAgent = RegenerateBodySchema.safeParse({
      base_version: 1,
      scope: { type: 'from_agent', agent: 'E10' },
      note: 'a',
    });
    expect(badAgent.error?.issues[0]?.path).toEqual(['scope', 'agent']);
  });

  it('a resumed job that already saved its version does not save a second one', async () => {
    const planId = await generated('training');
    const job = await regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 1,
      scope: { type: 'from_agent', agent: 'E7' },
      note: NOTE,
      via: 'api',
    });
    const repositories = createRepositories(testDb.db);
    const plan = (await repositories.trainingPlans.get(planId))!;
    const context = {
      job,
      repositories,
      log: async () => undefined,
      assertStillOwned: async () => undefined,
    } as unknown as PipelineContext;
    const content = contentOf(plan, 'training');
    const first = await commitRegeneration(context, job.regeneration!, content);
    const again = await commitRegeneration(context, job.regeneration!, content);
    expect(again).toEqual(first);
    expect((await repositories.planVersions.list(planId)).map((v) => v.version)).toEqual([1, 2]);

    // An attempt that claimed v3 and died before the plan showed it: the next attempt rolls it forward.
    const claim = await regeneratePlanPart(deps(), {
      kind: 'training',
      plan_id: planId,
      base_version: 2,
      scope: { type: 'from_agent', agent: 'E9' },
      note: NOTE,
      via: 'api',
    });
    await repositories.planVersions.insert({
      _id: '',
      plan_id: planId,
      kind: 'training',
      user_id: plan.user_id,
      version: 3,
      created_at: new Date(),
      author: { via: 'api' },
      note: NOTE,
      origin: 'regenerated',
      based_on: 2,
      job_id: claim._id,
      delivery: { status: 'deliverable', blocked_by: [], override: null },
      content,
    });
    expect((await repositories.trainingPlans.get(planId))?.version).toBe(2);
    const claimContext = { ...context, job: claim } as PipelineContext;
    await commitRegeneration(claimContext, claim.regeneration!, content);
    expect((await repositories.trainingPlans.get(planId))?.version).toBe(3);
    expect((await repositories.planVersions.list(planId)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('the simulated pipeline (EDN_PIPELINE=simulated) runs only the affected agents and saves a version', async () => {
    const simulated = new SimulatedPipeline(
      SimulatedPipelineConfigSchema.parse({ stepDelayMs: 0 }),
      null,
      null,
    );
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'nutrition');
    const { job: first } = await runWithEvents(jobId, simulated);
    expect(first.status).toBe('completed');
    const planId = first.result.nutrition_plan_id!;
    const job = await regeneratePlanPart(deps(), {
      kind: 'nutrition',
      plan_id: planId,
      base_version: 1,
      scope: { type: 'menus' },
      note: 'sin lácteos por la mañana',
      via: 'desktop',
    });
    const { job: done, events } = await runWithEvents(job._id, simulated);
    expect(done.status, done.error_message ?? '').toBe('completed');
    const started = events.filter((e) => e.type === 'progress' && e.job.progress.current_agent !== null);
    expect(started.map((e) => e.job.progress.current_agent)).toEqual(['N6', 'N8']);
    expect(done.result.nutrition_plan_id).toBe(planId);
    const versions = await createRepositories(testDb.db).planVersions.list(planId);
    expect(versions.at(-1)).toMatchObject({ version: 2, origin: 'regenerated', job_id: job._id });
  });
});
