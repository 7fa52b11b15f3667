import type OpenAI from 'openai';
import type { JobType } from '@shared/job';
import { CODE_MODEL } from '@shared/generation-step';
import { costUsd, type PriceTable } from '@shared/pricing';
import type { PipelineContext } from './pipeline-types';
import type { AgentId, PipelineInputs, RunnableAgent } from './agent-definition';
import { callStructured } from './llm/structured-call';
import {
  answerFraction,
  loadExpectedLengths,
  type ExpectedAnswer,
  type ExpectedLengths,
} from './expected-lengths';

/** How often the progress of a thinking model moves by time (the worker throttles the writes). */
const THINKING_TICK_MS = 250;

export interface OrchestratorSettings {
  client: OpenAI;
  modelFor(agentId: AgentId): string;
  prices: PriceTable;
  /** Agents in flight at once: independent agents overlap, bounded so a rate limit is not provoked. */
  maxConcurrency: number;
  llmTimeoutMs: number;
  llmMaxRetries: number;
  llmRetryBaseMs: number;
  llmRetryMaxMs: number;
}

/** How a regeneration runs part of a chain (pipeline/regeneration.ts); absent for a generation. */
export interface RunOptions {
  /**
   * Outputs of agents that are not run: the base version's plan fields. They satisfy the
   * dependencies of the planned agents, cost nothing and count for no progress (they are not
   * steps of this job).
   */
  seeded?: ReadonlyMap<AgentId, unknown>;
  /** Applied to an agent's stored field before it is checkpointed (a merge by code). */
  adjust?: (agentId: AgentId, field: unknown) => unknown;
}

export interface PlannedAgent {
  agent: RunnableAgent;
  dependsOn: AgentId[];
}

/**
 * The DAG for a job type. In `full`, nutrition agents that read the training load wait for E5, the
 * step that fixes the week's sessions (days and minutes: the bridge's numbers, `bridgeFor`), not for
 * E9 at the end of the training chain: nutrition then runs beside E6–E9 (issue #19).
 */
export function planAgents(type: JobType, registry: readonly RunnableAgent[]): PlannedAgent[] {
  const wanted = registry.filter(
    (a) => type === 'full' || (type === 'training' ? a.phase === 'training' : a.phase === 'nutrition'),
  );
  return wanted.map((agent) => ({
    agent,
    dependsOn: [...agent.dependsOn, ...(type === 'full' && agent.needsBridge ? (['E5'] as const) : [])],
  }));
}

/**
 * Runs the planned agents: checkpointed ones are replayed (no tokens), the rest run as soon as their
 * dependencies are done, at most `maxConcurrency` at once. Every output is checkpointed (through the
 * context) before any dependant starts. On a failure no new agent starts; agents already in flight
 * finish and checkpoint (a retry will not pay for them again), then the first error is thrown.
 */
export async function runAgents(
  context: PipelineContext,
  plan: PlannedAgent[],
  baseInputs: Omit<PipelineInputs, 'outputs'>,
  settings: OrchestratorSettings,
  options: RunOptions = {},
): Promise<Map<AgentId, unknown>> {
  const expected = await loadExpectedLengths(
    plan.map((p) => p.agent),
    (id) => context.repositories.steps.recentAnswers(id, settings.modelFor(id)),
  );
  const ahead = writingAhead(plan, expected);
  const outputs = new Map<AgentId, unknown>(options.seeded ?? []);
  const restored: Array<{ agentId: AgentId; phase: string }> = [];
  for (const { agent } of plan) {
    const checkpoint = context.checkpoints.get(agent.id);
    if (!checkpoint) continue;
    outputs.set(agent.id, checkpoint.output);
    restored.push({ agentId: agent.id, phase: agent.phase });
  }
  await context.restoreSteps(restored);

  const pending = plan.filter(({ agent }) => !outputs.has(agent.id));
  const running = new Map<AgentId, Promise<void>>();
  let failure: unknown = null;

  const start = ({ agent }: PlannedAgent): void => {
    const task = runOne(
      context,
      agent,
      { ...baseInputs, outputs },
      settings,
      expected.get(agent.id) ?? { tokens: 0, waitMs: 0, writeMs: 0 },
      options.adjust,
    ).then(
      (field) => {
        outputs.set(agent.id, field);
      },
      (error: unknown) => {
        context.abandonStep(agent.id);
        throw error;
      },
    );
    running.set(
      agent.id,
      task
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => running.delete(agent.id)),
    );
  };

  while (pending.length > 0 || running.size > 0) {
    if (failure === null) {
      // With more agents ready than may run at once, those with the most writing still ahead of them
      // (their own answer and the longest chain after it) go first: that chain bounds when the plan
      // can end (critical-path-first scheduling).
      const ready = pending
        .filter((p) => p.dependsOn.every((id) => outputs.has(id)))
        .sort((a, b) => (ahead.get(b.agent.id) ?? 0) - (ahead.get(a.agent.id) ?? 0));
      for (const next of ready.slice(0, settings.maxConcurrency - running.size)) {
        pending.splice(pending.indexOf(next), 1);
        start(next);
      }
    }
    if (running.size === 0) {
      if (failure !== null) break;
      const stuck = pending.map(
        (p) => `${p.agent.id} ← ${p.dependsOn.filter((d) => !outputs.has(d)).join(',')}`,
      );
      throw new Error(`pipeline DAG cannot progress: ${stuck.join('; ')}`);
    }
    await Promise.race(running.values());
  }
  if (failure !== null) throw failure;
  return outputs;
}

