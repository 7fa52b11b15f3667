import { MongoNetworkError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GenerationJob } from '../../../src/shared/job';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { claimNextJob, completeJob, enqueue, type JobCollection } from '../../../src/main/queue';
import { JobRun } from '../../../src/main/worker/job-run';
import { clearCollections, useTestDatabase } from '../../support/test-db';

/*
 * What the database fault runs (test/faults/db.test.ts, docs/BENCHMARKS.md "Database faults")
 * found, pinned down one case each on the real test database.
 */
const testDb = useTestDatabase();
const jobs = () => getCollections(testDb.db).jobs;
beforeEach(() => clearCollections(testDb.db));

async function claimed(): Promise<GenerationJob> {
  await enqueue(jobs(), { user_id: 'u', submission_id: 's', type: 'training' });
  return (await claimNextJob(jobs(), { owner: 'w', leaseMs: 60_000 }))!;
}

/**
 * The jobs collection with its connection breaking after each update is applied: the write lands,
 * its answer is lost (what a TCP reset between request and reply does).
 */
function answersLost(collection: JobCollection): JobCollection {
  return new Proxy(collection, {
    get(target, property, receiver) {
      if (property !== 'updateOne') return Reflect.get(target, property, receiver) as unknown;
      return async (...args: Parameters<JobCollection['updateOne']>) => {
        await target.updateOne(...args);
        throw new MongoNetworkError('read ECONNRESET');
      };
    },
  });
}

describe('database faults', () => {
  it('a completion whose answer is lost is still reported as the completion it was', async () => {
    const job = await claimed();
    const done = await completeJob(answersLost(jobs()), job._id, job.lease!.token, {
      training_plan_id: 'tp',
      nutrition_plan_id: null,
    });
    expect(done).toMatchObject({ status: 'completed', rev: job.rev + 1 });
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({ status: 'completed', rev: job.rev + 1 });
  });

  it('a write that did not land still fails with the network error', async () => {
    const job = await claimed();
    const refusing = new Proxy(jobs(), {
      get(target, property, receiver) {
        if (property !== 'updateOne') return Reflect.get(target, property, receiver) as unknown;
        return async () => {
          throw new MongoNetworkError('connect ECONNREFUSED');
        };
      },
    });
    await expect(
      completeJob(refusing, job._id, job.lease!.token, { training_plan_id: 'tp', nutrition_plan_id: null }),
    ).rejects.toBeInstanceOf(MongoNetworkError);
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({ status: 'running' });
  });

  it('a run that loses the database waits for it without spending an attempt', async () => {
    const job = await claimed();
    await new JobRun(job, {
      jobs: jobs(),
      repositories: createRepositories(testDb.db),
      pipeline: {
        run: async () => {
          throw new MongoNetworkError('read ECONNRESET');
        },
      },
      settings: {
        leaseMs: 60_000,
        heartbeatMs: 60_000,
        jobTimeoutMs: 60_000,
        offlineBaseMs: 10,
        offlineMaxMs: 10,
        retryBaseMs: 10,
        retryMaxMs: 10,
      },
      emit: () => undefined,
      log: () => undefined,
    }).execute();
    const waiting = await jobs().findOne({ _id: job._id });
    expect(waiting).toMatchObject({ status: 'pending', waiting_reason: 'offline', attempts: 0 });
    expect(waiting?.execution_log.at(-1)?.message).toMatch(/Sin conexión con la base de datos/);
  });
});
