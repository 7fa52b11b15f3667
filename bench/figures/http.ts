import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import type { GenerationJob, PublicJob } from '../../src/shared/job';
import { getCollections } from '../../src/main/db/collections';
import { FakeLlmServer } from '../../test/support/fake-llm/server';
import { PROFILES, SCREENING_PROFILES } from '../../test/support/profiles';
import { startCli, type RunningCli } from '../../test/support/spawn-cli';
import type { BenchContext } from '../lib/context';
import { ensureBuilt, rssMiB } from '../lib/processes';
import type { Figure } from '../lib/report';
import { openTimedSse, type TimedSseMessage } from '../lib/sse';
import { distribution, sleep } from '../lib/stats';
import { LATENCY_MODEL } from './pipeline';

const SECTION = 'host (edn360 serve)';
const TOKEN = 'bench-token-0123456789abcdef0123456789';

export interface Client {
  url: string;
  post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  get(path: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

export function apiClient(url: string, token: string): Client {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { url, post: (path, body) => call('POST', path, body), get: (path) => call('GET', path) };
}

export async function submit(
  client: Client,
  userId: string,
  responses: Record<string, unknown>,
): Promise<string> {
  const answer = await client.post('/submit-nutrition-questionnaire', { user_id: userId, responses });
  if (answer.status !== 201) throw new Error(`submit → ${answer.status} ${JSON.stringify(answer.body)}`);
  return String(answer.body['submission_id']);
}

async function waitSettled(db: Db, jobId: string, timeoutMs = 30_000): Promise<GenerationJob> {
  const jobs = getCollections(db).jobs;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobs.findOne({ _id: jobId });
    if (job && (job.status === 'completed' || job.status === 'failed')) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not settle in ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** ms from each agent's end in the worker (its checkpoint's `finished_at`) to a listener receiving it. */
/**
 * The agent a progress event reports as just finished: its job's last log line, when that is an
 * agent's completion (an agent's start writes none). `current_agent` names those still running.
 */
export function agentJustCompleted(job: Pick<PublicJob, 'execution_log'>): string | null {
  const last = job.execution_log.at(-1);
  return last?.event === 'agent_completed' ? (last.agent_id ?? null) : null;
}

/** Keeps the first event that reports each agent done (a later start event repeats the log line). */
function firstReports<T extends { jobId: string; agent: string }>(received: readonly T[]): T[] {
  const seen = new Set<string>();
  return received.filter((r) => {
    const key = `${r.jobId}/${r.agent}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function progressLatencies(
  db: Db,
  received: ReadonlyArray<{ jobId: string; agent: string; at: number }>,
): Promise<number[]> {
  const steps = await getCollections(db)
    .steps.find({ job_id: { $in: [...new Set(received.map((r) => r.jobId))] } })
    .toArray();
  const finished = new Map(steps.map((s) => [`${s.job_id}/${s.agent_id}`, s.finished_at.getTime()]));
  return firstReports(received).flatMap((r) => {
    const end = finished.get(`${r.jobId}/${r.agent}`);
    return end === undefined ? [] : [r.at - end];
  });
}

/**
 * The host as users run it headless: the built `edn360 serve` (HTTP API + supervised worker
 * process) as its own OS process, the bench as an HTTP client on the same machine.
 */
export async function httpFigures(ctx: BenchContext): Promise<Figure[]> {
  ensureBuilt((m) => ctx.log(m));
  const db = await ctx.freshDb('http');
  const llm = new FakeLlmServer(LATENCY_MODEL);
  await llm.start();
  let cli: RunningCli | null = null;
  try {
    cli = await startCli(['serve'], {
      EDN_DATA_DIR: mkdtempSync(join(tmpdir(), 'edn-bench-serve-')),
      EDN_MONGO_URL: ctx.backend.uri,
      EDN_DB_NAME: db.databaseName,
      EDN_API_PORT: '0',
      EDN_API_TOKEN: TOKEN,
      EDN_LLM_BASE_URL: llm.baseUrl,
      EDN_LLM_API_KEY: 'sk-bench',
      EDN_LOG_LEVEL: 'warn',
    });
    const client = apiClient(cli.url, TOKEN);
    const hostPid = cli.child.pid!;
    const workerPid = async (): Promise<number> => {
      for (;;) {
        const { body } = await client.get('/admin/worker');
        const worker = body['worker'] as { state: string; pid: number | null } | null;
        if (worker?.state === 'running' && worker.pid) return worker.pid;
        await sleep(100);
      }
    };
    const wPid = await workerPid();
    const figures: Figure[] = [];
    const sampleMs = 100;

    // Idle: started, worker up, nothing queued.
    await sleep(1_000);
    const idleHost: number[] = [];
    const idleWorker: number[] = [];
    const idleSamples = ctx.quick ? 20 : 50;
    for (let i = 0; i < idleSamples; i++) {
      idleHost.push(rssMiB(hostPid) ?? NaN);
      idleWorker.push(rssMiB(wPid) ?? NaN);
      await sleep(sampleMs);
    }

    // Create-job latency and pickup on one instance (the host nudges its worker). A screening-blocked
    // questionnaire makes each job end in milliseconds, so every create meets an idle worker.
    const screened = await submit(client, 'bench-screening', SCREENING_PROFILES['menorSinTutor']!);
    const creates = ctx.quick ? 40 : 300;
    const warmUp = 5;
    const createMs: number[] = [];
    const createdIds: string[] = [];
    for (let i = 0; i < creates + warmUp; i++) {
      const t0 = performance.now();
      const answer = await client.post('/admin/users/bench-screening/plans/generate_async', {
        type: 'full',
        submission_id: screened,
      });
      const elapsed = performance.now() - t0;
      if (answer.status !== 200) throw new Error(`generate_async → ${answer.status}`);
      const jobId = String(answer.body['job_id']);
      const job = await waitSettled(db, jobId);
      if (job.error_reason !== 'screening_required')
        throw new Error(`unexpected end ${job.status}/${job.error_reason}`);
      if (i >= warmUp) {
        createMs.push(elapsed);
        createdIds.push(jobId);
      }
    }
    const created = await getCollections(db)
      .jobs.find({ _id: { $in: createdIds } })
      .toArray();
    const pickupMs = created.map((j) => j.started_at!.getTime() - j.created_at.getTime());

    // Two full plans at once (the per-instance maximum): RSS while both run, and every agent's
    // progress as an SSE client sees it.
    const valid = await submit(client, 'bench-valid', PROFILES['rodillaLactosa']!);
    const pairs = ctx.quick ? 2 : 5;
    const busyHost: number[] = [];
    const busyWorker: number[] = [];
    const sseReceived: Array<{ jobId: string; agent: string; at: number }> = [];
    for (let pair = 0; pair < pairs; pair++) {
      const status = new Map<string, string>();
      const streams = [];
      for (let k = 0; k < 2; k++) {
        const answer = await client.post('/admin/users/bench-valid/plans/generate_async', {
          type: 'full',
          submission_id: valid,
        });
        const jobId = String(answer.body['job_id']);
        streams.push(
          await openTimedSse(`${cli.url}/jobs/${jobId}/events`, (m: TimedSseMessage) => {
            const job = (JSON.parse(m.data) as { job: PublicJob }).job;
            status.set(jobId, job.status);
            const done = m.event === 'progress' ? agentJustCompleted(job) : null;
            if (done) sseReceived.push({ jobId, agent: done, at: m.receivedAt });
          }),
        );
      }
      let finished = false;
      const all = Promise.all(streams.map((s) => s.done)).then(() => (finished = true));
      while (!finished) {
        if (status.size === 2 && [...status.values()].every((s) => s === 'running')) {
          busyHost.push(rssMiB(hostPid) ?? NaN);
          busyWorker.push(rssMiB(wPid) ?? NaN);
        }
        await Promise.race([sleep(sampleMs), all]);
      }
      ctx.log(`host: pair ${pair + 1}/${pairs} done (${busyHost.length} RSS samples so far)`);
    }
    const sseMs = await progressLatencies(db, sseReceived);

    ctx.param(SECTION, {
      creates,
      pairs_of_full_plans: pairs,
      rss_sample_interval_ms: sampleMs,
      latency_model: LATENCY_MODEL,
      worker_concurrency: 2,
    });
    const proc = Number.isNaN(idleHost[0]!) ? 'RSS not readable here (/proc missing)' : null;
    figures.push(
      {
        section: SECTION,
        name: 'create job over HTTP (POST generate_async, round trip)',
        unit: 'ms',
        distribution: distribution(createMs),
        original: 'promises 100–200 ms',
        note: 'keep-alive HTTP client on the same machine; checks user + submission, inserts, nudges',
      },
      {
        section: SECTION,
        name: 'pickup latency, one instance (created → running, host nudges its worker)',
        unit: 'ms',
        distribution: distribution(pickupMs),
        original: 'polls every 5 s',
        note: 'created_at (host) → started_at (worker claim); clock resolution 1 ms',
      },
      {
        section: SECTION,
        name: 'progress latency to an SSE client (agent done in worker → event at client)',
        unit: 'ms',
        distribution: distribution(sseMs),
        original: 'UI polls every 3 s',
        note: '2 full plans running; checkpoint + progress write + IPC + SSE',
      },
      ...(proc
        ? [{ section: SECTION, name: 'host RSS', unit: 'MiB', skipped: proc }]
        : [
            {
              section: SECTION,
              name: 'host process RSS, idle',
              unit: 'MiB',
              distribution: distribution(idleHost),
            },
            {
              section: SECTION,
              name: 'host process RSS, 2 jobs running',
              unit: 'MiB',
              distribution: distribution(busyHost),
              note: 'edn360 serve: HTTP API, event bus, supervisor (the worker is its own process)',
            },
            {
              section: SECTION,
              name: 'worker process RSS, idle',
              unit: 'MiB',
              distribution: distribution(idleWorker),
            },
            {
              section: SECTION,
              name: 'worker process RSS, 2 jobs running',
              unit: 'MiB',
              distribution: distribution(busyWorker),
            },
          ]),
    );
    return figures;
  } finally {
    await cli?.stop();
    await llm.stop();
  }
}
