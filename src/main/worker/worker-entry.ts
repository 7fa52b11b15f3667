/**
 * The worker process: runs as an Electron utilityProcess (desktop) or a forked Node child (headless,
 * tests). It claims and runs jobs; the host only nudges, cancels and asks it to stop.
 */
import { randomBytes } from 'node:crypto';
import { HostToWorkerSchema, type WorkerToHost } from '@shared/worker-protocol';
import { loadConfig } from '../config/load-config';
import { connectClient } from '../db/connect';
import { getCollections } from '../db/collections';
import { createRepositories } from '../db/repositories';
import { DatabaseClock } from '../queue';
import { createPipeline } from './create-pipeline';
import { JobWorker } from './job-worker';
import { parentChannel } from './parent-channel';

const channel = parentChannel();
const send = (message: WorkerToHost): void => channel.send(message);
const log = (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void =>
  send({ type: 'log', level, message, ...(data ? { data } : {}) });

async function main(): Promise<void> {
  const config = await loadConfig();
  if (!config.mongoUrl) {
    throw new Error('El proceso de trabajo necesita EDN_MONGO_URL (lo pasa el proceso principal).');
  }
  const client = await connectClient(config.mongoUrl, 10_000);
  const db = client.db(config.dbName);
  // `<instance>:<pid>:<random>`: screens show the instance (src/shared/job.ts instanceOfOwner).
  const owner = `${config.worker.instanceName}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const clock = await new DatabaseClock(db, {
    onError: (error) => log('warn', 'could not read the database clock', { error: String(error) }),
  }).start();
  const worker = new JobWorker({
    clock,
    jobs: getCollections(db).jobs,
    repositories: createRepositories(db),
    pipeline: createPipeline(process.env, config, db),
    owner,
    concurrency: config.worker.concurrency,
    pollIntervalMs: config.worker.pollIntervalMs,
    settings: {
      leaseMs: config.worker.leaseMs,
      heartbeatMs: config.worker.heartbeatMs,
      jobTimeoutMs: config.worker.jobTimeoutMs,
      offlineBaseMs: config.worker.offlineBaseMs,
      offlineMaxMs: config.worker.offlineMaxMs,
      retryBaseMs: config.worker.retryBaseMs,
      retryMaxMs: config.worker.retryMaxMs,
    },
    emit: (event) => send({ type: 'event', event }),
    log,
  });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const released = await worker.stop();
      clock.stop();
      send({ type: 'stopped', released });
      await client.close();
      process.exit(0);
    })());

  channel.onMessage((raw) => {
    const parsed = HostToWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      log('warn', 'ignored an invalid message from the host', { issues: parsed.error.issues.length });
      return;
    }
    const message = parsed.data;
    if (message.type === 'nudge') worker.nudge();
    else if (message.type === 'cancel') worker.cancel(message.job_id);
    else void stop();
  });
  // The host died without saying goodbye: release our jobs rather than wait for lease expiry.
  channel.onDisconnect(() => void stop());

  const beat = setInterval(
    () => send({ type: 'heartbeat', running: worker.runningJobIds, at: new Date() }),
    config.worker.heartbeatMs,
  );
  beat.unref();
  worker.start();
  send({ type: 'ready', pid: process.pid, owner, concurrency: config.worker.concurrency });
}

main().catch((error: unknown) => {
  // stderr reaches the host, which logs it as the reason for the exit and restarts us with backoff.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(3);
});
