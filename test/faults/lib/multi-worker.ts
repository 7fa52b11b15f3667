import type { Db } from 'mongodb';
import { getCollections } from '../../../src/main/db/collections';
import { STEP_EXECUTIONS_COLLECTION } from '../../../src/main/worker/simulated-pipeline';
import { startHost, waitFor, workerEnv, type Host } from '../../support/worker-harness';
import { auditCompletedOnce } from './audit';
import type { FaultResult } from './results';
import { sleep } from './random';

export interface MultiWorkerOptions {
  db: Db;
  uri: string;
  dbName: string;
  workers: number;
  jobs: number;
  log?: (message: string) => void;
}

/**
 * Several app instances on one database (each a host with its own worker process), jobs created on
 * all of them at once, every worker racing for every job. The simulated pipeline records each step
 * execution, so "exactly once" is checked per agent, not only per job.
 */
export async function runMultiWorker(options: MultiWorkerOptions): Promise<FaultResult> {
  const started = Date.now();
  const { db } = options;
  const jobs = getCollections(db).jobs;
  const executions = db.collection<{ job_id: string; agent_id: string; pid: number }>(
    STEP_EXECUTIONS_COLLECTION,
  );
  const env = workerEnv({
    uri: options.uri,
    dbName: options.dbName,
    pipeline: { stepDelayMs: 2 },
    env: { EDN_RECORD_STEP_EXECUTIONS: '1', EDN_POLL_INTERVAL_MS: '100' },
  });
  const hosts: Host[] = await Promise.all(
    Array.from({ length: options.workers }, () => startHost(db, env, { readyTimeoutMs: 60_000 })),
  );
  const completed = new Map<string, number>();
  for (const host of hosts) {
    host.events.subscribe((event) => {
      if (event.type === 'completed') completed.set(event.job_id, (completed.get(event.job_id) ?? 0) + 1);
    });
  }
  try {
    // Created on every instance (each nudges its own worker), in parallel batches, while all run.
    const ids: string[] = [];
    const types = ['training', 'nutrition', 'full'] as const;
    for (let i = 0; i < options.jobs; i += options.workers * 4) {
      const batch = Array.from({ length: Math.min(options.workers * 4, options.jobs - i) }, (_, k) =>
        hosts[(i + k) % hosts.length]!.queue.enqueue({
          user_id: 'u',
          submission_id: 's',
          type: types[(i + k) % 3]!,
        }),
      );
      ids.push(...(await Promise.all(batch)).map((j) => j._id));
    }
    await waitFor(
      async () =>
        (await jobs.countDocuments({ _id: { $in: ids }, status: { $in: ['pending', 'running'] } })) === 0,
      600_000,
      `${options.jobs} jobs to settle`,
      100,
    );
    await sleep(300); // the last completed events are on their way over IPC
    const audit = await auditCompletedOnce(db, ids, completed);
    const runs = await executions.find({ job_id: { $in: ids } }).toArray();
    const perStep = new Map<string, number>();
    for (const run of runs)
      perStep.set(`${run.job_id}/${run.agent_id}`, (perStep.get(`${run.job_id}/${run.agent_id}`) ?? 0) + 1);
    const repeated = [...perStep].filter(([, n]) => n > 1);
    const expectedSteps = (await jobs.find({ _id: { $in: ids } }).toArray()).reduce(
      (s, j) => s + j.progress.total_steps,
      0,
    );
    if (repeated.length > 0) {
      audit.duplicates += new Set(repeated.map(([k]) => k.split('/')[0])).size;
      audit.problems.push(...repeated.slice(0, 20).map(([k, n]) => `step ${k} executed ${n}×`));
    }
    if (perStep.size !== expectedSteps) {
      audit.mismatches += 1;
      audit.problems.push(`${perStep.size} distinct steps executed, ${expectedSteps} expected`);
    }
    const byPid = new Map<number, number>();
    for (const run of runs) byPid.set(run.pid, (byPid.get(run.pid) ?? 0) + 1);
    return {
      scenario: `${options.workers} worker processes, one database`,
      trials: ids.length,
      faults: 0,
      ...audit,
      details: {
        'step executions': runs.length,
        'steps expected': expectedSteps,
        'steps per worker': [...byPid.values()].join('/'),
      },
      duration_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await Promise.all(hosts.map((h) => h.stop()));
  }
}
