import type { Db } from 'mongodb';
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { getCollections } from '../../src/main/db/collections';
import { createRepositories } from '../../src/main/db/repositories';
import { buildPendingJob } from '../../src/main/queue/enqueue';
import { JobWorker } from '../../src/main/worker/job-worker';
import type { JobPipeline } from '../../src/main/pipeline/pipeline-types';
import type { BenchContext } from '../lib/context';
import type { Figure } from '../lib/report';
import { distribution, sleep } from '../lib/stats';

const SECTION = 'queue';
/** EDN360 runs at most 2 jobs at once per instance (`EDN_WORKER_CONCURRENCY`, README.md "Configuration"); agenda gets the same. */
const CONCURRENCY = 2;
/** Both poll at our default `EDN_POLL_INTERVAL_MS`; ours also claims the next job as soon as one ends. */
const POLL_MS = 1_000;
const DEADLINE_MS = 120_000;
/** A short poll makes agenda's lock race visible on a server without atomic findOneAndUpdate. */
const PROBE_POLL_MS = 200;

/** A pipeline that does nothing: what is left is the queue's own cost per job. */
const NOOP: JobPipeline = { run: async () => ({ training_plan_id: null, nutrition_plan_id: null }) };

async function ourThroughput(db: Db, n: number): Promise<{ perSecond: number; runs: number }> {
  const jobs = getCollections(db).jobs;
  await jobs.deleteMany({});
  const docs = Array.from({ length: n }, () =>
    buildPendingJob({ user_id: 'b', submission_id: 'b', type: 'training' }),
  );
  await jobs.insertMany(docs);
  let completed = 0;
  let otherEvents = 0;
  const worker = new JobWorker({
    jobs,
    repositories: createRepositories(db),
    pipeline: NOOP,
    owner: 'bench',
    concurrency: CONCURRENCY,
    pollIntervalMs: POLL_MS,
    settings: {
      leaseMs: 30_000,
      heartbeatMs: 10_000,
      jobTimeoutMs: 60_000,
      offlineBaseMs: 1_000,
      offlineMaxMs: 1_000,
      retryBaseMs: 1_000,
      retryMaxMs: 1_000,
    },
    emit: (event) => {
      if (event.type === 'completed') completed += 1;
      else if (event.type !== 'claimed') otherEvents += 1;
    },
    log: () => undefined,
  });
  const t0 = performance.now();
  worker.start();
  const deadline = Date.now() + DEADLINE_MS;
  while (completed < n && Date.now() < deadline) await sleep(2);
  const seconds = (performance.now() - t0) / 1000;
  await worker.stop();
  const done = await jobs.countDocuments({ status: 'completed' });
  if (done !== n || otherEvents > 0)
    throw new Error(`our queue completed ${done}/${n} (other events: ${otherEvents})`);
  return { perSecond: n / seconds, runs: completed };
}

interface AgendaRun {
  perSecond: number;
  /** Handler executions per job index: anything but exactly 1 is a queue error. */
  duplicates: number;
  missing: number;
}

async function agendaThroughput(db: Db, n: number, pollMs: number): Promise<AgendaRun> {
  const collection = 'bench_agenda_jobs';
  await db.collection(collection).deleteMany({});
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db, collection }),
    processEvery: pollMs,
    maxConcurrency: CONCURRENCY,
    defaultConcurrency: CONCURRENCY,
  });
  const executions = new Map<number, number>();
  agenda.define('noop', async (job) => {
    const i = (job.attrs.data as { i: number }).i;
    executions.set(i, (executions.get(i) ?? 0) + 1);
  });
  let completed = 0;
  agenda.on('complete', () => (completed += 1));
  agenda.on('error', () => undefined);
  for (let i = 0; i < n; i++) await agenda.now('noop', { i });
  const t0 = performance.now();
  await agenda.start();
  const deadline = Date.now() + DEADLINE_MS;
  while (completed < n && Date.now() < deadline) await sleep(2);
  const seconds = (performance.now() - t0) / 1000;
  // Let any late duplicate run show up before counting.
  await sleep(Math.min(pollMs, 500));
  // On jongodb agenda's stop() can wait forever (its unlock never answers); never let it hang the run.
  await Promise.race([agenda.stop(false), sleep(5_000)]);
  const counts = [...executions.values()];
  return {
    perSecond: n / seconds,
    duplicates: counts.filter((c) => c > 1).length,
    missing: n - executions.size,
  };
}

