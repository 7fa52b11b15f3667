import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BSON, type Db, type Document } from 'mongodb';
import { createBackup } from '../src/main/application/database-backup';
import { previewRestore, restoreBackup } from '../src/main/application/database-restore';
import { COLLECTIONS } from '../src/main/db/collections';
import {
  BACKUP_COLLECTIONS,
  countDocuments,
  emptyCollections,
} from '../src/main/db/backup/database-documents';
import { ERASURES_COLLECTION } from '../src/main/db/repositories/client-data-repository';
import { stamped } from '../src/main/db/schema/schema-version';
import { newId } from '../src/main/db/ids';
import { silentLogger } from '../src/main/log/logger';
import { TRAINING_AGENT_IDS } from '../src/main/pipeline/agent-definition';
import { buildPendingJob } from '../src/main/queue/enqueue';
import type { TransferProgress } from '../src/shared/backup';
import type { SettingsFile } from '../src/shared/config';
import type { GenerationJob } from '../src/shared/job';
import { QuestionnaireResponsesSchema } from '../src/shared/questionnaire';
import {
  nutritionPlanIdForJob,
  trainingPlanIdForJob,
  type NutritionPlanDocument,
  type TrainingPlanDocument,
} from '../src/shared/plans';
import { PROFILES } from '../test/support/profiles';
import {
  FIXTURE_PROFILES,
  storedPlans,
  type StoredPlans,
} from '../test/unit/shared/client-plan/stored-plans';
import type { BenchContext } from './lib/context';
import type { Figure } from './lib/report';
import { round } from './lib/stats';

/*
 * Issue #18 point 1: "10 000 clients and 50 000 jobs back up and restore without loading all into
 * memory". A database of N clients and 5·N jobs is seeded with documents of realistic size, then
 * backed up (plain and encrypted), previewed and restored (`exact`, into the emptied database) through
 * the application's own use cases, at two sizes side by side in one run. Memory is sampled in THIS
 * process (the MongoDB test server keeps the data in its own memory, in another process): the claim
 * is that the peak heap during each operation stays flat while the data grows 5×.
 */

const SECTION = 'backup';
/** Clients per size; jobs are 5 per client. The full run is the issue's 10 000 / 50 000. */
const FULL_SIZES = [2_000, 10_000] as const;
const QUICK_SIZES = [400, 2_000] as const;
/**
 * jongodb (the fallback test server) slows down as collections grow (seeding 240 000 documents takes
 * over 10 minutes there), so on it the sizes are 400 and 2 000 clients, still 5× apart;
 * `EDN_BENCH_BACKUP_CLIENTS=2000,10000` forces the issue's sizes. docs/BENCHMARKS.md "Backup and restore".
 */
const JONGODB_SIZES = [400, 2_000] as const;
const JONGODB_QUICK_SIZES = [100, 500] as const;
const JOBS_PER_CLIENT = 5;
/** Every 5th job (20 %) ended with both plans stored: real plans from the fixtures. */
const PLAN_EVERY = 5;
const STEPS_PER_JOB = 3;
const LOG_ENTRIES = 10;
const SEED_BATCH = 500;
const SAMPLE_MS = 20;
const PASSPHRASE = 'correct horse battery staple bench';
const MiB = 2 ** 20;

/** Memory of this process during one operation: sampled every 20 ms, peak and baseline. */
interface MemoryPeak {
  baseline_heap_mib: number;
  baseline_rss_mib: number;
  peak_heap_mib: number;
  peak_rss_mib: number;
  /**
   * The live set: heapUsed right after a full GC, taken every ~2 000 documents during the operation.
   * Unlike the 20 ms samples it holds no garbage, so it shows what the operation keeps.
   */
  peak_live_heap_mib: number;
  /** Buffers outside the JS heap (file chunks, zlib, driver sockets). */
  peak_array_buffers_mib: number;
  samples: number;
  /** CPU time of this process (user + system); the rest of the wall time is the server and I/O waits. */
  cpu_s: number;
}

interface Measured<T> {
  result: T;
  seconds: number;
  memory: MemoryPeak;
}

/** A full GC before each operation, so every baseline starts from the same live set. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** How often (in documents) the live set is measured during an operation. */
const LIVE_EVERY_DOCS = 2_000;

