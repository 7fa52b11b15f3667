import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import pino, { type Logger } from 'pino';
import type { GenerationJob, JobType } from '../../../src/shared/job';
import { QuestionnaireResponsesSchema } from '../../../src/shared/questionnaire';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { enqueue } from '../../../src/main/queue/enqueue';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { PROFILES } from '../../support/profiles';
import { startCli, type RunningCli } from '../../support/spawn-cli';
import { startHost, waitFor, workerEnv, type Host } from '../../support/worker-harness';
import { auditCompletedOnce } from './audit';
import { RESULTS_DIR, type FaultResult } from './results';
import { between, seededRandom, sleep } from './random';
import { TcpProxy, type OutageMode } from './tcp-proxy';

/**
 * Database faults (issue #17, point 5): the app's worker processes talk to MongoDB through a TCP
 * proxy (tcp-proxy.ts) that cuts the link mid-run — an outage, random connection resets — or the
 * replica set's primary steps down, or the host and its worker are SIGKILLed together. In every
 * case each job must end `completed` exactly once (one plan per kind, one `completed` entry), none
 * left pending/running. The fake LLM stays healthy, so nothing has a reason to fail.
 */
export interface DbFaultOptions {
  /** A direct connection (not through the proxy): seeding and auditing. */
  db: Db;
  /** The backend's own URL. */
  uri: string;
  dbName: string;
  /** Jobs in the run. */
  jobs: number;
  /** App instances (host + worker process each) on the database. */
  instances?: number;
  seed: number;
  /** The longest a run may take after its fault before the jobs left open count as stuck. */
  settleTimeoutMs?: number;
  log?: (message: string) => void;
}

/** Worker settings of every scenario: short leases and polls, so recovery shows in seconds. */
const WORKER_SETTINGS = {
  EDN_LEASE_MS: '2000',
  EDN_HEARTBEAT_MS: '300',
  EDN_POLL_INTERVAL_MS: '200',
  EDN_RETRY_BACKOFF_MS: '50',
  EDN_RETRY_BACKOFF_MAX_MS: '200',
  EDN_OFFLINE_BACKOFF_MS: '200',
  EDN_OFFLINE_BACKOFF_MAX_MS: '1000',
  EDN_WORKER_CONCURRENCY: '2',
};

const LLM_LATENCY = { ttftMs: 20, tokensPerSecond: 3_000 };

/** The worker's warn/error lines (what it says about the database while it is gone). */
class LogTap {
  readonly lines: string[] = [];
  readonly logger: Logger = pino({ level: 'warn' }, { write: (line: string) => void this.lines.push(line) });

  summary(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const line of this.lines) {
      try {
        const msg = String((JSON.parse(line) as { msg?: unknown }).msg ?? '?');
        counts[msg] = (counts[msg] ?? 0) + 1;
      } catch {
        counts['?'] = (counts['?'] ?? 0) + 1;
      }
    }
    return counts;
  }
}

interface Seeded {
  clients: Array<{ userId: string; submissionId: string }>;
}

async function seedClients(db: Db): Promise<Seeded> {
  const repositories = createRepositories(db);
  const clients = await Promise.all(
    ['rodillaLactosa', 'celiacaEnCasa', 'formatoOriginal'].map(async (name) => {
      const responses = PROFILES[name]!;
      const user = await repositories.users.create({
        nombre_completo: String(responses['nombre_completo']),
        email: String(responses['email']),
      });
      const submission = await repositories.submissions.create(
        user._id,
        QuestionnaireResponsesSchema.parse(responses),
      );
      return { userId: user._id, submissionId: submission._id };
    }),
  );
  return { clients };
}

/** N jobs of every type, written straight into the queue (the workers' poll finds them). */
async function enqueueJobs(db: Db, n: number, random: () => number): Promise<string[]> {
  const { clients } = await seedClients(db);
  const types: JobType[] = ['training', 'nutrition', 'full'];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const client = clients[between(random, 0, clients.length - 1)]!;
    const job = await enqueue(getCollections(db).jobs, {
      user_id: client.userId,
      submission_id: client.submissionId,
      type: types[i % types.length]!,
    });
    ids.push(job._id);
  }
  return ids;
}