export async function queueFigures(ctx: BenchContext): Promise<Figure[]> {
  const db = await ctx.freshDb('queue');
  // jongodb's operations slow down as a collection grows (no real indexes), so a deep queue would
  // measure the test server, not the queue: rounds of a few hundred jobs, more rounds for precision.
  const n = 250;
  const rounds = ctx.quick ? 2 : 8;
  ctx.param(SECTION, {
    jobs_per_round: n,
    rounds,
    concurrency: CONCURRENCY,
    poll_ms: POLL_MS,
    peer: 'agenda 6 + @agendajs/mongo-backend 4',
  });
  await ourThroughput(db, Math.min(100, n)); // warm-up

  // agenda locks a job with findOneAndUpdate, which jongodb does not make atomic (docs/ARCHITECTURE.md "Processes"), so
  // its numbers there are not those of a correct queue. A probe that polls often shows it.
  let agendaProblem: string | null = null;
  let forced = false;
  if (ctx.backend.kind === 'jongodb') {
    const probe = await agendaThroughput(db, 200, PROBE_POLL_MS);
    agendaProblem = `agenda cannot run correctly on jongodb: its lock is findOneAndUpdate, not atomic there (a probe with processEvery ${PROBE_POLL_MS} ms ran ${probe.duplicates} of 200 no-op jobs twice, ${probe.missing} never). Run with MONGO_URL or a real mongod (MONGOMS_SYSTEM_BINARY) for this ratio.`;
    ctx.log(`queue: agenda — ${agendaProblem}`);
    if (ctx.options.forceAgenda) {
      forced = true;
      ctx.log('queue: --force-agenda: measuring agenda on jongodb anyway (figure marked unverified)');
    }
  }

  const ours: number[] = [];
  const theirs: number[] = [];
  const runAgenda = !agendaProblem || forced;
  let agendaErrors = 0;
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first so drift on a noisy machine does not favour one side.
    const agendaRound = async (): Promise<void> => {
      if (!runAgenda) return;
      const run = await agendaThroughput(db, n, POLL_MS);
      agendaErrors += run.duplicates + run.missing;
      theirs.push(run.perSecond);
    };
    if (round % 2 === 1) await agendaRound();
    ours.push((await ourThroughput(db, n)).perSecond);
    if (round % 2 === 0) await agendaRound();
    ctx.log(
      `queue: round ${round + 1}/${rounds} ours ${ours.at(-1)!.toFixed(0)} jobs/s${runAgenda ? `, agenda ${theirs.at(-1)!.toFixed(0)} jobs/s` : ''}`,
    );
  }
  if (agendaErrors > 0 && !forced) {
    agendaProblem = `agenda ran jobs more than once or not at all (${agendaErrors} errors) on ${ctx.backend.kind}`;
  }
  const oursD = distribution(ours);
  const figures: Figure[] = [
    {
      section: SECTION,
      name: `no-op jobs per second, EDN360 queue (concurrency ${CONCURRENCY})`,
      unit: 'jobs/s',
      distribution: oursD,
      note: `${n} pre-queued jobs per round; claim (compare-and-set) + lease + checkpoint read + fenced completion per job`,
    },
  ];
  const name = `no-op jobs per second, agenda (concurrency ${CONCURRENCY})`;
  if (agendaProblem && !forced) {
    figures.push({ section: SECTION, name, unit: 'jobs/s', skipped: agendaProblem });
  } else {
    const theirsD = distribution(theirs);
    figures.push({
      section: SECTION,
      name: forced ? `${name} — UNVERIFIED on jongodb` : name,
      unit: 'jobs/s',
      distribution: theirsD,
      ratio: { value: oursD.p50 / theirsD.p50, of: 'EDN360 p50 / agenda p50' },
      note: forced
        ? `forced with --force-agenda; ${agendaErrors} duplicate/missed runs in the timed rounds. ${agendaProblem}`
        : `same MongoDB (${ctx.backend.kind}), same concurrency, processEvery ${POLL_MS} ms; every job ran exactly once`,
    });
  }
  return figures;
}
