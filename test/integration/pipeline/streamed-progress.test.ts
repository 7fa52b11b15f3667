import { APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../src/shared/job-events';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { cancelJob } from '../../../src/main/queue';
import { streamCompletion } from '../../../src/main/pipeline/llm/stream-completion';
import { useFakeLlm } from '../../support/fake-llm/use-fake-llm';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';
import { waitFor } from '../../support/worker-harness';

/*
 * Issue #19 point 3: answers are streamed and the job's progress moves while an agent writes, not
 * only when it completes; a cancel cuts a stream half-way. Real queue operations, a real MongoDB wire
 * server, the real `openai` client streaming server-sent events from our fake over HTTP.
 */

const testDb = useTestDatabase();
const llm = useFakeLlm();

/**
 * The agent's requests in the order they were sent: the fake records a cut stream when it notices
 * the closed connection, which may be after the retry has already been answered.
 */
const requestsOf = (agent: string) =>
  llm.requests.filter((r) => r.agent === agent).sort((a, b) => a.startedAt - b.startedAt);

/** The events of one run, with the running agents and percentage each one showed. */
function recorder() {
  const events: JobEvent[] = [];
  return {
    events,
    emit: (event: JobEvent) => events.push(event),
    /** Percentages shown while `agent` was running, before it completed. */
    whileRunning(agent: string): number[] {
      return events
        .filter((e) => e.job.progress.running_agents.includes(agent))
        .map((e) => e.job.progress.percentage);
    },
  };
}

describe('progress within a streamed answer', () => {
  it('every request streams; the percentage rises while E5 writes, from its own start to below its completion', async () => {
    // E5's week is ~1 000 tokens: about 2.5 s at this pace, against a 100 ms progress interval.
    llm.setLatency({ ttftMs: 10, tokensPerSecond: 400 });
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['vegetarianoVolumen']!, 'training');
    const run = recorder();
    const job = await runJobToEnd(jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm),
      emit: run.emit,
      progressIntervalMs: 100,
    });
    expect(job.status, job.error_message ?? '').toBe('completed');
    expect(llm.requests.length).toBeGreaterThan(0);
    expect(llm.requests.every((r) => r.streamed && !r.cut)).toBe(true);

    const during = run.whileRunning('E5');
    const started = during[0]!;
    const completedAt = run.events.find(
      (e) => e.job.progress.completed_steps === 5 && !e.job.progress.running_agents.includes('E5'),
    )!.job.progress.percentage;
    // Several writes while E5 answers, each higher than the last, none reaching E5's completion.
    const rising = during.filter((p, i) => i === 0 || p > during[i - 1]!);
    expect(rising.length, `E5 showed ${during.join(', ')}`).toBeGreaterThanOrEqual(4);
    expect(Math.max(...during)).toBeGreaterThan(started);
    expect(Math.max(...during)).toBeLessThan(completedAt);
    // Never backwards over the whole run.
    const all = run.events.map((e) => e.job.progress.percentage);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    // The tokens the job counts are the streamed usage chunks': the same as the endpoint's.
    expect(job.token_usage.total_completion_tokens).toBe(
      llm.requests.reduce((sum, r) => sum + r.completionTokens, 0),
    );
  }, 60_000);

  it('the expected length of an answer is learned from the agent’s earlier steps (median of the latest)', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'training');
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const steps = createRepositories(testDb.db).steps;
    const [e5] = await steps.recentAnswers('E5', 'gpt-5-mini');
    expect(e5!.tokens).toBe(job.token_usage.by_agent['E5']!.completion_tokens);
    // E9 is written by code: no answer length to learn from.
    expect(await steps.recentAnswers('E9', 'gpt-5-mini')).toEqual([]);
  });
});