const OPEN = { $in: ['pending', 'running'] as Array<GenerationJob['status']> };

async function openCount(db: Db, ids: readonly string[]): Promise<number> {
  return getCollections(db).jobs.countDocuments({ _id: { $in: [...ids] }, status: OPEN });
}

/** Sum of finished agents over the run's jobs: moves forward while the app can write. */
async function stepsDone(db: Db, ids: readonly string[]): Promise<number> {
  const docs = await getCollections(db)
    .jobs.find({ _id: { $in: [...ids] } }, { projection: { 'progress.completed_steps': 1, status: 1 } })
    .toArray();
  return docs.reduce((s, j) => s + j.progress.completed_steps, 0);
}

/** "Mid-run": at least one job finished and at least one running. */
async function waitMidRun(db: Db, ids: readonly string[], timeoutMs = 120_000): Promise<void> {
  const jobs = getCollections(db).jobs;
  await waitFor(
    async () =>
      (await jobs.countDocuments({ _id: { $in: [...ids] }, status: 'completed' })) > 0 &&
      (await jobs.countDocuments({ _id: { $in: [...ids] }, status: 'running' })) > 0,
    timeoutMs,
    'a job completed and another running (mid-run)',
    50,
  );
}

/** Waits until every job is terminal; returns how many were still open at the deadline (stuck). */
async function settle(db: Db, ids: readonly string[], timeoutMs: number): Promise<number> {
  try {
    await waitFor(async () => (await openCount(db, ids)) === 0, timeoutMs, 'every job to settle', 200);
    return 0;
  } catch {
    return openCount(db, ids);
  }
}

/** The run's outcome in the shape every fault row has, plus what the database faults cost. */
async function outcome(
  db: Db,
  ids: readonly string[],
  completedEvents: ReadonlyMap<string, number> | null,
  stuck: number,
): Promise<{ audit: Awaited<ReturnType<typeof auditCompletedOnce>>; details: Record<string, number> }> {
  const docs = await getCollections(db)
    .jobs.find({ _id: { $in: [...ids] } })
    .toArray();
  // Where the host that saw the events was killed, events cannot be counted: the job documents'
  // own `completed` entries and the plans collections are the ledger (auditCompletedOnce checks both).
  const events =
    completedEvents ??
    new Map(docs.filter((j) => j.status === 'completed').map((j) => [j._id, 1] as [string, number]));
  const audit = await auditCompletedOnce(db, ids, events);
  if (stuck > 0) audit.problems.unshift(`${stuck} job(s) still pending/running at the deadline (stuck)`);
  const count = (event: string): number =>
    docs.reduce((s, j) => s + j.execution_log.filter((e) => e.event === event).length, 0);
  return {
    audit,
    details: {
      completed: docs.filter((j) => j.status === 'completed').length,
      stuck,
      'attempts burned': docs.reduce((s, j) => s + Math.max(0, j.attempts - 1), 0),
      // Jobs that used their last attempt: one more fault and they would have failed.
      'jobs on their last attempt': docs.filter((j) => j.attempts >= j.max_attempts).length,
      'leases expired': count('lease_expired'),
      'job retries': count('retry'),
    },
  };
}

/**
 * Evidence for a failed row: the worker's warn/error lines go to test-results/faults/logs/, and the
 * history (execution_log, attempts, lease) of each job named in a problem is printed.
 */
