import { beforeEach, describe, expect, it } from 'vitest';
import type { GenerationJob } from '../../../src/shared/job';
import { getCollections } from '../../../src/main/db/collections';
import { createRepositories } from '../../../src/main/db/repositories';
import { cancelJob, claimNextJob, enqueue, failOverdueJobs } from '../../../src/main/queue';
import { JobEventBus } from '../../../src/main/queue/job-events';
import { JobQueue } from '../../../src/main/queue/job-queue';
import { cancelJob as cancelJobUseCase } from '../../../src/main/application/jobs';
import { recoverAfterSilence } from '../../support/lease-recovery';
import { QueueMaintenanceLoop } from '../../../src/main/queue/maintenance-loop';
import type { JobPipeline, PipelineContext } from '../../../src/main/pipeline/pipeline-types';
import { JobRun } from '../../../src/main/worker/job-run';
import {
  SimulatedPipeline,
  SimulatedPipelineConfigSchema,
} from '../../../src/main/worker/simulated-pipeline';
import { withdrawPlansOfFailedJob } from '../../../src/main/db/repositories/withdraw-job-plans';
import { validResponses } from '../../support/api-harness';
import { trainingPlanDoc } from '../../support/plan-fixtures';
import { clearCollections, useTestDatabase } from '../../support/test-db';
import { waitFor } from '../../support/worker-harness';

/*
 * Issue #17 point 4: a cancelled or timed-out job never leaves a plan listed for the client. Each
 * race is driven by a pipeline that stops at a gate the test opens, on the real queue and database.
 */
const testDb = useTestDatabase();
const settings = {
  leaseMs: 60_000,
  heartbeatMs: 60_000,
  jobTimeoutMs: 60_000,
  offlineBaseMs: 10,
  offlineMaxMs: 10,
  retryBaseMs: 10,
  retryMaxMs: 10,
};
const jobs = () => getCollections(testDb.db).jobs;
const repositories = () => createRepositories(testDb.db);

beforeEach(() => clearCollections(testDb.db));

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** The real pipelines' order at the end of a run: the cut-off, the plan, the submission's flag. */
function savingPipeline(before: Promise<void>, between: Promise<void> = Promise.resolve()): JobPipeline {
  return {
    run: async (context: PipelineContext) => {
      await before; // agents run here (and ignore the abort signal, like a hung call would)
      await context.assertStillOwned();
      const plan = trainingPlanDoc(context.job._id, context.job.user_id);
      await context.repositories.trainingPlans.saveOnce({
        ...plan,
        submission_id: context.job.submission_id,
      });
      await context.repositories.submissions.markPlanGenerated(context.job.submission_id, plan._id);
      await between; // after the save, before the job completes
      return { training_plan_id: plan._id, nutrition_plan_id: null };
    },
  };
}

async function claimedJob(options: { timeoutMs?: number } = {}): Promise<GenerationJob> {
  const submission = await repositories().submissions.create('cliente-1', validResponses());
  await enqueue(jobs(), {
    user_id: 'cliente-1',
    submission_id: submission._id,
    type: 'training',
    ...(options.timeoutMs ? { timeout_ms: options.timeoutMs } : {}),
  });
  return (await claimNextJob(jobs(), { owner: 'w', leaseMs: settings.leaseMs, serverTime: true }))!;
}

function run(job: GenerationJob, pipeline: JobPipeline): JobRun {
  return new JobRun(job, {
    jobs: jobs(),
    repositories: repositories(),
    pipeline,
    settings,
    emit: () => undefined,
    log: () => undefined,
  });
}

/** What the client's screens list: plans of the client, and the submission's "plan generated". */
async function listed(job: GenerationJob): Promise<{ plans: number; flagged: boolean }> {
  const page = await repositories().trainingPlans.listForUser(job.user_id);
  const submission = await repositories().submissions.get(job.submission_id);
  return { plans: page.items.length, flagged: submission?.plan_generated ?? false };
}