describe('a reasoning model', () => {
  it('its thinking is paid and counted, but an answer’s expected length is what it streams', async () => {
    llm.setReasoning(500);
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const e2 = job.token_usage.by_agent['E2']!;
    expect(e2.reasoning_tokens).toBe(500);
    expect(e2.completion_tokens).toBe(llm.requests.find((r) => r.agent === 'E2')!.completionTokens);
    const [latest] = await createRepositories(testDb.db).steps.recentAnswers('E2', 'gpt-5-mini');
    expect(latest!.tokens).toBe(e2.completion_tokens - 500);
  });
});

describe('progress while a reasoning model thinks', () => {
  it('moves by time before the first chunk, against the wait learned from the agent’s earlier answers', async () => {
    // A second of thinking per request; E3's answer itself is short (~80 tokens, ~80 ms).
    llm.setLatency({ ttftMs: 0, tokensPerSecond: 1000 });
    llm.setReasoning(1000);
    // The agents' history is this model's only (earlier tests here answered at once).
    await getCollections(testDb.db).steps.deleteMany({});
    const first = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    expect((await runJobToEnd(first.jobId, { db: testDb.db, settings: pipelineSettings(llm) })).status).toBe(
      'completed',
    );
    const [learned] = await createRepositories(testDb.db).steps.recentAnswers('E3', 'gpt-5-mini');
    expect(learned!.firstTokenMs).toBeGreaterThanOrEqual(950);

    const second = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    const shown: Array<{ at: number; running: string[]; percentage: number }> = [];
    llm.requests.length = 0;
    const job = await runJobToEnd(second.jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm),
      progressIntervalMs: 50,
      emit: (event) =>
        shown.push({
          at: Date.now(),
          running: event.job.progress.running_agents,
          percentage: event.job.progress.percentage,
        }),
    });
    expect(job.status).toBe('completed');
    const asked = llm.requests.find((r) => r.agent === 'E3')!.startedAt;
    // While E3 thinks (no chunk yet): several writes, each higher than the last.
    const thinking = shown
      .filter((e) => e.running.includes('E3') && e.at > asked && e.at < asked + 950)
      .map((e) => e.percentage);
    // Ticks every 250 ms while it thinks: at least two writes before the first chunk (none without).
    expect(thinking.length, thinking.join(', ')).toBeGreaterThanOrEqual(2);
    expect(thinking).toEqual([...new Set(thinking)].sort((a, b) => a - b));
  }, 60_000);
});

describe('a stream that falls silent half-way', () => {
  it('is given up after the timeout and retried like any transient failure', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    llm.faults.add([{ type: 'stall', agent: 'E3', after_tokens: 5, count: 1 }]);
    const job = await runJobToEnd(jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm, { llmTimeoutMs: 300 }),
    });
    expect(job.status, job.error_message ?? '').toBe('completed');
    const e3 = requestsOf('E3');
    expect(e3.map((r) => r.cut)).toEqual([true, false]);
    expect(
      job.execution_log.some(
        (e) => e.agent_id === 'E3' && /dejó de enviar la respuesta a mitad/.test(e.message),
      ),
    ).toBe(true);
  }, 30_000);
});