async function explain(
  db: Db,
  scenario: string,
  problems: readonly string[],
  lines: readonly string[],
  log: (message: string) => void,
): Promise<void> {
  const dir = join(RESULTS_DIR, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${scenario.replace(/[^a-z0-9]+/gi, '-')}.log`);
  writeFileSync(file, lines.join(''));
  if (problems.length === 0 && process.env['EDN_FAULTS_DB_VERBOSE'] !== '1') return;
  log(`worker warn/error log: ${file}`);
  const ids = [...new Set(problems.map((p) => /^[0-9a-f-]{36}/.exec(p)?.[0]).filter(Boolean))] as string[];
  for (const job of await getCollections(db)
    .jobs.find({ _id: { $in: ids.slice(0, 5) } })
    .toArray()) {
    log(
      `job ${job._id}: ${job.status}, attempts ${job.attempts}/${job.max_attempts}, steps ${job.progress.completed_steps}/${job.progress.total_steps}, lease ${JSON.stringify(job.lease)}\n` +
        job.execution_log
          .filter((e) => !e.agent_id)
          .map((e) => `    ${e.at.toISOString().slice(11, 23)} ${e.event}: ${e.message}`)
          .join('\n') +
        `\n    worker lines: ${lines.filter((l) => l.includes(job._id)).join('    ')}`,
    );
  }
}

interface InstanceSet {
  hosts: Host[];
  completed: Map<string, number>;
  restarts(): number;
  stop(): Promise<void>;
}

/** `instances` hosts (each supervising a real worker process) whose workers reach MongoDB at `url`. */
async function startInstances(
  db: Db,
  url: string,
  dbName: string,
  llm: FakeLlmServer,
  instances: number,
  tap: LogTap,
): Promise<InstanceSet> {
  const env = workerEnv({
    uri: url,
    dbName,
    env: {
      EDN_PIPELINE: 'agents',
      EDN_LLM_BASE_URL: llm.baseUrl,
      EDN_LLM_API_KEY: 'sk-db-faults',
      ...WORKER_SETTINGS,
    },
  });
  const hosts = await Promise.all(
    Array.from({ length: instances }, () =>
      startHost(db, env, {
        logger: tap.logger,
        readyTimeoutMs: 60_000,
        restartBaseMs: 200,
        restartMaxMs: 2_000,
      }),
    ),
  );
  const completed = new Map<string, number>();
  for (const host of hosts) {
    host.events.subscribe((event) => {
      if (event.type === 'completed') completed.set(event.job_id, (completed.get(event.job_id) ?? 0) + 1);
    });
  }
  return {
    hosts,
    completed,
    restarts: () => hosts.reduce((s, h) => s + h.supervisor.getStatus().restarts, 0),
    stop: async () => void (await Promise.all(hosts.map((h) => h.stop()))),
  };
}

interface ProxyRunContext {
  proxy: TcpProxy;
  ids: string[];
  random: () => number;
  log: (message: string) => void;
  /** Resolves when every job is terminal. */
  allSettled: () => Promise<boolean>;
}

/**
 * The shared shape of the proxy scenarios: proxy → instances on it → jobs → mid-run → `inject`
 * (the fault) → every job terminal → audit.
 */
async function runThroughProxy(
  options: DbFaultOptions,
  scenario: string,
  inject: (ctx: ProxyRunContext) => Promise<{ faults: number; details: Record<string, number | string> }>,
): Promise<FaultResult> {
  const started = Date.now();
  const { db } = options;
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const proxy = TcpProxy.forMongoUrl(options.uri);
  await proxy.start();
  const llm = new FakeLlmServer(LLM_LATENCY);
  await llm.start();
  const tap = new LogTap();
  let set: InstanceSet | null = null;
  try {
    set = await startInstances(db, proxy.url(options.uri), options.dbName, llm, options.instances ?? 1, tap);
    const ids = await enqueueJobs(db, options.jobs, random);
    for (const host of set.hosts) host.supervisor.nudge();
    await waitMidRun(db, ids);
    const injected = await inject({
      proxy,
      ids,
      random,
      log,
      allSettled: async () => (await openCount(db, ids)) === 0,
    });
    const stuck = await settle(db, ids, options.settleTimeoutMs ?? 180_000);
    await sleep(300); // the last completed events are on their way over IPC
    const { audit, details } = await outcome(db, ids, set.completed, stuck);
    const logs = tap.summary();
    await explain(db, scenario, audit.problems, tap.lines, log);
    return {
      scenario,
      trials: ids.length,
      faults: injected.faults,
      ...audit,
      details: {
        ...details,
        ...injected.details,
        'worker restarts': set.restarts(),
        'proxy connections': proxy.counters.accepted,
        'worker warnings':
          Object.entries(logs)
            .sort((a, b) => b[1] - a[1])
            .map(([msg, n]) => `${msg} ×${n}`)
            .join('; ') || 'none',
        'LLM calls': llm.requests.length,
      },
      duration_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await proxy.resume();
    await set?.stop();
    await proxy.stop();
    await llm.stop();
  }
}

export interface OutageOptions extends DbFaultOptions {
  outageMs: number;
  mode?: OutageMode;
  existing?: 'reset' | 'freeze';
}

/**
 * (a) The database goes away for `outageMs` mid-run (by default a black hole: connections accepted,
 * never answered, the open ones frozen), then comes back. Jobs pause and continue: no job makes
 * progress during the outage, every job completes afterwards, exactly once.
 */
export function runOutageScenario(options: OutageOptions): Promise<FaultResult> {
  const mode = options.mode ?? 'blackhole';
  const existing = options.existing ?? 'freeze';
  return runThroughProxy(
    options,
    `DB outage ${Math.round(options.outageMs / 1000)} s mid-run (${mode}, open connections ${existing})`,
    async ({ proxy, ids, log }) => {
      const before = await stepsDone(options.db, ids);
      await proxy.pause({ mode, existing });
      log(`outage: ${mode} for ${options.outageMs} ms at ${before} agents done`);
      await sleep(options.outageMs);
      const during = await stepsDone(options.db, ids);
      await proxy.resume();
      const resumedAt = Date.now();
      // "Continue": the first agent finished after the outage, measured from its end.
      await waitFor(
        async () => (await stepsDone(options.db, ids)) > during || (await openCount(options.db, ids)) === 0,
        120_000,
        'progress after the outage',
        100,
      ).catch(() => undefined);
      const recovery = (Date.now() - resumedAt) / 1000;
      log(`outage over: progress again after ${recovery.toFixed(1)} s`);
      return {
        faults: 1,
        details: {
          'outage (s)': options.outageMs / 1000,
          // Writes that landed during the outage: 0 unless the proxy leaked.
          'agents during outage': during - before,
          'first progress after outage (s)': Math.round(recovery * 10) / 10,
        },
      };
    },
  );
}

export interface ResetOptions extends DbFaultOptions {
  /** Chance that each live connection is reset in a round (idle pooled ones included). */
  probability: number;
  /** Rounds are spaced at random between these (ms). */
  intervalMs: [number, number];
  /**
   * Chance, per request and per reply passing through, that its connection is reset there: a lost
   * request, or a reply lost after the server applied the write (the ambiguous case).
   */
  perMessage: number;
  /** Stop resetting after this long (the rest of the run is fault-free so it can settle). */
  durationMs: number;
}

/** (b) Connections reset (RST) at random while jobs run: idle ones, and in-flight operations. */
export function runResetScenario(options: ResetOptions): Promise<FaultResult> {
  return runThroughProxy(
    options,
    `DB connections reset at random (p=${options.probability} per connection every ${options.intervalMs[0]}–${options.intervalMs[1]} ms, p=${options.perMessage} per message)`,
    async ({ proxy, random, allSettled, log }) => {
      const until = Date.now() + options.durationMs;
      let rounds = 0;
      let resets = 0;
      proxy.setChaos({ request: options.perMessage, reply: options.perMessage, random });
      try {
        while (Date.now() < until && !(await allSettled())) {
          await sleep(between(random, options.intervalMs[0], options.intervalMs[1]));
          resets += proxy.resetRandom(options.probability, random);
          rounds += 1;
        }
      } finally {
        proxy.setChaos(null);
      }
      const inFlight = proxy.counters.chaosResets;
      log(`resets: ${resets} connections in ${rounds} rounds, ${inFlight} mid-request/reply`);
      return {
        faults: resets + inFlight,
        details: { 'random resets': resets, 'resets mid-request/reply': inFlight },
      };
    },
  );
}

/** The backend's replica set name, or null for a standalone (jongodb, a plain mongod). */
export async function replicaSetName(uri: string): Promise<string | null> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    const hello = await client.db('admin').command({ hello: 1 });
    return typeof hello['setName'] === 'string' ? hello['setName'] : null;
  } finally {
    await client.close();
  }
}

export interface StepDownOptions extends DbFaultOptions {
  /** Step-downs, spaced out over the run. */
  stepDowns: number;
  /** How long the old primary stays ineligible (replSetStepDown's argument). */
  stepDownSecs?: number;
}

/**
 * (c) The primary steps down mid-run (replSetStepDown): the workers, connected to the whole
 * replica set (no proxy: the driver must follow the election), lose the primary until a new one is
 * elected. Only where the backend is a replica set: `null` (skipped) otherwise.
 */
export async function runStepDownScenario(options: StepDownOptions): Promise<FaultResult | null> {
  const setName = await replicaSetName(options.uri);
  if (!setName) return null;
  const started = Date.now();
  const { db } = options;
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const llm = new FakeLlmServer(LLM_LATENCY);
  await llm.start();
  const tap = new LogTap();
  const admin = await MongoClient.connect(options.uri, { serverSelectionTimeoutMS: 60_000 });
  let set: InstanceSet | null = null;
  try {
    set = await startInstances(db, options.uri, options.dbName, llm, options.instances ?? 1, tap);
    const ids = await enqueueJobs(db, options.jobs, random);
    for (const host of set.hosts) host.supervisor.nudge();
    let stepDowns = 0;
    const elections: number[] = [];
    for (let i = 0; i < options.stepDowns && (await openCount(db, ids)) > 0; i++) {
      await waitMidRun(db, ids);
      const before = await admin.db('admin').command({ hello: 1 });
      try {
        await admin
          .db('admin')
          .command({ replSetStepDown: options.stepDownSecs ?? 10, secondaryCatchUpPeriodSecs: 5 });
      } catch (error) {
        // The primary closes its connections as it steps down: the command's own answer may be lost.
        log(`replSetStepDown: ${String(error)}`);
      }
      stepDowns += 1;
      const t0 = Date.now();
      await waitFor(
        async () => {
          // During the election the command itself may fail: that is "not yet".
          const hello = await admin
            .db('admin')
            .command({ hello: 1 })
            .catch(() => null);
          return typeof hello?.['primary'] === 'string' && hello['primary'] !== before['primary'];
        },
        120_000,
        'a primary after the step-down',
        200,
      );
      elections.push((Date.now() - t0) / 1000);
      log(`step-down ${stepDowns}: primary ${String(before['primary'])} → elected in ${elections.at(-1)} s`);
      await sleep(between(random, 500, 2_000));
    }
    const stuck = await settle(db, ids, options.settleTimeoutMs ?? 180_000);
    await sleep(300);
    const { audit, details } = await outcome(db, ids, set.completed, stuck);
    return {
      scenario: `replica set primary steps down mid-run (${setName})`,
      trials: ids.length,
      faults: stepDowns,
      ...audit,
      details: {
        ...details,
        'longest election (s)': Math.max(0, ...elections),
        'worker restarts': set.restarts(),
      },
      duration_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await set?.stop();
    await admin.close();
    await llm.stop();
  }
}

export interface HostKillOptions extends DbFaultOptions {
  /** Times the host and its worker are SIGKILLed together and started again. */
  kills: number;
}

const SERVE_TOKEN = 'db-faults-token-0123456789abcdef';

/** The worker pid `edn360 serve` reports on /health (its details need the admin token). */
async function workerPid(cli: RunningCli): Promise<number> {
  return waitFor(
    async () => {
      const response = await fetch(`${cli.url}/health`, {
        headers: { authorization: `Bearer ${SERVE_TOKEN}` },
      });
      const health = (await response.json()) as {
        worker?: { state?: string; pid?: number | null };
      };
      return health.worker?.state === 'running' && health.worker.pid ? health.worker.pid : null;
    },
    60_000,
    'the worker of edn360 serve',
    100,
  );
}

/**
 * (d) `edn360 serve` (the built CLI: host, HTTP API, supervised worker process) is SIGKILLed
 * together with its worker mid-run — nobody is left to release a lease — then started again on the
 * same database: everything resumes from its last checkpoint and completes exactly once.
 */
export async function runHostKillScenario(options: HostKillOptions): Promise<FaultResult> {
  const started = Date.now();
  const { db } = options;
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const proxy = TcpProxy.forMongoUrl(options.uri);
  await proxy.start();
  const llm = new FakeLlmServer(LLM_LATENCY);
  await llm.start();
  const env = {
    EDN_DATA_DIR: mkdtempSync(join(tmpdir(), 'edn-db-faults-')),
    EDN_MONGO_URL: proxy.url(options.uri),
    EDN_DB_NAME: options.dbName,
    EDN_API_PORT: '0',
    EDN_API_TOKEN: SERVE_TOKEN,
    EDN_LLM_BASE_URL: llm.baseUrl,
    EDN_LLM_API_KEY: 'sk-db-faults',
    EDN_LOG_LEVEL: 'warn',
    ...WORKER_SETTINGS,
  };
  let cli: RunningCli | null = null;
  let runningAtKill = 0;
  let starts = 0;
  try {
    cli = await startCli(['serve'], env, 60_000);
    starts += 1;
    const ids = await enqueueJobs(db, options.jobs, random);
    let kills = 0;
    for (; kills < options.kills && (await openCount(db, ids)) > 0; kills++) {
      const pid = await workerPid(cli);
      await waitMidRun(db, ids);
      await sleep(between(random, 0, 500));
      const running = await getCollections(db).jobs.countDocuments({ _id: { $in: ids }, status: 'running' });
      // Both in the same tick: the worker must not see its host go and release its leases.
      process.kill(pid, 'SIGKILL');
      process.kill(cli.child.pid!, 'SIGKILL');
      runningAtKill += running;
      log(`kill ${kills + 1}: host ${cli.child.pid} and worker ${pid} with ${running} job(s) running`);
      await new Promise((r) =>
        cli!.child.exitCode !== null || cli!.child.signalCode ? r(null) : cli!.child.once('exit', r),
      );
      await waitFor(
        async () => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        },
        10_000,
        'the killed worker to be gone',
        20,
      );
      cli = await startCli(['serve'], env, 60_000);
      starts += 1;
    }
    const stuck = await settle(db, ids, options.settleTimeoutMs ?? 180_000);
    const { audit, details } = await outcome(db, ids, null, stuck);
    return {
      scenario: 'host and worker SIGKILLed together, restarted on the same database',
      trials: ids.length,
      faults: kills,
      ...audit,
      details: { ...details, 'running jobs hit': runningAtKill, 'serve starts': starts },
      duration_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await cli?.stop().catch(() => undefined);
    await proxy.stop();
    await llm.stop();
  }
}

function numberFromEnv(name: string, fallback: number, integer = true): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value)))
    throw new Error(`${name} must be a non-negative ${integer ? 'integer' : 'number'}, got «${raw}»`);
  return value;
}

/**
 * Parameters of the full database-fault run (`npm run test:faults -- --only db`), from the
 * environment; `npm test` runs its own short version (test/integration/faults/db-faults.test.ts).
 */
export const DB_FAULT_PARAMS = {
  jobs: numberFromEnv('EDN_FAULTS_DB_JOBS', 24),
  instances: numberFromEnv('EDN_FAULTS_DB_INSTANCES', 2),
  outageMs: numberFromEnv('EDN_FAULTS_DB_OUTAGE_MS', 30_000),
  resetMs: numberFromEnv('EDN_FAULTS_DB_RESET_MS', 20_000),
  resetProbability: numberFromEnv('EDN_FAULTS_DB_RESET_P', 0.5, false),
  resetPerMessage: numberFromEnv('EDN_FAULTS_DB_RESET_PER_MESSAGE', 0.02, false),
  stepDowns: numberFromEnv('EDN_FAULTS_DB_STEPDOWNS', 2),
  hostKills: numberFromEnv('EDN_FAULTS_DB_HOST_KILLS', 3),
};
