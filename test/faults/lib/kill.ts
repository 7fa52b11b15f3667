import type { Db } from 'mongodb';
import type { GenerationJob, JobType } from '../../../src/shared/job';
import { QuestionnaireResponsesSchema } from '../../../src/shared/questionnaire';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { PROFILES } from '../../support/profiles';
import { startHost, waitFor, workerEnv } from '../../support/worker-harness';
import { auditCompletedOnce } from './audit';
import type { FaultResult } from './results';
import { seededRandom, sleep } from './random';

export interface KillOptions {
  db: Db;
  uri: string;
  dbName: string;
  kills: number;
  seed: number;
  /** Jobs kept queued or running while the kills go on. */
  inFlight?: number;
  log?: (message: string) => void;
}

/**
 * N random SIGKILLs of the worker process while real jobs (the 18-agent pipeline against the fake
 * LLM) run under the host's supervisor, which restarts it. Kills land at a random moment while at
 * least one job runs. A job that loses its worker `max_attempts` times fails `worker_lost` by design
 * (docs/ARCHITECTURE.md "Job lifecycle"); so that the property under test is exactly-once, a kill is held back while it could
 * be some job's last attempt (running at its last attempt, or pending one claim away from it).
 */
export async function runKillScenario(options: KillOptions): Promise<FaultResult> {
  const started = Date.now();
  const { db } = options;
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const jobs = getCollections(db).jobs;
  const repositories = createRepositories(db);
  const llm = new FakeLlmServer({ ttftMs: 10, tokensPerSecond: 4_000 });
  await llm.start();
  const env = workerEnv({
    uri: options.uri,
    dbName: options.dbName,
    env: {
      EDN_PIPELINE: 'agents',
      EDN_LLM_BASE_URL: llm.baseUrl,
      EDN_LLM_API_KEY: 'sk-faults',
      EDN_LEASE_MS: '1000',
      EDN_HEARTBEAT_MS: '200',
      EDN_POLL_INTERVAL_MS: '100',
      EDN_RETRY_BACKOFF_MS: '10',
      EDN_RETRY_BACKOFF_MAX_MS: '20',
    },
  });
  // Restart at once: the test is about what a kill does to jobs, not about the restart backoff.
  const host = await startHost(db, env, { restartBaseMs: 20, restartMaxMs: 100, readyTimeoutMs: 60_000 });
  const completed = new Map<string, number>();
  host.events.subscribe((event) => {
    if (event.type === 'completed') completed.set(event.job_id, (completed.get(event.job_id) ?? 0) + 1);
  });

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
  const created: string[] = [];
  const types: JobType[] = ['training', 'nutrition', 'full'];
  const topUp = async (): Promise<void> => {
    const open = await jobs.countDocuments({
      _id: { $in: created },
      status: { $in: ['pending', 'running'] },
    });
    for (let i = open; i < (options.inFlight ?? 4); i++) {
      const client = clients[Math.floor(random() * clients.length)]!;
      const type = types[Math.floor(random() * types.length)]!;
      created.push(
        (await host.queue.enqueue({ user_id: client.userId, submission_id: client.submissionId, type }))._id,
      );
    }
  };
  const lastChance = (job: GenerationJob): boolean =>
    job.status === 'running' ? job.attempts >= job.max_attempts : job.attempts >= job.max_attempts - 1;

  let kills = 0;
  let heldBack = 0;
  let jobsHit = 0;
  try {
    while (kills < options.kills) {
      await topUp();
      const pid = await waitFor(
        async () => {
          const status = host.supervisor.getStatus();
          const running = await jobs.countDocuments({ status: 'running' });
          return status.state === 'running' && status.pid && running > 0 ? status.pid : null;
        },
        120_000,
        'a worker with a running job',
        20,
      );
      await sleep(random() * 800);
      const open = await jobs
        .find({ _id: { $in: created }, status: { $in: ['pending', 'running'] } })
        .toArray();
      const running = open.filter((j) => j.status === 'running');
      if (running.length === 0 || host.supervisor.getStatus().pid !== pid) continue;
      if (open.some(lastChance)) {
        heldBack += 1;
        await sleep(100);
        continue;
      }
      process.kill(pid, 'SIGKILL');
      kills += 1;
      jobsHit += running.length;
      log(`kill ${kills}/${options.kills}: worker ${pid} with ${running.length} job(s) running`);
      await waitFor(
        async () => host.supervisor.getStatus().pid !== pid,
        30_000,
        'the supervisor to see the kill',
        10,
      );
    }
    await waitFor(
      async () =>
        (await jobs.countDocuments({ _id: { $in: created }, status: { $in: ['pending', 'running'] } })) === 0,
      300_000,
      'every job to settle',
      100,
    );
    // Events travel worker → host over IPC after the write: give the last ones a moment to arrive.
    await sleep(300);
    const audit = await auditCompletedOnce(db, created, completed);
    // Agents whose answer was lost with a killed worker were asked again: the price of a kill.
    const agentsPaid = llm.requests.filter((r) => !r.repair).length;
    const agentsNeeded = (await jobs.find({ _id: { $in: created } }).toArray()).reduce(
      (s, j) => s + j.progress.total_steps,
      0,
    );
    return {
      scenario: 'SIGKILL worker while jobs run',
      trials: created.length,
      faults: kills,
      ...audit,
      details: {
        'running jobs hit': jobsHit,
        'kills held back (last attempt)': heldBack,
        'agent calls repeated after kills': agentsPaid - agentsNeeded,
        restarts: host.supervisor.getStatus().restarts,
      },
      duration_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await host.stop();
    await llm.stop();
  }
}