describe('streams that end badly', () => {
  it('a reset connection or a quiet end before the last chunk is retried, never taken as the answer', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    llm.faults.add([
      { type: 'cut_stream', agent: 'E2', after_tokens: 5, clean: false, count: 1 },
      { type: 'cut_stream', agent: 'E4', after_tokens: 5, clean: true, count: 1 },
    ]);
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status, job.error_message ?? '').toBe('completed');
    for (const agent of ['E2', 'E4'])
      expect(
        llm.requests.filter((r) => r.agent === agent).map((r) => r.repair),
        agent,
      ).toEqual([false, false]);
    const retries = job.execution_log
      .filter((e) => e.event === 'retry')
      .map((e) => `${e.agent_id}: ${e.message}`);
    expect(retries).toEqual([
      expect.stringMatching(/^E2: El servicio de IA cortó la respuesta a mitad/),
      expect.stringMatching(/^E4: La respuesta del servicio de IA llegó incompleta/),
    ]);
    // What was sent before a cut was paid for: counted (chunks exact, the prompt estimated).
    for (const agent of ['E2', 'E4']) {
      const sent = requestsOf(agent);
      expect(sent[0]!.completionTokens, agent).toBe(5);
      expect(job.token_usage.by_agent[agent]!.completion_tokens, agent).toBe(
        sent.reduce((sum, r) => sum + r.completionTokens, 0),
      );
      expect(job.token_usage.by_agent[agent]!.prompt_tokens, agent).toBeGreaterThan(
        sent[1]!.promptTokens * 1.5,
      );
    }
  });

  it('without a usage chunk the tokens are estimated, not counted as free', async () => {
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    llm.faults.add([{ type: 'no_usage', agent: 'E3', count: 1 }]);
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.status).toBe('completed');
    const sent = llm.requests.find((r) => r.agent === 'E3')!;
    const counted = job.token_usage.by_agent['E3']!;
    // One content chunk per token: the completion is exact; the prompt within a third of the truth.
    expect(counted.completion_tokens).toBe(sent.completionTokens);
    expect(counted.prompt_tokens).toBeGreaterThan(sent.promptTokens * 0.66);
    expect(counted.prompt_tokens).toBeLessThan(sent.promptTokens * 1.5);
    const step = await getCollections(testDb.db).steps.findOne({ job_id: jobId, agent_id: 'E3' });
    expect(step!.cost_usd).toBeGreaterThan(0);
  });
});

describe('cancel during a streamed answer', () => {
  it('streamCompletion rejects with the abort, never returns the answer cut so far', async () => {
    llm.setLatency({ ttftMs: 0, tokensPerSecond: 200 });
    const controller = new AbortController();
    const client = pipelineSettings(llm).client;
    const call = streamCompletion(
      client,
      {
        model: 'gpt-5-mini',
        messages: [{ role: 'user', content: 'DATOS (JSON):\n{}' }],
        response_format: { type: 'json_schema', json_schema: { name: 'edn360_E7', schema: {} } },
      },
      { signal: controller.signal, idleMs: 5_000, onChunk: (n) => n === 3 && controller.abort() },
    );
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('cuts the stream at once: no checkpoint for the agent, the request ended before its answer', async () => {
    // E2's short answer takes seconds at this pace: the cancel lands while it streams.
    llm.setLatency({ ttftMs: 10, tokensPerSecond: 40 });
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['celiacaEnCasa']!, 'training');
    const jobs = getCollections(testDb.db).jobs;
    let asked: Promise<unknown> | null = null;
    const job = await runJobToEnd(jobId, {
      db: testDb.db,
      settings: pipelineSettings(llm),
      heartbeatMs: 50,
      progressIntervalMs: 50,
      emit: (event) => {
        const progress = event.job.progress;
        // A write from inside E2's answer: running E2, past E1's share.
        if (asked || !progress.running_agents.includes('E2') || progress.percentage <= (1 / 9) * 100) return;
        asked = cancelJob(jobs, jobId);
      },
    });
    expect(asked).not.toBeNull();
    expect(job).toMatchObject({ status: 'failed', error_reason: 'cancelled' });
    // The fake notices the closed connection at its next write.
    const e2 = await waitFor(
      async () => {
        const seen = llm.requests.filter((r) => r.agent === 'E2');
        return seen.length > 0 && seen;
      },
      2_000,
      'the fake to record E2’s request',
    );
    expect(e2).toHaveLength(1);
    expect(e2[0]!.cut).toBe(true);
    expect(e2[0]!.completionTokens).toBeGreaterThan(0);
    // Nothing more is asked after the cut (no repair round of the half answer).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(llm.requests.filter((r) => r.agent === 'E2')).toHaveLength(1);
    const steps = await createRepositories(testDb.db).steps.listForJob(jobId);
    expect(steps.map((s) => s.agent_id)).toEqual(['E1']);
  }, 60_000);
});
