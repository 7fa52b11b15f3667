import type { JobProgress, JobType } from '../../src/shared/job';
import { getCollections } from '../../src/main/db/collections';
import type { AgentId } from '../../src/main/pipeline/agent-definition';
import { AGENTS } from '../../src/main/pipeline/agents/registry';
import { criticalPath } from '../../src/main/pipeline/critical-path';
import { planAgents } from '../../src/main/pipeline/orchestrator';
import { DEFAULT_PRICES } from '../../src/shared/pricing';
import { FakeLlmServer, type LatencyModel } from '../../test/support/fake-llm/server';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../test/support/pipeline-harness';
import { PROFILES } from '../../test/support/profiles';
import type { BenchContext } from '../lib/context';
import type { Figure } from '../lib/report';
import { distribution } from '../lib/stats';

const SECTION = 'pipeline';

/**
 * A real model answers after a time to first token and then streams at a steady rate; the
 * completion lengths come from the fake's deterministic answers (o200k-counted). 0.8 s + 75 tok/s
 * is a typical small hosted model; scaled 1/20 in time so a full plan takes seconds, not minutes.
 * Both runs of a pair see the same model, so the ratio does not depend on the scale.
 */
export const LATENCY_MODEL: LatencyModel = { ttftMs: 40, tokensPerSecond: 1_500 };
/** The worker's 1 s between streamed progress writes, on the latency model's 1/20 time scale. */
const PROGRESS_INTERVAL_MS = 1_000 / 20;
/** The pipeline's default `EDN_PIPELINE_CONCURRENCY`. */
const DAG_CONCURRENCY = 3;
/** What the original system spent per training plan (docs/ARCHITECTURE.md "The agents"): every agent got the whole context. */
const ORIGINAL_TRAINING_TOKENS = 45_000;
const MODEL = 'gpt-5-mini';

