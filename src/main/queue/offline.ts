import type { GenerationJob } from '@shared/job';
import { appendLog, logEntry } from './execution-log';
import { updateOwnedJob, type JobCollection } from './job-update';
import { backoffDelay } from '../util/backoff';

export const OFFLINE_MESSAGE = 'Esperando conexión…';

/** What could not be reached: the LLM endpoint (no network) or the database (outage, failover). */
export type OfflineCause = 'llm' | 'database';

const WAIT_LOG: Record<OfflineCause, string> = {
  llm: 'Sin conexión con el servicio de IA',
  database: 'Sin conexión con la base de datos',
};

export interface OfflineWaitOptions {
  baseMs: number;
  maxMs: number;
  now?: Date;
  cause?: OfflineCause;
}

/**
 * The LLM endpoint or the database is unreachable (no network, an outage): the job waits instead
 * of failing. It goes back to `pending` with a growing `run_after`, and the attempt the claim
 * counted is given back.
 */
export async function waitOffline(
  jobs: JobCollection,
  jobId: string,
  token: string,
  options: OfflineWaitOptions,
): Promise<GenerationJob | null> {
  const now = options.now ?? new Date();
  return updateOwnedJob(
    jobs,
    jobId,
    token,
    (job) => {
      const waits = job.offline_waits + 1;
      const delay = backoffDelay(waits, options.baseMs, options.maxMs);
      // Log the first wait and then sparingly: hours offline must not flood the bounded log.
      const log =
        waits === 1 || waits % 10 === 0
          ? appendLog(
              job.execution_log,
              logEntry('waiting', `${WAIT_LOG[options.cause ?? 'llm']} (espera ${waits})`, now),
            )
          : job.execution_log;
      return {
        status: 'pending',
        lease: null,
        attempts: Math.max(0, job.attempts - 1),
        run_after: new Date(now.getTime() + delay),
        waiting_reason: 'offline',
        offline_waits: waits,
        progress: { ...job.progress, message: OFFLINE_MESSAGE },
        execution_log: log,
      };
    },
    now,
  );
}
