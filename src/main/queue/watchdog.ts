import type { GenerationJob } from '@shared/job';
import type { QueueClock } from './database-clock';
import { failedPatch } from './failed-patch';
import { updateJob, type JobCollection } from './job-update';

/** The original system's message, with the minutes taken from the limit. */
export function timeoutMessage(timeoutMs: number): string {
  const minutes = Math.round((timeoutMs / 60_000) * 10) / 10;
  return `Job excedió timeout de ${minutes} minutos`;
}

/** The job's own limit (fixed at creation); jobs older than that field use this instance's setting. */
export function jobTimeoutOf(job: Pick<GenerationJob, 'timeout_ms'>, fallbackMs: number): number {
  return job.timeout_ms ?? fallbackMs;
}

export interface OverdueOptions {
  clock: QueueClock;
  /** The limit for jobs created before `timeout_ms` was stored on them. */
  defaultTimeoutMs: number;
  /** Extra time past the limit: the owner's own timer fires first and fails the job itself. */
  graceMs: number;
}

type RunningJob = Pick<GenerationJob, '_id' | 'lease' | 'timeout_ms' | 'attempt_started_at'>;

/**
 * How long the attempt has run, without trusting another machine's clock: the owner's own
 * monotonic measure from its last heartbeat, or — when both the claimer and we have the server's
 * time — the server-clock difference since `attempt_started_at`, whichever is larger.
 */
function attemptElapsedMs(job: RunningJob, clock: QueueClock, now: Date): number {
  const reported = job.lease?.run_ms ?? 0;
  // Only a start stamped by the server's clock may be compared with ours (the claimer may have had none).
  const byServer =
    clock.serverTime && job.lease?.server_time === true && job.attempt_started_at
      ? now.getTime() - job.attempt_started_at.getTime()
      : 0;
  return Math.max(reported, byServer);
}

/**
 * Safety net behind the worker's own timer: a job still `running` well past its limit (its worker
 * renews the lease but never finishes) is failed by whoever notices. The stale worker's next
 * fenced write then fails and it drops the job. A worker that stopped beating is not this
 * function's business: its lease expires (lease.ts).
 */
export async function failOverdueJobs(
  jobs: JobCollection,
  options: OverdueOptions,
): Promise<GenerationJob[]> {
  const now = options.clock.now();
  const running = await jobs
    .find({ status: 'running' }, { projection: { _id: 1, lease: 1, timeout_ms: 1, attempt_started_at: 1 } })
    .limit(1_000)
    .toArray();
  const failed: GenerationJob[] = [];
  for (const candidate of running) {
    const limit = jobTimeoutOf(candidate, options.defaultTimeoutMs);
    if (attemptElapsedMs(candidate, options.clock, now) <= limit + options.graceMs) continue;
    const job = await updateJob(
      jobs,
      candidate._id,
      { status: 'running', 'lease.token': candidate.lease?.token ?? null },
      (current) =>
        failedPatch(current, {
          reason: 'timeout',
          message: timeoutMessage(jobTimeoutOf(current, options.defaultTimeoutMs)),
          now,
          event: 'timeout',
        }),
      () => now,
    );
    if (job) failed.push(job);
  }
  return failed;
}