async function measured<T>(
  gc: () => void,
  run: (onProgress: (progress: TransferProgress) => void) => Promise<T>,
): Promise<Measured<T>> {
  gc();
  gc();
  const base = process.memoryUsage();
  let peakLive = base.heapUsed;
  let lastLive = 0;
  let lastOperation: string | null = null;
  const onProgress = (progress: TransferProgress): void => {
    if (progress.operation !== lastOperation) {
      lastOperation = progress.operation;
      lastLive = 0;
    }
    if (progress.done - lastLive < LIVE_EVERY_DOCS) return;
    lastLive = progress.done;
    gc();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  };
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  let peakBuffers = base.arrayBuffers;
  let samples = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    samples += 1;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const result = await run(onProgress);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    sample();
    return {
      result,
      seconds,
      memory: {
        baseline_heap_mib: round(base.heapUsed / MiB, 1),
        baseline_rss_mib: round(base.rss / MiB, 1),
        peak_heap_mib: round(peakHeap / MiB, 1),
        peak_live_heap_mib: round(peakLive / MiB, 1),
        peak_rss_mib: round(peakRss / MiB, 1),
        peak_array_buffers_mib: round(peakBuffers / MiB, 1),
        samples,
        cpu_s: round((cpu.user + cpu.system) / 1e6, 2),
      },
    };
  } finally {
    clearInterval(timer);
  }
}

/** The log line's memory part: a run cut short still leaves its figures in the log. */
function memoryNote(run: Measured<unknown>): string {
  const m = run.memory;
  return ` (live heap peak ${m.peak_live_heap_mib} MiB, heapUsed peak ${m.peak_heap_mib} MiB, baseline ${m.baseline_heap_mib} MiB, process CPU ${m.cpu_s} s)`;
}

/** What was seeded: documents per collection and their raw size (sum of BSON sizes). */
interface Seeded {
  counts: Record<string, number>;
  documents: number;
  bsonBytes: number;
  seconds: number;
}

const pad = (i: number): string => String(i).padStart(6, '0');

const NOTES =
  'Cliente con turnos rotativos; prefiere entrenar por la mañana. Revisar progresión de sentadilla ' +
  'cada 4 semanas y ajustar calorías si la pérdida semanal supera el 1 % del peso. Alergia estacional.';

function clientResponses(): Array<Record<string, unknown>> {
  // The varied questionnaire profiles of the pipeline tests (richer than the API tests'
  // `validResponses()`), as the app stores them: parsed.
  const parsed = Object.values(PROFILES).flatMap((profile) => {
    const result = QuestionnaireResponsesSchema.safeParse(profile);
    return result.success ? [result.data as Record<string, unknown>] : [];
  });
  if (parsed.length === 0)
    throw new Error('no questionnaire profile parses: test/support/profiles.ts changed');
  return parsed;
}