describe('fenced saves', () => {
  it('cancel while the agents run: the pipeline that keeps going saves nothing', async () => {
    const job = await claimedJob();
    const agents = gate();
    const pipeline = savingPipeline(agents.wait);
    const saved = pipeline.run.bind(pipeline);
    let pipelineError: unknown = null;
    const tracked: JobPipeline = {
      run: (context) =>
        saved(context).catch((error: unknown) => ((pipelineError = error), Promise.reject(error))),
    };
    const jobRun = run(job, tracked);
    const done = jobRun.execute();
    await cancelJob(jobs(), job._id);
    jobRun.abort('cancel'); // what the host's message does
    await done;
    agents.open(); // the abandoned pipeline reaches its save now
    await waitFor(async () => pipelineError !== null, 5_000, 'the abandoned pipeline to stop at the cut-off');
    expect((await jobs().findOne({ _id: job._id }))?.error_reason).toBe('cancelled');
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it('cancel requested (flag only, another instance) before the save: the cut-off sees it', async () => {
    const job = await claimedJob();
    const agents = gate();
    const done = run(job, savingPipeline(agents.wait)).execute();
    await cancelJob(jobs(), job._id); // no message reaches this worker: only the flag in the database
    agents.open();
    await done;
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({
      status: 'failed',
      error_reason: 'cancelled',
    });
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it('the sweep of another instance times the job out after the save: the plan is withdrawn', async () => {
    const job = await claimedJob({ timeoutMs: 1_000 });
    const afterSave = gate();
    const done = run(job, savingPipeline(Promise.resolve(), afterSave.wait)).execute();
    await waitFor(async () => (await listed(job)).plans === 1, 5_000, 'the plan saved');
    // Another instance, its clock a minute later, fails the job as overdue.
    const [timedOut] = await failOverdueJobs(jobs(), {
      clock: { now: () => new Date(Date.now() + 60_000), serverTime: true },
      defaultTimeoutMs: 1_000,
      graceMs: 0,
    });
    expect(timedOut).toMatchObject({ status: 'failed', error_reason: 'timeout' });
    afterSave.open();
    await done;
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({
      status: 'failed',
      error_reason: 'timeout',
    });
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it("the worker's own timer fires while the agents run: the pipeline that keeps going saves nothing", async () => {
    const job = await claimedJob({ timeoutMs: 300 });
    const agents = gate();
    const done = run(job, savingPipeline(agents.wait)).execute();
    await done; // the timer fired while the agents ran
    agents.open();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({
      status: 'failed',
      error_reason: 'timeout',
    });
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it("past the cut-off, the run's own timer and a cancel message come too late: the save finishes and the job completes", async () => {
    const job = await claimedJob({ timeoutMs: 300 });
    const duringSave = gate();
    const jobRun = run(job, savingPipeline(Promise.resolve(), duringSave.wait));
    const done = jobRun.execute();
    await waitFor(async () => (await listed(job)).plans === 1, 5_000, 'the plan saved');
    await cancelJob(jobs(), job._id);
    jobRun.abort('cancel'); // the host's message
    await new Promise((resolve) => setTimeout(resolve, 400)); // and the 300 ms timer fires meanwhile
    duringSave.open();
    await done;
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({ status: 'completed' });
    expect(await listed(job)).toEqual({ plans: 1, flagged: true });
  });

  it('the job lost mid-save (another instance timed it out): the run waits for its writes, then withdraws them all', async () => {
    const job = await claimedJob();
    const duringSave = gate();
    const pipeline: JobPipeline = {
      run: async (context) => {
        await context.assertStillOwned();
        const plan = trainingPlanDoc(context.job._id, context.job.user_id);
        await context.repositories.trainingPlans.saveOnce({
          ...plan,
          submission_id: context.job.submission_id,
        });
        await duringSave.wait; // the flag is written after the run gave up on the job
        await context.repositories.submissions.markPlanGenerated(context.job.submission_id, plan._id);
        return { training_plan_id: plan._id, nutrition_plan_id: null };
      },
    };
    const jobRun = run(job, pipeline);
    const done = jobRun.execute();
    await waitFor(async () => (await listed(job)).plans === 1, 5_000, 'the plan saved');
    await failOverdueJobs(jobs(), {
      clock: { now: () => new Date(Date.now() + 120_000), serverTime: true },
      defaultTimeoutMs: 1_000,
      graceMs: 0,
    });
    jobRun.abort('lease_lost'); // what its next heartbeat finds
    setTimeout(() => duringSave.open(), 200);
    await done;
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({
      status: 'failed',
      error_reason: 'timeout',
    });
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it('the worker dies after the save with a cancel pending: the recovering host cancels and withdraws', async () => {
    const job = await claimedJob();
    // The dead worker's legacy: a saved plan, the flag, a lease nobody renews, a cancel request.
    const plan = trainingPlanDoc(job._id, job.user_id);
    await repositories().trainingPlans.saveOnce({ ...plan, submission_id: job.submission_id });
    await repositories().submissions.markPlanGenerated(job.submission_id, plan._id);
    await cancelJob(jobs(), job._id);
    await jobs().updateOne({ _id: job._id }, { $set: { 'lease.expires_at': new Date(Date.now() - 1) } });
    const loop = new QueueMaintenanceLoop(jobs(), {
      clock: { now: () => new Date(), serverTime: true },
      leaseMs: 200,
      defaultTimeoutMs: 60_000,
      intervalMs: 50,
      publish: () => undefined,
      onFailed: (failed) => withdrawPlansOfFailedJob(repositories(), failed),
      onError: (error) => {
        throw error;
      },
    });
    loop.start();
    try {
      await waitFor(
        async () => (await jobs().findOne({ _id: job._id }))?.status === 'failed',
        5_000,
        'recovery',
      );
      await waitFor(async () => (await listed(job)).plans === 0, 5_000, 'withdrawal');
    } finally {
      await loop.stop();
    }
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({ error_reason: 'cancelled' });
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it('a cancel after the cut-off is too late: the job completes with its plan, consistently', async () => {
    const job = await claimedJob();
    const afterSave = gate();
    const done = run(job, savingPipeline(Promise.resolve(), afterSave.wait)).execute();
    await waitFor(async () => (await listed(job)).plans === 1, 5_000, 'the plan saved');
    await cancelJob(jobs(), job._id);
    afterSave.open();
    await done;
    expect(await jobs().findOne({ _id: job._id })).toMatchObject({ status: 'completed' });
    expect(await listed(job)).toEqual({ plans: 1, flagged: true });
  });

  it('a coach cancels a job put back to pending after its worker died post-save: the plans go too', async () => {
    const job = await claimedJob();
    const plan = trainingPlanDoc(job._id, job.user_id);
    await repositories().trainingPlans.saveOnce({ ...plan, submission_id: job.submission_id });
    await repositories().submissions.markPlanGenerated(job.submission_id, plan._id);
    await recoverAfterSilence(jobs(), new Date(Date.now() + 120_000), settings.leaseMs);
    expect((await jobs().findOne({ _id: job._id }))?.status).toBe('pending');
    const queue = new JobQueue(jobs(), new JobEventBus(), null);
    const { outcome } = await cancelJobUseCase({ queue, repositories: repositories() }, job._id);
    expect(outcome).toBe('cancelled');
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });

  it('kept: the plans of an audit-blocked job and a plan the coach already reviewed', async () => {
    const job = await claimedJob();
    const plan = trainingPlanDoc(job._id, job.user_id);
    await repositories().trainingPlans.saveOnce(plan);
    const failed = { ...job, status: 'failed' as const, error_reason: 'audit_blocked' as const };
    expect(await withdrawPlansOfFailedJob(repositories(), failed)).toEqual([]);
    await getCollections(testDb.db).trainingPlans.updateOne({ _id: plan._id }, { $set: { version: 2 } });
    expect(await withdrawPlansOfFailedJob(repositories(), { ...failed, error_reason: 'cancelled' })).toEqual(
      [],
    );
    expect((await listed(job)).plans).toBe(1);
  });

  it('the simulated pipeline (the real worker code path) stops at the cut-off too', async () => {
    const job = await claimedJob();
    const pipeline = new SimulatedPipeline(
      SimulatedPipelineConfigSchema.parse({ stepDelayMs: 20 }),
      null,
      null,
    );
    const jobRun = run(job, pipeline);
    const done = jobRun.execute();
    await cancelJob(jobs(), job._id);
    await done;
    expect((await jobs().findOne({ _id: job._id }))?.error_reason).toBe('cancelled');
    expect(await listed(job)).toEqual({ plans: 0, flagged: false });
  });
});
