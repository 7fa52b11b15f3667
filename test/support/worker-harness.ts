import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from 'mongodb';
import type { JobEvent } from '../../src/shared/job-events';
import { getCollections } from '../../src/main/db/collections';
import { silentLogger } from '../../src/main/log/logger';
import { JobEventBus } from '../../src/main/queue/job-events';
import { JobQueue } from '../../src/main/queue/job-queue';
import { nodeWorkerSpawner } from '../../src/main/worker/node-worker-process';
import { WorkerSupervisor, type SupervisorOptions } from '../../src/main/worker/worker-supervisor';
import type { SimulatedPipelineConfig } from '../../src/main/worker/simulated-pipeline';

const REPO = resolve(__dirname, '../..');
export const WORKER_ENTRY = join(REPO, 'src/main/worker/worker-entry.ts');

export interface TestWorkerOptions {
  uri: string;
  dbName: string;
  pipeline?: Partial<SimulatedPipelineConfig>;
  env?: Record<string, string>;
}

/** Environment for a real worker process running the TypeScript entry through tsx. */
export function workerEnv(options: TestWorkerOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TSX_TSCONFIG_PATH: join(REPO, 'tsconfig.node.json'),
    EDN_DATA_DIR: mkdtempSync(join(tmpdir(), 'edn-worker-')),
    EDN_MONGO_URL: options.uri,
    EDN_DB_NAME: options.dbName,
    EDN_PIPELINE: 'simulated',
    EDN_SIMULATED_PIPELINE: JSON.stringify(options.pipeline ?? {}),
    EDN_WORKER_CONCURRENCY: '2',
    EDN_POLL_INTERVAL_MS: '200',
    EDN_LEASE_MS: '3000',
    EDN_HEARTBEAT_MS: '250',
    ...options.env,
  };
}

export function testWorkerSpawner(env: NodeJS.ProcessEnv) {
  return nodeWorkerSpawner({
    entry: WORKER_ENTRY,
    env,
    execArgv: ['--import', 'tsx'],
    logger: silentLogger(),
  });
}

export interface Host {
  events: JobEventBus;
  received: JobEvent[];
  supervisor: WorkerSupervisor;
  queue: JobQueue;
  stop(): Promise<void>;
}

/** A host as the app has it: event bus, supervised worker process, queue facade. */
export async function startHost(
  db: Db,
  env: NodeJS.ProcessEnv,
  supervisorOptions: Partial<SupervisorOptions> = {},
): Promise<Host> {
  const events = new JobEventBus();
  const received: JobEvent[] = [];
  events.subscribe((event) => received.push(event));
  const supervisor = new WorkerSupervisor({
    spawn: testWorkerSpawner(env),
    events,
    logger: silentLogger(),
    readyTimeoutMs: 30_000,
    ...supervisorOptions,
  });
  await supervisor.start();
  const queue = new JobQueue(getCollections(db).jobs, events, supervisor);
  return { events, received, supervisor, queue, stop: () => supervisor.stop(15_000) };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