function finishedJob(
  i: number,
  k: number,
  userId: string,
  submissionId: string,
  at: Date,
  withPlans: boolean,
): GenerationJob {
  const job = buildPendingJob({ user_id: userId, submission_id: submissionId, type: 'full' }, at);
  const agents = TRAINING_AGENT_IDS;
  const byAgent = Object.fromEntries(
    agents.map((id, a) => {
      const prompt = 2_400 + ((i * 7 + a * 131 + k) % 900);
      const completion = 700 + ((i * 13 + a * 71) % 500);
      return [
        id,
        { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
      ];
    }),
  );
  const totals = Object.values(byAgent).reduce(
    (sum, u) => ({
      p: sum.p + u.prompt_tokens,
      c: sum.c + u.completion_tokens,
    }),
    { p: 0, c: 0 },
  );
  const log = [
    { at, event: 'created', message: 'Job creado' },
    { at: new Date(at.getTime() + 400), event: 'claimed', message: 'Tomado por bench-host:4821' },
    ...Array.from({ length: LOG_ENTRIES - 3 }, (_, a) => ({
      at: new Date(at.getTime() + 1_000 + a * 9_000),
      event: 'agent_completed',
      agent_id: agents[a % agents.length]!,
      message: `Agente ${agents[a % agents.length]} completado (${byAgent[agents[a % agents.length]!]!.total_tokens} tokens)`,
    })),
    withPlans
      ? { at: new Date(at.getTime() + 70_000), event: 'completed', message: 'Planes guardados' }
      : {
          at: new Date(at.getTime() + 70_000),
          event: 'failed',
          message: 'El LLM respondió con un error: 429 Rate limit reached for requests',
        },
  ];
  const completedAt = new Date(at.getTime() + 70_000);
  return stamped({
    ...job,
    status: withPlans ? 'completed' : 'failed',
    progress: withPlans
      ? { ...job.progress, phase: 'completed', percentage: 100, completed_steps: job.progress.total_steps }
      : { ...job.progress, phase: 'failed', current_agent: 'E4', completed_steps: 3 },
    result: withPlans
      ? { training_plan_id: trainingPlanIdForJob(job._id), nutrition_plan_id: nutritionPlanIdForJob(job._id) }
      : job.result,
    error_message: withPlans ? null : 'El LLM respondió con un error: 429 Rate limit reached for requests',
    error_reason: withPlans ? null : 'llm_error',
    token_usage: {
      total_tokens: totals.p + totals.c,
      total_prompt_tokens: totals.p,
      total_completion_tokens: totals.c,
      by_agent: byAgent,
    },
    cost_usd: round((totals.p * 0.25 + totals.c * 2) / 1e6, 6),
    started_at: new Date(at.getTime() + 400),
    completed_at: completedAt,
    execution_log: log,
    attempts: 1,
    updated_at: completedAt,
    rev: 14,
  });
}

/** The sections of a stored plan a checkpoint's output is taken from (agent outputs of 0.2–3 kB). */
function stepOutputs(plans: StoredPlans): unknown[] {
  const t = plans.training.training as Record<string, unknown>;
  const n = plans.nutrition.nutrition as Record<string, unknown>;
  return [t['client_summary'], t['mesocycle'], t['bridge_for_nutrition'], n['profile'], n['metabolism']];
}

/** N clients, 5·N jobs (20 % with both plans), 3 checkpoints per job, inserted in batches. */
async function seed(db: Db, clients: number): Promise<Seeded> {
  const t0 = performance.now();
  const responses = clientResponses();
  const plans = FIXTURE_PROFILES.map(([profile, language]) => storedPlans(profile, language));
  const outputs = plans.map(stepOutputs);
  const counts: Record<string, number> = {};
  let bsonBytes = 0;
  const insert = async (collection: string, docs: Document[]): Promise<void> => {
    if (docs.length === 0) return;
    for (const doc of docs) bsonBytes += BSON.calculateObjectSize(doc);
    await db.collection(collection).insertMany(docs, { ordered: false });
    counts[collection] = (counts[collection] ?? 0) + docs.length;
  };
  const base = Date.UTC(2026, 0, 5, 9);
  for (let start = 0; start < clients; start += SEED_BATCH) {
    const users: Document[] = [];
    const submissions: Document[] = [];
    const jobs: Document[] = [];
    const steps: Document[] = [];
    const training: TrainingPlanDocument[] = [];
    const nutrition: NutritionPlanDocument[] = [];
    for (let i = start; i < Math.min(clients, start + SEED_BATCH); i++) {
      const at = new Date(base + i * 60_000);
      const userId = newId();
      const name = `Cliente ${pad(i)} Martín Ruiz`;
      const email = `cliente.${pad(i)}@example.com`;
      users.push(
        stamped({
          _id: userId,
          nombre_completo: name,
          email,
          telefono: `+34 6${pad(i)}12`,
          notas: i % 3 === 0 ? NOTES : null,
          archived: false,
          created_at: at,
          updated_at: at,
        }),
      );
      const submissionId = newId();
      submissions.push(
        stamped({
          _id: submissionId,
          user_id: userId,
          responses: { ...responses[i % responses.length], nombre_completo: name, email },
          submitted_at: at,
          plan_generated: true,
          plan_id: null,
        }),
      );
      for (let k = 0; k < JOBS_PER_CLIENT; k++) {
        const jobAt = new Date(at.getTime() + k * 86_400_000);
        const withPlans = (i * JOBS_PER_CLIENT + k) % PLAN_EVERY === 0;
        const job = finishedJob(i, k, userId, submissionId, jobAt, withPlans);
        jobs.push(job);
        const fixture = plans[(i + k) % plans.length]!;
        const out = outputs[(i + k) % outputs.length]!;
        for (let s = 0; s < STEPS_PER_JOB; s++) {
          const agent = TRAINING_AGENT_IDS[s]!;
          const usage = job.token_usage.by_agent[agent]!;
          steps.push(
            stamped({
              _id: `${job._id}:${agent}`,
              job_id: job._id,
              agent_id: agent,
              output: out[(s + k) % out.length],
              usage,
              cost_usd: round((usage.prompt_tokens * 0.25 + usage.completion_tokens * 2) / 1e6, 6),
              model: 'gpt-5-mini-2025-08-07',
              requested_model: 'gpt-5-mini',
              attempt: 1,
              started_at: new Date(jobAt.getTime() + 1_000 + s * 9_000),
              finished_at: new Date(jobAt.getTime() + 9_000 + s * 9_000),
              duration_ms: 8_000,
            }),
          );
        }
        if (withPlans) {
          const trainingId = trainingPlanIdForJob(job._id);
          training.push(
            stamped({
              ...fixture.training,
              _id: trainingId,
              user_id: userId,
              job_id: job._id,
              submission_id: submissionId,
              created_at: job.completed_at ?? jobAt,
            }),
          );
          nutrition.push(
            stamped({
              ...fixture.nutrition,
              _id: nutritionPlanIdForJob(job._id),
              user_id: userId,
              job_id: job._id,
              submission_id: submissionId,
              training_plan_id: trainingId,
              created_at: job.completed_at ?? jobAt,
            }),
          );
        }
      }
    }
    await insert(COLLECTIONS.users, users);
    await insert(COLLECTIONS.submissions, submissions);
    await insert(COLLECTIONS.jobs, jobs);
    await insert(COLLECTIONS.steps, steps);
    await insert(COLLECTIONS.trainingPlans, training);
    await insert(COLLECTIONS.nutritionPlans, nutrition);
  }
  const documents = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { counts, documents, bsonBytes, seconds: (performance.now() - t0) / 1000 };
}

/** Fails the run when a collection came back with another count than was seeded. */
function assertRoundTrip(what: string, seeded: Record<string, number>, found: Record<string, number>): void {
  const wrong = BACKUP_COLLECTIONS.filter((name) => (seeded[name] ?? 0) !== (found[name] ?? 0));
  if (wrong.length > 0)
    throw new Error(
      `${what}: round trip lost or added documents: ${wrong
        .map((name) => `${name} seeded ${seeded[name] ?? 0}, found ${found[name] ?? 0}`)
        .join('; ')}`,
    );
}

interface SizeRun {
  clients: number;
  jobs: number;
  seeded: Seeded;
  backupPlain: Measured<{ bytes: number; documents: number }>;
  backupEncrypted: Measured<{ bytes: number; documents: number }>;
  preview: Measured<number>;
  restore: Measured<number>;
  restoreEncrypted: Measured<number>;
}

async function runSize(ctx: BenchContext, gc: () => void, clients: number, dir: string): Promise<SizeRun> {
  const db = await ctx.freshDb(`backup_${clients}`);
  ctx.log(`backup: seeding ${clients} clients / ${clients * JOBS_PER_CLIENT} jobs…`);
  const seeded = await seed(db, clients);
  ctx.log(
    `backup: seeded ${seeded.documents} documents, ${round(seeded.bsonBytes / MiB, 1)} MiB BSON in ${round(seeded.seconds, 1)} s`,
  );
  const deps = {
    db,
    mode: 'configured' as const,
    dbName: db.databaseName,
    version: 'bench',
    readSettings: async () => ({}) as SettingsFile,
    instanceName: 'bench',
  };
  const plainFile = join(dir, `plain-${clients}.edn360backup`);
  const sealedFile = join(dir, `sealed-${clients}.edn360backup`);
  const backup = async (
    file: string,
    passphrase: string | null,
    onProgress: (progress: TransferProgress) => void,
  ) => {
    const summary = await createBackup(deps, { file, passphrase, kind: 'manual' }, onProgress);
    return { bytes: summary.bytes, documents: summary.total_documents };
  };
  const backupPlain = await measured(gc, (onProgress) => backup(plainFile, null, onProgress));
  ctx.log(
    `backup: plain ${round(backupPlain.seconds, 1)} s, ${round(backupPlain.result.bytes / MiB, 1)} MiB${memoryNote(backupPlain)}`,
  );
  const backupEncrypted = await measured(gc, (onProgress) => backup(sealedFile, PASSPHRASE, onProgress));
  ctx.log(`backup: encrypted ${round(backupEncrypted.seconds, 1)} s${memoryNote(backupEncrypted)}`);
  for (const run of [backupPlain, backupEncrypted])
    if (run.result.documents !== seeded.documents)
      throw new Error(`backup wrote ${run.result.documents} documents, ${seeded.documents} were seeded`);

  // The emptied database: what a coach restores into after losing the data.
  await emptyCollections(db, BACKUP_COLLECTIONS);
  const preview = await measured(gc, async (onProgress) => {
    const p = await previewRestore({ db }, { file: plainFile, passphrase: null }, onProgress);
    return p.collections.reduce((sum, row) => sum + row.incoming, 0);
  });
  ctx.log(`backup: preview ${round(preview.seconds, 1)} s${memoryNote(preview)}`);
  if (preview.result !== seeded.documents)
    throw new Error(`preview read ${preview.result} documents, ${seeded.documents} were seeded`);
  const restoreDeps = {
    db,
    logger: silentLogger(),
    readSettings: async () => ({}) as SettingsFile,
    writeSettings: async () => undefined,
    // Only taken when an `exact` restore would empty a database holding data; here it is emptied first.
    safetyBackup: async (): Promise<never> => {
      throw new Error('bench: restore asked for a safety backup of a database that should be empty');
    },
  };
  const restore = async (
    file: string,
    passphrase: string | null,
    onProgress: (progress: TransferProgress) => void,
  ): Promise<number> => {
    const result = await restoreBackup(
      restoreDeps,
      { file, passphrase, rule: 'exact', apply_settings: false },
      onProgress,
    );
    return Object.values(result.written).reduce((sum, n) => sum + n, 0);
  };
  const restorePlain = await measured(gc, (onProgress) => restore(plainFile, null, onProgress));
  ctx.log(`backup: restore (plain file) ${round(restorePlain.seconds, 1)} s${memoryNote(restorePlain)}`);
  const afterPlain = await countDocuments(db, BACKUP_COLLECTIONS);
  assertRoundTrip(`N=${clients} plain`, seeded.counts, afterPlain);
  // Encrypted file, `exact` again, into the emptied database as well.
  await emptyCollections(db, BACKUP_COLLECTIONS);
  const restoreEncrypted = await measured(gc, (onProgress) => restore(sealedFile, PASSPHRASE, onProgress));
  ctx.log(
    `backup: restore (encrypted file) ${round(restoreEncrypted.seconds, 1)} s${memoryNote(restoreEncrypted)}`,
  );
  const afterSealed = await countDocuments(db, BACKUP_COLLECTIONS);
  assertRoundTrip(`N=${clients} encrypted`, seeded.counts, afterSealed);
  for (const run of [restorePlain, restoreEncrypted])
    if (run.result !== seeded.documents)
      throw new Error(`restore wrote ${run.result} documents, ${seeded.documents} were seeded`);
  if ((afterSealed[ERASURES_COLLECTION] ?? 0) !== 0) throw new Error('erasures appeared from nowhere');

  // The server keeps every database in memory: free this one before the next size.
  await emptyCollections(db, [...BACKUP_COLLECTIONS, 'backup_runs']);
  return {
    clients,
    jobs: clients * JOBS_PER_CLIENT,
    seeded,
    backupPlain,
    backupEncrypted,
    preview,
    restore: restorePlain,
    restoreEncrypted,
  };
}

const OPERATIONS = [
  ['backupPlain', 'backup, plain'],
  ['backupEncrypted', 'backup, encrypted'],
  ['preview', 'restore preview (verify pass)'],
  ['restore', "restore 'exact' into the emptied database (plain file; includes its verify pass)"],
  ['restoreEncrypted', "restore 'exact' (encrypted file; includes its verify pass)"],
] as const;

function figuresOf(run: SizeRun): Figure[] {
  const label = `N=${run.clients} clients / ${run.jobs} jobs`;
  const rawMib = round(run.seeded.bsonBytes / MiB, 1);
  const figures: Figure[] = [
    {
      section: SECTION,
      name: `data seeded — ${label}`,
      unit: 'MiB BSON',
      value: rawMib,
      note: `${run.seeded.documents} documents (${Object.entries(run.seeded.counts)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}); seeded in ${round(run.seeded.seconds, 1)} s`,
    },
  ];
  for (const [key, name] of OPERATIONS) {
    const m = run[key];
    const bytes = key === 'backupPlain' || key === 'backupEncrypted' ? run[key].result.bytes : null;
    figures.push({
      section: SECTION,
      name: `${name} — ${label}`,
      unit: 's',
      value: round(m.seconds, 2),
      note: [
        `${Math.round(run.seeded.documents / m.seconds)} docs/s`,
        `bench process CPU ${m.memory.cpu_s} s`,
        bytes !== null ? `file ${round(bytes / MiB, 1)} MiB` : null,
      ]
        .filter(Boolean)
        .join('; '),
    });
    figures.push({
      section: SECTION,
      name: `peak heapUsed during ${name} — ${label}`,
      unit: 'MiB',
      value: m.memory.peak_heap_mib,
      note: `live set (after a full GC every ${LIVE_EVERY_DOCS} documents) peak ${m.memory.peak_live_heap_mib} MiB; baseline ${m.memory.baseline_heap_mib} MiB; RSS peak ${m.memory.peak_rss_mib} (baseline ${m.memory.baseline_rss_mib}) MiB; arrayBuffers peak ${m.memory.peak_array_buffers_mib} MiB; raw data ${rawMib} MiB; ${m.memory.samples} samples / ${SAMPLE_MS} ms`,
    });
  }
  return figures;
}

function growthFigures(runs: readonly SizeRun[]): Figure[] {
  const figures: Figure[] = [];
  for (const [key, name] of OPERATIONS) {
    const measuredRuns = runs.filter((run) => run[key] !== null);
    const small = measuredRuns[0];
    const large = measuredRuns.at(-1);
    if (!small || !large || small === large) continue;
    const of = `N=${large.clients} / N=${small.clients}`;
    if (!figures.some((f) => f.ratio?.of === of))
      figures.push({
        section: SECTION,
        name: 'data growth (sum of BSON sizes)',
        unit: '×',
        ratio: { value: round(large.seeded.bsonBytes / small.seeded.bsonBytes, 2), of },
      });
    const a = small[key]!.memory;
    const b = large[key]!.memory;
    figures.push({
      section: SECTION,
      name: `peak live heap growth (after GC), ${name}`,
      unit: '×',
      ratio: { value: round(b.peak_live_heap_mib / a.peak_live_heap_mib, 2), of },
      note: `${a.peak_live_heap_mib} → ${b.peak_live_heap_mib} MiB (baseline ${a.baseline_heap_mib} → ${b.baseline_heap_mib} MiB)`,
    });
    figures.push({
      section: SECTION,
      name: `peak heapUsed growth, ${name}`,
      unit: '×',
      ratio: { value: round(b.peak_heap_mib / a.peak_heap_mib, 2), of },
      note: `above baseline: ${round(a.peak_heap_mib - a.baseline_heap_mib, 1)} → ${round(b.peak_heap_mib - b.baseline_heap_mib, 1)} MiB; RSS peak ${a.peak_rss_mib} → ${b.peak_rss_mib} MiB; time ${round(small[key]!.seconds, 1)} → ${round(large[key]!.seconds, 1)} s`,
    });
  }
  return figures;
}

export async function backupFigures(ctx: BenchContext): Promise<Figure[]> {
  const fromEnv = process.env['EDN_BENCH_BACKUP_CLIENTS']
    ?.split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const jongodb = ctx.backend.kind === 'jongodb';
  const defaults = jongodb
    ? ctx.quick
      ? JONGODB_QUICK_SIZES
      : JONGODB_SIZES
    : ctx.quick
      ? QUICK_SIZES
      : FULL_SIZES;
  const sizes: readonly number[] = fromEnv && fromEnv.length > 0 ? fromEnv : defaults;
  ctx.param(SECTION, {
    clients: sizes,
    jobs_per_client: JOBS_PER_CLIENT,
    jobs_with_plans: `1 in ${PLAN_EVERY}`,
    checkpoints_per_job: STEPS_PER_JOB,
    log_entries_per_job: LOG_ENTRIES,
    memory_sample_ms: SAMPLE_MS,
    memory_of: 'this process (the bench), not the MongoDB server',
    live_heap_every_docs: LIVE_EVERY_DOCS,
  });
  const gc = collector();
  const dir = mkdtempSync(join(tmpdir(), 'edn-bench-backup-'));
  const runs: SizeRun[] = [];
  try {
    for (const clients of sizes) runs.push(await runSize(ctx, gc, clients, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = runs.flatMap(figuresOf);
  figures.push(...growthFigures(runs));
  return figures;
}
