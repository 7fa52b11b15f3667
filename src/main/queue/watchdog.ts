import type { GenerationJob } from '@shared/job';
import { failedPatch } from './failed-patch';
import { updateJob, type JobCollection } from './job-update';

/** The original system's message, with the minutes taken from the setting. */
export function timeoutMessage(timeoutMs: number): string {
  const minutes = Math.round((timeoutMs / 60_000) * 10) / 10;
  return `Job excedió timeout de ${minutes} minutos`;
}

/**
 * Safety net behind the worker's own timer: a job still `running` well past the limit (its worker
 * renews the lease but never finishes) is failed by whoever notices. The stale worker's next
 * fenced write then fails and it drops the job.
 */
export async function failOverdueJobs(
  jobs: JobCollection,
  timeoutMs: number,
  graceMs: number,
  now = new Date(),
): Promise<GenerationJob[]> {
  const overdue = {
    status: 'running' as const,
    attempt_started_at: { $lt: new Date(now.getTime() - timeoutMs - graceMs) },
  };
  const found = await jobs
    .find(overdue, { projection: { _id: 1 } })
    .limit(100)
    .toArray();
  const failed: GenerationJob[] = [];
  const message = timeoutMessage(timeoutMs);
  for (const { _id } of found) {
    const job = await updateJob(
      jobs,
      _id,
      overdue,
      (current) => failedPatch(current, { reason: 'timeout', message, now, event: 'timeout' }),
      () => now,
    );
    if (job) failed.push(job);
  }
  return failed;
}
