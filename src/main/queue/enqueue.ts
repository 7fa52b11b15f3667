import type { GenerationJob } from '@shared/job';
import { buildPendingJob, type NewJobInput } from '../db/repositories/jobs-repository';
import type { JobCollection } from './job-update';

/** One insert, nothing else: callers nudge the worker and publish the event themselves. */
export async function enqueue(
  jobs: JobCollection,
  input: NewJobInput,
  now = new Date(),
): Promise<GenerationJob> {
  const job = buildPendingJob(input, now);
  await jobs.insertOne(job);
  return job;
}