export async function pipelineFigures(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  const db = await ctx.freshDb('pipeline');
  const llm = new FakeLlmServer();
  await llm.start();
  try {
    // Tokens and cost per plan: every profile (varied clients, the original's free-text format) × type.
    const profiles = Object.keys(PROFILES);
    const types: JobType[] = ['training', 'nutrition', 'full'];
    const usage = new Map<
      JobType,
      { prompt: number[]; cached: number[]; completion: number[]; cost: number[]; calls: number[] }
    >(types.map((t) => [t, { prompt: [], cached: [], completion: [], cost: [], calls: [] }]));
    for (const profile of profiles) {
      for (const type of types) {
        const { jobId } = await createSubmissionAndJob(db, PROFILES[profile]!, type);
        const before = llm.requests.length;
        const job = await runJobToEnd(jobId, { db, settings: pipelineSettings(llm) });
        if (job.status !== 'completed') throw new Error(`${type} plan for ${profile} ended ${job.status}`);
        const u = usage.get(type)!;
        u.prompt.push(job.token_usage.total_prompt_tokens);
        u.cached.push(job.token_usage.total_cached_tokens ?? 0);
        u.completion.push(job.token_usage.total_completion_tokens);
        u.cost.push(job.cost_usd);
        // Every request the endpoint saw, repair rounds included.
        u.calls.push(llm.requests.length - before);
      }
    }
    const price = DEFAULT_PRICES[MODEL]!;
    const priceNote = `${MODEL} at $${price.input_per_1m}/1M in, $${price.output_per_1m}/1M out (default price table)`;
    for (const type of types) {
      const u = usage.get(type)!;
      const prompt = distribution(u.prompt);
      const completion = distribution(u.completion);
      const total = distribution(u.prompt.map((p, i) => p + u.completion[i]!));
      figures.push(
        {
          section: SECTION,
          name: `LLM calls per ${type} plan`,
          unit: 'calls',
          distribution: distribution(u.calls),
          note: `${planAgents(type, AGENTS).length} agents; repair rounds counted`,
        },
        { section: SECTION, name: `prompt tokens per ${type} plan`, unit: 'tokens', distribution: prompt },
        {
          section: SECTION,
          name: `of them served from the prompt cache, per ${type} plan`,
          unit: 'tokens',
          distribution: distribution(u.cached),
          note: 'the fake caches as OpenAI does: prefixes of ≥ 1 024 tokens, in steps of 128, across all plans of the run',
        },
        {
          section: SECTION,
          name: `completion tokens per ${type} plan`,
          unit: 'tokens',
          distribution: completion,
          note: 'completion = the fake LLM’s schema-valid answers, counted with o200k',
        },
        {
          section: SECTION,
          name: `cost per ${type} plan`,
          unit: 'USD',
          distribution: distribution(u.cost),
          note: priceNote,
        },
      );
      if (type === 'training') {
        figures.push({
          section: SECTION,
          name: 'total tokens per training plan vs the original',
          unit: 'tokens',
          distribution: total,
          ratio: { value: total.p50 / ORIGINAL_TRAINING_TOKENS, of: 'ours p50 / original ~45 000' },
          original: '~45 000 tokens per training plan',
        });
      }
    }

    // Wall time of a full plan: the DAG against the same agents strictly one after another.
    llm.setLatency(LATENCY_MODEL);
    const pairs = ctx.quick ? 3 : 10;
    const dag: number[] = [];
    const sequential: number[] = [];
    const critical: number[] = [];
    const gaps = { any: [] as number[], steps: [] as number[] };
    const fullPlan = planAgents('full', AGENTS);
    const run = async (concurrency: number): Promise<number> => {
      const { jobId } = await createSubmissionAndJob(db, PROFILES['rodillaLactosa']!, 'full');
      const events: ProgressMark[] = [];
      const t0 = performance.now();
      const job = await runJobToEnd(jobId, {
        db,
        settings: pipelineSettings(llm, { maxConcurrency: concurrency }),
        progressIntervalMs: PROGRESS_INTERVAL_MS,
        emit: (event) => events.push({ at: performance.now(), progress: event.job.progress }),
      });
      if (job.status !== 'completed') throw new Error(`full plan ended ${job.status}`);
      const seconds = (performance.now() - t0) / 1000;
      if (concurrency > 1) {
        // This run's own agent times: the shortest wall time any schedule of this DAG could reach.
        const steps = await getCollections(db).steps.find({ job_id: jobId }).toArray();
        const took = new Map(steps.map((s) => [s.agent_id, s.duration_ms]));
        critical.push(criticalPath(fullPlan, (id: AgentId) => took.get(id) ?? 0).length / 1000);
        const largest = largestGaps(events);
        gaps.any.push(largest.any);
        gaps.steps.push(largest.steps);
      }
      return seconds;
    };
    await run(DAG_CONCURRENCY); // warm-up: JIT, connection pools, catalog load
    critical.length = 0;
    gaps.any.length = 0;
    gaps.steps.length = 0;
    for (let i = 0; i < pairs; i++) {
      // Alternate which goes first so drift on a noisy machine does not favour one side.
      if (i % 2 === 0) {
        dag.push(await run(DAG_CONCURRENCY));
        sequential.push(await run(1));
      } else {
        sequential.push(await run(1));
        dag.push(await run(DAG_CONCURRENCY));
      }
      ctx.log(
        `pipeline: pair ${i + 1}/${pairs} dag ${dag.at(-1)!.toFixed(2)} s, sequential ${sequential.at(-1)!.toFixed(2)} s`,
      );
    }
    const dagD = distribution(dag);
    const seqD = distribution(sequential);
    const criticalD = distribution(critical);
    const path = criticalPath(fullPlan, () => 1);
    const model = `fake LLM: ${LATENCY_MODEL.ttftMs} ms to first token + ${LATENCY_MODEL.tokensPerSecond} tokens/s`;
    figures.push(
      {
        section: SECTION,
        name: `full plan wall time, DAG (${DAG_CONCURRENCY} agents at once)`,
        unit: 's',
        distribution: dagD,
        note: model,
      },
      {
        section: SECTION,
        name: 'full plan critical path (LLM calls one after another)',
        unit: 'calls',
        value: path.length,
        note: `${path.agents.join(' → ')} (of ${fullPlan.length} agents)`,
      },
      {
        section: SECTION,
        name: 'full plan critical path time (each run’s own agent times)',
        unit: 's',
        distribution: criticalD,
        ratio: {
          value: dagD.p50 / criticalD.p50,
          of: 'DAG wall p50 / critical path p50 (1 = as fast as the DAG allows)',
        },
        note: model,
      },
      {
        section: SECTION,
        name: 'full plan wall time, strictly sequential (same agents)',
        unit: 's',
        distribution: seqD,
        ratio: { value: seqD.p50 / dagD.p50, of: 'sequential p50 / DAG p50 (speed-up)' },
        note: model,
      },
    );
    const stepGaps = distribution(gaps.steps);
    const anyGaps = distribution(gaps.any);
    figures.push(
      {
        section: SECTION,
        name: 'largest gap between progress events, agents’ starts and ends only (no streaming)',
        unit: 'ms',
        distribution: stepGaps,
        note: `full plan, DAG; ×20 for a real model: ${Math.round((stepGaps.p50 * 20) / 100) / 10} s`,
      },
      {
        section: SECTION,
        name: 'largest gap between progress events, streamed answers',
        unit: 'ms',
        distribution: anyGaps,
        ratio: { value: anyGaps.p50 / stepGaps.p50, of: 'streamed p50 / starts-and-ends p50' },
        note: `same runs; progress written at most every ${PROGRESS_INTERVAL_MS} ms (1 s ÷ 20); ×20: ${Math.round((anyGaps.p50 * 20) / 100) / 10} s`,
      },
    );
    ctx.param(SECTION, {
      profiles,
      latency_model: LATENCY_MODEL,
      latency_model_meaning: '0.8 s to first token + 75 tokens/s, scaled 1/20 in time',
      dag_concurrency: DAG_CONCURRENCY,
      progress_interval_ms: PROGRESS_INTERVAL_MS,
      pairs,
      model: MODEL,
      prices: price,
    });
  } finally {
    await llm.stop();
  }
  return figures;
}

interface ProgressMark {
  at: number;
  progress: JobProgress;
}

/**
 * The longest the bar stood still in one run, from the first event to the last: counting every
 * event, and counting only those where an agent started or finished (what the bar showed before
 * answers were streamed — the same run, the stream's own writes left out).
 */
function largestGaps(events: readonly ProgressMark[]): { any: number; steps: number } {
  const largest = (marks: readonly ProgressMark[]) =>
    Math.max(0, ...marks.slice(1).map((mark, i) => mark.at - marks[i]!.at));
  const stepMarks = events.filter((mark, i) => {
    const before = events[i - 1]?.progress;
    return (
      !before ||
      i === events.length - 1 ||
      before.completed_steps !== mark.progress.completed_steps ||
      before.running_agents.join() !== mark.progress.running_agents.join()
    );
  });
  return { any: largest(events), steps: largest(stepMarks) };
}
