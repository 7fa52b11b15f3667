import type { JobType } from '../../src/shared/job';
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
    const usage = new Map<JobType, { prompt: number[]; completion: number[]; cost: number[] }>(
      types.map((t) => [t, { prompt: [], completion: [], cost: [] }]),
    );
    for (const profile of profiles) {
      for (const type of types) {
        const { jobId } = await createSubmissionAndJob(db, PROFILES[profile]!, type);
        const job = await runJobToEnd(jobId, { db, settings: pipelineSettings(llm) });
        if (job.status !== 'completed') throw new Error(`${type} plan for ${profile} ended ${job.status}`);
        const u = usage.get(type)!;
        u.prompt.push(job.token_usage.total_prompt_tokens);
        u.completion.push(job.token_usage.total_completion_tokens);
        u.cost.push(job.cost_usd);
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
        { section: SECTION, name: `prompt tokens per ${type} plan`, unit: 'tokens', distribution: prompt },
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
    const run = async (concurrency: number): Promise<number> => {
      const { jobId } = await createSubmissionAndJob(db, PROFILES['rodillaLactosa']!, 'full');
      const t0 = performance.now();
      const job = await runJobToEnd(jobId, {
        db,
        settings: pipelineSettings(llm, { maxConcurrency: concurrency }),
      });
      if (job.status !== 'completed') throw new Error(`full plan ended ${job.status}`);
      return (performance.now() - t0) / 1000;
    };
    await run(DAG_CONCURRENCY); // warm-up: JIT, connection pools, catalog load
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
        name: 'full plan wall time, strictly sequential (same agents)',
        unit: 's',
        distribution: seqD,
        ratio: { value: seqD.p50 / dagD.p50, of: 'sequential p50 / DAG p50 (speed-up)' },
        note: model,
      },
    );
    ctx.param(SECTION, {
      profiles,
      latency_model: LATENCY_MODEL,
      latency_model_meaning: '0.8 s to first token + 75 tokens/s, scaled 1/20 in time',
      dag_concurrency: DAG_CONCURRENCY,
      pairs,
      model: MODEL,
      prices: price,
    });
  } finally {
    await llm.stop();
  }
  return figures;
}
