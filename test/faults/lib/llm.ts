import type { Db } from 'mongodb';
import type { ErrorReason, GenerationJob, JobType } from '../../../src/shared/job';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { claimNextJob } from '../../../src/main/queue';
import { AgentPipeline, type AgentPipelineSettings } from '../../../src/main/pipeline/agent-pipeline';
import { JobRun } from '../../../src/main/worker/job-run';
import type { Fault } from '../../support/fake-llm/faults';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { createSubmissionAndJob, pipelineSettings } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import type { FaultResult } from './results';
import { between, seededRandom } from './random';

/** In-call retries per LLM request and job attempts: the settings every trial runs with. */
const MAX_RETRIES = 3;
const LLM_TIMEOUT_MS = 300;
const RETRY_AFTER_S = 0.05;

export const FAULT_KINDS = [
  'rate_limit',
  'server_error',
  'hang',
  'malformed_json',
  'schema_violation',
  'dropped_connection',
  'refused',
  'rejected_request',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

// Faults hit LLM calls: agents written by code (E9) make none.
const TRAINING = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8'];
const NUTRITION = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'];

export interface Trial {
  kind: FaultKind;
  type: JobType;
  agent: string;
  /** How many requests (or, for `refused`, runs) the fault hits. */
  count: number;
  status?: number;
}

interface Expected {
  status: 'completed' | 'failed';
  reason: ErrorReason | null;
  attempts: number;
  /** `retry` entries of the faulted agent (in-call retries and repair rounds). */
  agentRetries: number;
  /** `retry` entries of the job itself (job-level retries after an exhausted call). */
  jobRetries: number;
  /** What each of the agent's retry entries says. */
  message: RegExp | null;
  offlineWaits: number;
}

/** What the design says must happen for a trial: the oracle the run is checked against. */
export function expectedOutcome(trial: Trial, maxAttempts: number): Expected {
  const completedAfter = (exhausted: number, agentRetries: number, message: RegExp | null): Expected =>
    exhausted >= maxAttempts
      ? {
          status: 'failed',
          reason: null,
          attempts: maxAttempts,
          agentRetries,
          jobRetries: maxAttempts - 1,
          message,
          offlineWaits: 0,
        }
      : {
          status: 'completed',
          reason: null,
          attempts: exhausted + 1,
          agentRetries,
          jobRetries: exhausted,
          message,
          offlineWaits: 0,
        };
  switch (trial.kind) {
    case 'rate_limit':
    case 'server_error':
    case 'hang': {
      // Each attempt makes 1 + MAX_RETRIES requests before it gives up and the job retries.
      const exhausted = Math.floor(trial.count / (MAX_RETRIES + 1));
      const message =
        trial.kind === 'rate_limit'
          ? new RegExp(`\\(429\\).*en ${RETRY_AFTER_S * 1000} ms`) // Retry-After honoured
          : trial.kind === 'server_error'
            ? new RegExp(`falló \\(${trial.status}\\)`)
            : /no respondió a tiempo/;
      // A failed job made MAX_RETRIES retries in each of its attempts; else every fault but the
      // last of each exhausted attempt was followed by a retry.
      const retries = exhausted >= maxAttempts ? maxAttempts * MAX_RETRIES : trial.count - exhausted;
      const outcome = completedAfter(exhausted, retries, message);
      return { ...outcome, reason: outcome.status === 'failed' ? 'llm_error' : null };
    }
    case 'malformed_json':
    case 'schema_violation': {
      // One repair round per attempt: two bad answers in a row end the attempt.
      const exhausted = Math.floor(trial.count / 2);
      const outcome = completedAfter(
        exhausted,
        Math.min(Math.ceil(trial.count / 2), maxAttempts),
        /ronda de reparación/,
      );
      return { ...outcome, reason: outcome.status === 'failed' ? 'invalid_output' : null };
    }
    case 'dropped_connection':
    case 'refused':
      // Unreachable endpoint: the job waits offline and the attempt is given back, every time.
      return {
        status: 'completed',
        reason: null,
        attempts: 1,
        agentRetries: 0,
        jobRetries: 0,
        message: null,
        offlineWaits: trial.count,
      };
    case 'rejected_request':
      // A 400/401 will not get better by retrying: failed at once, nothing retried.
      return {
        status: 'failed',
        reason: 'llm_error',
        attempts: 1,
        agentRetries: 0,
        jobRetries: 0,
        message: null,
        offlineWaits: 0,
      };
  }
}

export function randomTrial(kind: FaultKind, random: () => number): Trial {
  const type: JobType = (['training', 'nutrition', 'full'] as const)[between(random, 0, 2)]!;
  const agents =
    type === 'training' ? TRAINING : type === 'nutrition' ? NUTRITION : [...TRAINING, ...NUTRITION];
  const agent = agents[between(random, 0, agents.length - 1)]!;
  switch (kind) {
    // One trial in five exhausts every attempt, so failures are exercised as often as recoveries.
    case 'rate_limit':
      return { kind, type, agent, count: random() < 0.2 ? 12 : between(random, 1, 11) };
    case 'server_error':
      return {
        kind,
        type,
        agent,
        count: random() < 0.2 ? 12 : between(random, 1, 11),
        status: [500, 502, 503][between(random, 0, 2)]!,
      };
    case 'hang':
      return { kind, type, agent, count: between(random, 1, 5) };
    case 'malformed_json':
    case 'schema_violation':
      return { kind, type, agent, count: random() < 0.2 ? 6 : between(random, 1, 5) };
    case 'dropped_connection':
    case 'refused':
      return {
        kind,
        type: type === 'full' ? 'training' : type,
        agent: '(first request)',
        count: between(random, 1, 3),
      };
    case 'rejected_request':
      return { kind, type, agent, count: 1, status: [400, 401][between(random, 0, 1)]! };
  }
}

function faultsFor(trial: Trial): Fault[] {
  const base = { agent: trial.agent, count: trial.count };
  switch (trial.kind) {
    case 'rate_limit':
      return [{ type: 'rate_limit', ...base, retry_after_s: RETRY_AFTER_S }];
    case 'server_error':
    case 'rejected_request':
      return [{ type: 'server_error', ...base, status: trial.status ?? 500 }];
    case 'hang':
      return [{ type: 'hang', ...base }];
    case 'malformed_json':
      return [{ type: 'malformed_json', ...base }];
    case 'schema_violation':
      return [{ type: 'schema_violation', ...base }];
    case 'dropped_connection':
      // The connection closes with no answer: to the SDK the endpoint is unreachable. Any agent.
      return [{ type: 'refuse', count: trial.count }];
    case 'refused':
      return [];
  }
}

/** One attempt at a job, exactly as the worker runs it (claim, JobRun, fenced outcome). */
async function runAttempt(db: Db, jobId: string, settings: AgentPipelineSettings): Promise<GenerationJob> {
  const jobs = getCollections(db).jobs;
  // Backoff and offline waits set run_after in the future; the trial does not need to sit them out.
  await jobs.updateOne({ _id: jobId, status: 'pending' }, { $set: { run_after: new Date(0) } });
  const claimed = await claimNextJob(jobs, { owner: 'faults', leaseMs: 60_000 });
  if (!claimed || claimed._id !== jobId) throw new Error(`expected to claim ${jobId}`);
  await new JobRun(claimed, {
    jobs,
    repositories: createRepositories(db),
    pipeline: new AgentPipeline(settings),
    settings: {
      leaseMs: 60_000,
      heartbeatMs: 1_000,
      jobTimeoutMs: 120_000,
      offlineBaseMs: 10,
      offlineMaxMs: 20,
      retryBaseMs: 10,
      retryMaxMs: 20,
    },
    emit: () => undefined,
    log: () => undefined,
  }).execute();
  return (await jobs.findOne({ _id: jobId }))!;
}

export interface LlmFaultOptions {
  db: Db;
  /** A number of random trials (cycling through every kind), or the exact trials to run. */
  trials: number | Trial[];
  seed: number;
  log?: (message: string) => void;
}

/**
 * Random LLM faults against the real pipeline (real `openai` SDK over HTTP to the fake server, real
 * queue operations), one fault kind per trial, cycling through every kind. Each job must end as
 * the design says, and its execution_log must show exactly the retries the faults caused.
 */
export async function runLlmFaultTrials(options: LlmFaultOptions): Promise<FaultResult> {
  const started = Date.now();
  const { db } = options;
  const random = seededRandom(options.seed);
  const llm = new FakeLlmServer();
  await llm.start();
  // A second endpoint that is down (connection refused) for the `refused` trials, then comes back.
  const flaky = new FakeLlmServer();
  await flaky.start();
  const flakyPort = flaky.port;
  await flaky.stop();
  const result: FaultResult = {
    scenario: 'LLM faults (429/5xx/hang/bad JSON/schema/refused)',
    trials: 0,
    faults: 0,
    losses: 0,
    duplicates: 0,
    mismatches: 0,
    problems: [],
    details: {},
    duration_s: 0,
  };
  const outcomes = new Map<string, number>();
  try {
    const plan =
      typeof options.trials === 'number'
        ? Array.from({ length: options.trials }, (_, i) =>
            randomTrial(FAULT_KINDS[i % FAULT_KINDS.length]!, random),
          )
        : options.trials;
    for (const [i, trial] of plan.entries()) {
      const profile = ['rodillaLactosa', 'vegetarianoVolumen', 'veganaRecomposicion'][i % 3]!;
      const { jobId } = await createSubmissionAndJob(db, PROFILES[profile]!, trial.type);
      llm.faults.clear();
      llm.faults.add(faultsFor(trial));
      const base = {
        llmTimeoutMs: LLM_TIMEOUT_MS,
        llmMaxRetries: MAX_RETRIES,
        llmRetryBaseMs: 20,
        llmRetryMaxMs: 200,
      };
      const problems: string[] = [];
      let job: GenerationJob | null = null;
      if (trial.kind === 'refused') {
        const down = pipelineSettings(flaky, base);
        for (let run = 1; run <= trial.count; run++) {
          job = await runAttempt(db, jobId, down);
          if (
            job.status !== 'pending' ||
            job.waiting_reason !== 'offline' ||
            job.offline_waits !== run ||
            job.attempts !== 0
          )
            problems.push(
              `after refused run ${run}: ${job.status}/${job.waiting_reason}, offline_waits ${job.offline_waits}, attempts ${job.attempts}`,
            );
        }
        await flaky.start(flakyPort);
      }
      const settings = pipelineSettings(trial.kind === 'refused' ? flaky : llm, base);
      for (let run = 0; run < 12 && (!job || job.status === 'pending'); run++)
        job = await runAttempt(db, jobId, settings);
      if (trial.kind === 'refused') await flaky.stop();
      if (llm.faults.pending > 0) problems.push(`${llm.faults.pending} injected fault(s) never consumed`);

      const expected = expectedOutcome(trial, job!.max_attempts);
      const final = job!;
      const retries = final.execution_log.filter((e) => e.event === 'retry');
      const agentRetries = retries.filter((e) => e.agent_id === trial.agent);
      const jobRetries = retries.filter((e) => e.agent_id === undefined);
      const otherRetries = retries.length - agentRetries.length - jobRetries.length;
      const waits = final.execution_log.filter((e) => e.event === 'waiting').length;
      const label = `${trial.kind}×${trial.count}${trial.status ? ` (${trial.status})` : ''} at ${trial.agent} in ${trial.type}`;
      if (final.status !== expected.status || (expected.reason && final.error_reason !== expected.reason)) {
        result.losses += 1;
        problems.push(
          `ended ${final.status}/${final.error_reason} (expected ${expected.status}/${expected.reason ?? '-'})`,
        );
      }
      if (final.attempts !== expected.attempts)
        problems.push(`attempts ${final.attempts}, expected ${expected.attempts}`);
      if (agentRetries.length !== expected.agentRetries)
        problems.push(
          `${agentRetries.length} retry entries for ${trial.agent}, expected ${expected.agentRetries}`,
        );
      if (jobRetries.length !== expected.jobRetries)
        problems.push(`${jobRetries.length} job-level retry entries, expected ${expected.jobRetries}`);
      if (otherRetries > 0) problems.push(`${otherRetries} retry entries on agents without faults`);
      if (expected.message && agentRetries.some((e) => !expected.message!.test(e.message)))
        problems.push(
          `retry messages ${JSON.stringify(agentRetries.map((e) => e.message))} do not match ${expected.message}`,
        );
      if (expected.offlineWaits > 0 && waits !== 1) problems.push(`${waits} waiting entries, expected 1`);
      if (final.status === 'completed' && final.offline_waits !== 0)
        problems.push(`offline_waits ${final.offline_waits} after completing`);
      if (final.status === 'completed') {
        const plans = await db
          .collection(final.type === 'nutrition' ? 'nutrition_plans' : 'training_plans')
          .countDocuments({ job_id: jobId });
        if (plans !== 1) {
          result.duplicates += plans > 1 ? 1 : 0;
          problems.push(`${plans} plans`);
        }
      }
      result.trials += 1;
      result.faults += trial.count;
      const key = `${expected.status}${expected.reason ? `:${expected.reason}` : ''}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (problems.length > 0) {
        result.mismatches += 1;
        result.problems.push(`${label}: ${problems.join('; ')}`);
      }
      options.log?.(
        `trial ${i + 1}/${plan.length} ${label}: ${final.status}${final.error_reason ? `/${final.error_reason}` : ''}${problems.length ? ` ✘ ${problems.join('; ')}` : ' ✔'}`,
      );
    }
  } finally {
    await llm.stop();
    await flaky.stop();
  }
  result.details = Object.fromEntries([...outcomes].map(([k, v]) => [k, v]));
  result.duration_s = Math.round((Date.now() - started) / 1000);
  return result;
}
