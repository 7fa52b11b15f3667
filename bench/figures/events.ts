import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { getCollections } from '../../src/main/db/collections';
import { createRepositories } from '../../src/main/db/repositories';
import { silentLogger } from '../../src/main/log/logger';
import { enqueue } from '../../src/main/queue';
import { JobEventBus } from '../../src/main/queue/job-events';
import { JobQueue } from '../../src/main/queue/job-queue';
import { nodeWorkerSpawner } from '../../src/main/worker/node-worker-process';
import { WorkerSupervisor } from '../../src/main/worker/worker-supervisor';
import { QuestionnaireResponsesSchema } from '../../src/shared/questionnaire';
import { FakeLlmServer } from '../../test/support/fake-llm/server';
import { PROFILES, SCREENING_PROFILES } from '../../test/support/profiles';
import type { BenchContext } from '../lib/context';
import { BUILT_WORKER, ensureBuilt } from '../lib/processes';
import type { Figure } from '../lib/report';
import { distribution, seededRandom, sleep } from '../lib/stats';
import { agentJustCompleted, progressLatencies } from './http';
import { LATENCY_MODEL } from './pipeline';

const SECTION = 'events & instances';
/** The default `EDN_POLL_INTERVAL_MS`: how often a worker looks for jobs other instances created. */
const POLL_MS = 1_000;

async function createSubmission(
  db: Db,
  responses: Record<string, unknown>,
): Promise<{ userId: string; submissionId: string }> {
  const repositories = createRepositories(db);
  const user = await repositories.users.create({
    nombre_completo: String(responses['nombre_completo']),
    email: String(responses['email']),
  });
  const submission = await repositories.submissions.create(
    user._id,
    QuestionnaireResponsesSchema.parse(responses),
  );
  return { userId: user._id, submissionId: submission._id };
}

/**
 * A host as the desktop app runs it (event bus + supervised worker process, the built worker), in
 * this process: the bus subscriber here is what the IPC bridge to the renderer is.
 */
export async function eventFigures(ctx: BenchContext): Promise<Figure[]> {
  ensureBuilt((m) => ctx.log(m));
  const db = await ctx.freshDb('events');
  const llm = new FakeLlmServer(LATENCY_MODEL);
  await llm.start();
  const events = new JobEventBus();
  const supervisor = new WorkerSupervisor({
    spawn: nodeWorkerSpawner({
      entry: BUILT_WORKER,
      env: {
        ...process.env,
        EDN_DATA_DIR: mkdtempSync(join(tmpdir(), 'edn-bench-worker-')),
        EDN_MONGO_URL: ctx.backend.uri,
        EDN_DB_NAME: db.databaseName,
        EDN_LLM_BASE_URL: llm.baseUrl,
        EDN_LLM_API_KEY: 'sk-bench',
        EDN_POLL_INTERVAL_MS: String(POLL_MS),
        EDN_WORKER_CONCURRENCY: '2',
      },
      logger: silentLogger(),
    }),
    events,
    logger: silentLogger(),
    readyTimeoutMs: 30_000,
  });
  try {
    await supervisor.start();
    const jobs = getCollections(db).jobs;
    const queue = new JobQueue(jobs, events, supervisor);

    // In-process subscriber: 2 full plans at once, every agent's progress event.
    const valid = await createSubmission(db, PROFILES['rodillaLactosa']!);
    const received: Array<{ jobId: string; agent: string; at: number }> = [];
    const settled = new Set<string>();
    events.subscribe((event) => {
      const at = Date.now();
      const done = event.type === 'progress' ? agentJustCompleted(event.job) : null;
      if (done) received.push({ jobId: event.job_id, agent: done, at });
      if (event.type === 'completed' || event.type === 'failed') settled.add(event.job_id);
    });
    const pairs = ctx.quick ? 2 : 5;
    for (let pair = 0; pair < pairs; pair++) {
      const ids = [];
      for (let k = 0; k < 2; k++) {
        ids.push(
          (await queue.enqueue({ user_id: valid.userId, submission_id: valid.submissionId, type: 'full' }))
            ._id,
        );
      }
      while (!ids.every((id) => settled.has(id))) await sleep(20);
    }
    const busMs = await progressLatencies(db, received);

    // Two instances on one database: the job is written by another instance (a UI-only app, another
    // clinic machine), so nobody nudges this worker — it finds the job on its poll.
    const screened = await createSubmission(db, SCREENING_PROFILES['menorSinTutor']!);
    const polls = ctx.quick ? 12 : 60;
    const random = seededRandom(8);
    const ids: string[] = [];
    for (let i = 0; i < polls; i++) {
      // A random moment in the poll cycle, as jobs from elsewhere arrive.
      await sleep(random() * POLL_MS);
      const job = await enqueue(jobs, {
        user_id: screened.userId,
        submission_id: screened.submissionId,
        type: 'full',
      });
      ids.push(job._id);
      while (!settled.has(job._id)) await sleep(10);
    }
    const done = await jobs.find({ _id: { $in: ids } }).toArray();
    const pollMs = done.map((j) => j.started_at!.getTime() - j.created_at.getTime());
    ctx.param(SECTION, {
      pairs_of_full_plans: pairs,
      poll_jobs: polls,
      poll_interval_ms: POLL_MS,
      latency_model: LATENCY_MODEL,
    });
    return [
      {
        section: SECTION,
        name: 'progress latency to an in-process subscriber (agent done in worker → event on the host bus)',
        unit: 'ms',
        distribution: distribution(busMs),
        original: 'UI polls every 3 s',
        note: '2 full plans running; checkpoint + progress write + worker→host IPC; the IPC bridge to the window subscribes here',
      },
      {
        section: SECTION,
        name: `pickup latency across two instances (poll fallback, EDN_POLL_INTERVAL_MS=${POLL_MS})`,
        unit: 'ms',
        distribution: distribution(pollMs),
        original: 'polls every 5 s',
        note: 'job inserted by another instance at a random moment; found by the worker’s poll',
      },
    ];
  } finally {
    await supervisor.stop(10_000);
    await llm.stop();
  }
}
