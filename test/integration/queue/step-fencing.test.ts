import { describe, expect, it } from 'vitest';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { claimNextJob, enqueue } from '../../../src/main/queue';
import { recoverAfterSilence } from '../../support/lease-recovery';
import { JobRun } from '../../../src/main/worker/job-run';
import type { PipelineContext } from '../../../src/main/pipeline/pipeline-types';
import { useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const settings = {
  leaseMs: 1_000,
  heartbeatMs: 60_000, // no heartbeat during the test: the lease is taken over on purpose
  jobTimeoutMs: 60_000,
  offlineBaseMs: 10,
  offlineMaxMs: 10,
  retryBaseMs: 10,
  retryMaxMs: 10,
};
const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

describe('checkpoints are fenced like every other worker write', () => {
  it('a worker that lost its lease writes no checkpoint; a checkpoint saved first by another owner is the one used', async () => {
    const jobs = getCollections(testDb.db).jobs;
    const repositories = createRepositories(testDb.db);
    const t0 = new Date();
    const { _id } = await enqueue(jobs, { user_id: 'u', submission_id: 's', type: 'training' }, t0);
    const stale = (await claimNextJob(jobs, { owner: 'old', leaseMs: 1_000, now: t0 }))!;

    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const results: unknown[] = [];
    const run = new JobRun(stale, {
      jobs,
      repositories,
      settings,
      emit: () => undefined,
      log: () => undefined,
      pipeline: {
        run: async (context: PipelineContext) => {
          await paused; // the old worker stalls (laptop asleep) while another takes the job
          results.push(
            await context.completeStep({
              agentId: 'E1',
              phase: 'training',
              output: { de: 'old' },
              usage,
              costUsd: 0,
              model: 'm',
              startedAt: new Date(),
            }),
          );
          return { training_plan_id: null, nutrition_plan_id: null };
        },
      },
    });
    const done = run.execute();

    await recoverAfterSilence(jobs, new Date(t0.getTime() + 1_001), 1_000);
    const fresh = (await claimNextJob(jobs, {
      owner: 'new',
      leaseMs: 60_000,
      now: new Date(t0.getTime() + 1_002),
    }))!;
    expect(fresh._id).toBe(_id);
    // The new owner checkpoints E2; the old one now tries E1.
    const freshRun = new JobRun(fresh, {
      jobs,
      repositories,
      settings,
      emit: () => undefined,
      log: () => undefined,
      pipeline: {
        run: async (context) => {
          await repositories.steps.saveOnce({
            job_id: _id,
            agent_id: 'E2',
            output: { de: 'otro' },
            usage,
            cost_usd: 0,
            model: 'm',
            attempt: 1,
            started_at: new Date(),
            finished_at: new Date(),
            duration_ms: 0,
          });
          results.push(
            await context.completeStep({
              agentId: 'E2',
              phase: 'training',
              output: { de: 'new' },
              usage,
              costUsd: 0,
              model: 'm',
              startedAt: new Date(),
            }),
          );
          return { training_plan_id: null, nutrition_plan_id: null };
        },
      },
    });
    await freshRun.execute();
    release();
    await done;

    expect(await repositories.steps.listForJob(_id)).toHaveLength(1);
    expect((await repositories.steps.listForJob(_id))[0]).toMatchObject({
      agent_id: 'E2',
      output: { de: 'otro' },
    });
    // The new owner used the checkpoint that was stored first, not its own answer.
    expect(results).toEqual([{ de: 'otro' }]);
    expect(await jobs.findOne({ _id })).toMatchObject({ status: 'completed', lease: null });
  });
});