/**
 * For each planned agent, the expected tokens still to be written from its start to the end of the
 * longest chain of dependants after it (its own answer included).
 */
function writingAhead(plan: readonly PlannedAgent[], expected: ExpectedLengths): Map<AgentId, number> {
  const dependants = new Map<AgentId, AgentId[]>();
  for (const { agent, dependsOn } of plan)
    for (const id of dependsOn) dependants.set(id, [...(dependants.get(id) ?? []), agent.id]);
  const memo = new Map<AgentId, number>();
  const ahead = (id: AgentId): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const length = (expected.get(id)?.tokens ?? 0) + Math.max(0, ...(dependants.get(id) ?? []).map(ahead));
    memo.set(id, length);
    return length;
  };
  for (const { agent } of plan) ahead(agent.id);
  return memo;
}

async function runOne(
  context: PipelineContext,
  agent: RunnableAgent,
  inputs: PipelineInputs,
  settings: OrchestratorSettings,
  expected: ExpectedAnswer,
  adjust?: RunOptions['adjust'],
): Promise<unknown> {
  await context.startStep(agent.id, agent.phase);
  const startedAt = new Date();
  const prepared = agent.prepare(inputs);
  if (prepared.kind === 'code') {
    // Written by code: a step like any other (checkpointed, counted), with no tokens and no cost.
    return context.completeStep({
      agentId: agent.id,
      phase: agent.phase,
      output: adjust ? adjust(agent.id, prepared.field) : prepared.field,
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      costUsd: 0,
      model: CODE_MODEL,
      startedAt,
    });
  }
  const call = prepared.call;
  const model = settings.modelFor(agent.id);
  // Progress within the answer: on every chunk, and on a timer while a reasoning model thinks
  // before its first one (pipeline/expected-lengths.ts `answerFraction`).
  const since = performance.now();
  let received = 0;
  let firstTokenMs: number | null = null;
  const report = (): void =>
    context.reportProgress(agent.id, answerFraction(expected, performance.now() - since, received));
  const ticker = expected.waitMs > 0 ? setInterval(report, THINKING_TICK_MS) : undefined;
  const result = await callStructured({
    client: settings.client,
    model,
    schemaName: `edn360_${agent.id}`,
    schema: call.schema,
    messages: call.messages,
    signal: context.signal,
    validate: call.validate,
    onRetry: (message) => context.log('retry', message, agent.id),
    onTokens: (tokens) => {
      if (firstTokenMs === null) {
        firstTokenMs = Math.round(performance.now() - since);
        clearInterval(ticker);
      }
      received = tokens;
      report();
    },
    timeoutMs: settings.llmTimeoutMs,
    maxRetries: settings.llmMaxRetries,
    retryBaseMs: settings.llmRetryBaseMs,
    retryMaxMs: settings.llmRetryMaxMs,
  }).finally(() => clearInterval(ticker));
  const finalized = call.finalize(result.output);
  const field = adjust ? adjust(agent.id, finalized) : finalized;
  // The stored output wins: if another owner checkpointed this agent first, the plan uses its output.
  return context.completeStep({
    agentId: agent.id,
    phase: agent.phase,
    output: field,
    usage: {
      prompt_tokens: result.usage.prompt_tokens,
      completion_tokens: result.usage.completion_tokens,
      total_tokens: result.usage.total_tokens,
      cached_tokens: result.usage.cached_tokens,
      ...(result.usage.reasoning_tokens > 0 ? { reasoning_tokens: result.usage.reasoning_tokens } : {}),
    },
    // Null when the model has no price: shown as unknown, never as a free agent.
    costUsd: costUsd({ ...result.usage }, model, settings.prices),
    model: result.model,
    requestedModel: model,
    startedAt,
    firstTokenMs,
  });
}
