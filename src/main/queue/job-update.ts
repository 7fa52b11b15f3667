import type { Collection, Filter } from 'mongodb';
import type { GenerationJob } from '@shared/job';

export type JobPatch = Partial<Omit<GenerationJob, '_id' | 'rev'>>;
export type JobCollection = Collection<GenerationJob>;

const MAX_CAS_ROUNDS = 50;

/**
 * Every state change of a job is one compare-and-set: read the document that matches `guard`,
 * compute the change, and write it only if nobody wrote in between (`rev` unchanged) and `guard`
 * still holds. Correct on real MongoDB, and on the test server whose `findOneAndUpdate` is not
 * atomic (docs/ARCHITECTURE.md "Processes") — a conditional `updateOne` is. `mutate` returning null means "no change".
 *
 * Returns the job as written, or null when no document matches `guard` (not found, wrong state,
 * or — for fenced writes — the lease now belongs to someone else).
 */
/**
 * The agents a job names as running belong to one attempt: a job that leaves `running` (waits,
 * fails, completes) or is claimed again names none, whichever operation moved it.
 */
function withoutStaleAgents(next: GenerationJob, before: GenerationJob['status']): GenerationJob {
  const leftOrReclaimed = next.status !== 'running' || before !== 'running';
  if (!leftOrReclaimed || (next.progress.running_agents.length === 0 && next.progress.current_agent === null))
    return next;
  return { ...next, progress: { ...next.progress, current_agent: null, running_agents: [] } };
}

export async function updateJob(
  jobs: JobCollection,
  id: string,
  guard: Filter<GenerationJob>,
  mutate: (job: GenerationJob) => JobPatch | null,
  now: () => Date = () => new Date(),
): Promise<GenerationJob | null> {
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const job = await jobs.findOne({ ...guard, _id: id });
    if (!job) return null;
    const patch = mutate(job);
    if (!patch) return job;
    const next: GenerationJob = withoutStaleAgents(
      { ...job, ...patch, updated_at: now(), rev: job.rev + 1 },
      job.status,
    );
    const { _id, ...fields } = next;
    let modified: boolean;
    try {
      modified =
        (await jobs.updateOne({ ...guard, _id, rev: job.rev }, { $set: fields })).modifiedCount === 1;
    } catch (error) {
      // The connection broke after the write was sent: it may have been applied with its answer
      // lost. A completion that did land must be reported as such, not as a failure.
      if (await landed(jobs, next)) return next;
      throw error;
    }
    if (modified) return next;
  }
  throw new Error(`job ${id}: too much contention (${MAX_CAS_ROUNDS} compare-and-set rounds)`);
}

const LANDED_CHECKS = 3;
const LANDED_CHECK_GAP_MS = 250;

/**
 * Whether our write is the one stored: exactly our revision, stamped at our instant. Read a few
 * times (the connection that failed is being replaced); when the database stays unreachable the
 * answer is "unknown", treated as "not landed" — the caller's error stands and the lease decides.
 */
async function landed(jobs: JobCollection, next: GenerationJob): Promise<boolean> {
  for (let check = 0; check < LANDED_CHECKS; check++) {
    try {
      const stored = await jobs.findOne({ _id: next._id }, { projection: { rev: 1, updated_at: 1 } });
      return stored?.rev === next.rev && stored.updated_at.getTime() === next.updated_at.getTime();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, LANDED_CHECK_GAP_MS));
    }
  }
  return false;
}

/** The guard for worker writes: the job is still running under this exact lease. */
export function ownedBy(token: string): Filter<GenerationJob> {
  return { status: 'running', 'lease.token': token };
}

/** A write by the worker that owns the job: applied only while `token` still holds the lease. */
export function updateOwnedJob(
  jobs: JobCollection,
  jobId: string,
  token: string,
  mutate: (job: GenerationJob) => JobPatch | null,
  now: Date,
): Promise<GenerationJob | null> {
  return updateJob(jobs, jobId, ownedBy(token), mutate, () => now);
}
