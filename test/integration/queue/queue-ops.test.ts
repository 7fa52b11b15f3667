import { MongoClient } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  EXECUTION_LOG_LIMIT,
  GenerationJobSchema,
  knownJobCost,
  PublicJobSchema,
  toPublicJob,
  type GenerationJob,
} from '../../../src/shared/job';
import { getCollections } from '../../../src/main/db/collections';
import {
  appendJobLog,
  cancelJob,
  claimNextJob,
  completeJob,
  enqueue,
  failJob,
  failOrRetry,
  failOverdueJobs,
  markCancelled,
  recordStepCompleted,
  recordStepStarted,
  recordStepsRestored,
  releaseOnShutdown,
  renewLease,
  retryJob,
  timeoutMessage,
  waitOffline,
} from '../../../src/main/queue';
import { backoffDelay } from '../../../src/main/util/backoff';
import { recoverAfterSilence } from '../../support/lease-recovery';
import { clearCollections, useTestDatabase } from '../../support/test-db';

const testDb = useTestDatabase();
const jobsCol = () => getCollections(testDb.db).jobs;
const input = { user_id: 'u1', submission_id: 's1', type: 'training' as const };
const LEASE = 30_000;
const usage = { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 };

async function claimed(owner = 'w1', now = new Date()): Promise<GenerationJob> {
  // As an instance on a server that gives its time (most tests pass their own `now`).
  const job = await claimNextJob(jobsCol(), { owner, leaseMs: LEASE, now, serverTime: true });
  if (!job?.lease) throw new Error('expected a claim');
  return job;
}

beforeEach(async () => {
  await clearCollections(testDb.db);
});

describe('enqueue and claim', () => {
  it('enqueue inserts a pending job and returns it', async () => {
    const job = await enqueue(jobsCol(), input);
    expect(await jobsCol().findOne({ _id: job._id })).toMatchObject({
      status: 'pending',
      attempts: 0,
      rev: 0,
    });
  });

  it('claims the oldest due job, sets running, a lease, attempts and started_at', async () => {
    const t0 = new Date('2026-01-01T10:00:00Z');
    const first = await enqueue(jobsCol(), input, t0);
    await enqueue(jobsCol(), input, new Date(t0.getTime() + 1000));
    const now = new Date(t0.getTime() + 5000);
    const job = await claimed('w1', now);
    expect(job._id).toBe(first._id);
    expect(job).toMatchObject({ status: 'running', attempts: 1, started_at: now, attempt_started_at: now });
    expect(job.lease).toMatchObject({ owner: 'w1', expires_at: new Date(now.getTime() + LEASE) });
    expect(job.execution_log.at(-1)?.event).toBe('started');
  });

  it('a job waiting out a backoff is not claimed before its run_after; a job waiting for nothing is, whatever the clocks', async () => {
    const now = new Date();
    const { _id } = await enqueue(jobsCol(), input, new Date(now.getTime() + 60_000));
    // Enqueued by an instance whose clock runs a minute fast: still due for us.
    expect((await claimNextJob(jobsCol(), { owner: 'w', leaseMs: LEASE, now }))?._id).toBe(_id);
    await jobsCol().updateOne(
      { _id },
      {
        $set: {
          status: 'pending',
          lease: null,
          waiting_reason: 'backoff',
          run_after: new Date(now.getTime() + 60_000),
        },
      },
    );
    expect(await claimNextJob(jobsCol(), { owner: 'w', leaseMs: LEASE, now })).toBeNull();
    const later = new Date(now.getTime() + 60_001);
    expect((await claimNextJob(jobsCol(), { owner: 'w', leaseMs: LEASE, now: later }))?._id).toBe(_id);
  });

  it('never gives one job to two concurrent claimers (separate connections)', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, () => MongoClient.connect(testDb.uri)));
    try {
      for (let i = 0; i < 20; i++) await enqueue(jobsCol(), input);
      const cols = clients.map((c) => getCollections(c.db(testDb.dbName)).jobs);
      const wins: string[] = [];
      await Promise.all(
        cols.map(async (col, w) => {
          for (;;) {
            const job = await claimNextJob(col, { owner: `w${w}`, leaseMs: LEASE });
            if (!job) return;
            wins.push(job._id);
          }
        }),
      );
      expect(wins).toHaveLength(20);
      expect(new Set(wins).size).toBe(20);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});

describe('lease, fencing and recovery', () => {
  it('renews the lease and reports cancel requests', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    const later = new Date(Date.now() + 10_000);
    expect(await renewLease(jobsCol(), job._id, job.lease!.token, LEASE, later)).toEqual({
      owned: true,
      cancelRequested: false,
    });
    expect((await jobsCol().findOne({ _id: job._id }))?.lease?.expires_at).toEqual(
      new Date(later.getTime() + LEASE),
    );
    await cancelJob(jobsCol(), job._id);
    expect(await renewLease(jobsCol(), job._id, job.lease!.token, LEASE)).toEqual({
      owned: true,
      cancelRequested: true,
    });
  });

  it('a worker that lost its lease cannot overwrite the new owner (progress, log, completion, failure)', async () => {
    const t0 = new Date();
    await enqueue(jobsCol(), input, t0);
    const stale = await claimed('old', t0);
    // The old worker pauses; its lease expires and another worker takes the job.
    const afterExpiry = new Date(t0.getTime() + LEASE + 1);
    expect((await recoverAfterSilence(jobsCol(), afterExpiry, LEASE)).map((j) => j._id)).toEqual([stale._id]);
    const fresh = await claimed('new', afterExpiry);
    expect(fresh._id).toBe(stale._id);
    await recordStepCompleted(jobsCol(), fresh._id, fresh.lease!.token, {
      agentId: 'E1',
      phase: 'training',
      completedSteps: 1,
      usage,
      costUsd: 0.01,
    });

    const oldToken = stale.lease!.token;
    const step = { agentId: 'E2', phase: 'training', completedSteps: 2, usage, costUsd: 0.01 };
    expect(await recordStepCompleted(jobsCol(), stale._id, oldToken, step)).toBeNull();
    expect(await appendJobLog(jobsCol(), stale._id, oldToken, 'retry', 'stale')).toBe(false);
    expect(
      await completeJob(jobsCol(), stale._id, oldToken, { training_plan_id: 'x', nutrition_plan_id: null }),
    ).toBeNull();
    expect(await failJob(jobsCol(), stale._id, oldToken, 'llm_error', 'stale')).toBeNull();
    expect(await renewLease(jobsCol(), stale._id, oldToken, LEASE)).toEqual({
      owned: false,
      cancelRequested: false,
    });
    expect(await releaseOnShutdown(jobsCol(), stale._id, oldToken)).toBeNull();

    const stored = await jobsCol().findOne({ _id: stale._id });
    expect(stored).toMatchObject({
      status: 'running',
      lease: { owner: 'new' },
      progress: { completed_steps: 1, current_agent: null },
      token_usage: { total_tokens: 140 },
    });
    expect(stored?.execution_log.map((e) => e.message)).not.toContain('stale');
  });

  it('recovery fails a job that keeps losing its worker after max_attempts', async () => {
    const t0 = new Date();
    await enqueue(jobsCol(), { ...input, max_attempts: 1 }, t0);
    await claimed('w', t0);
    const [job] = await recoverAfterSilence(jobsCol(), new Date(t0.getTime() + LEASE + 1), LEASE);
    expect(job).toMatchObject({ status: 'failed', error_reason: 'worker_lost' });
  });

  it('records progress with tokens, percentage to one decimal, the agents running now, and restored checkpoints once', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    const token = job.lease!.token;
    // A resumed attempt: E1 comes back from its checkpoint (its tokens were counted before).
    await recordStepsRestored(jobsCol(), job._id, token, {
      agentIds: ['E1'],
      phase: 'training',
      completedSteps: 1,
      uncounted: [],
    });
    for (let i = 2; i <= 5; i++) {
      await recordStepStarted(jobsCol(), job._id, token, {
        agentId: `E${i}`,
        phase: 'training',
        completedSteps: i - 1,
        running: i === 5 ? ['E5', 'N1'] : [`E${i}`],
      });
      await recordStepCompleted(jobsCol(), job._id, token, {
        agentId: `E${i}`,
        phase: 'training',
        completedSteps: i,
        usage,
        costUsd: 0.5,
        running: i === 5 ? ['N1'] : [],
      });
    }
    const stored = await jobsCol().findOne({ _id: job._id });
    expect(stored?.progress).toEqual({
      phase: 'training',
      current_agent: 'N1',
      running_agents: ['N1'],
      completed_steps: 5,
      total_steps: 9,
      percentage: 55.6,
      message: 'Agente E5 completado',
    });
    expect(stored?.token_usage.total_tokens).toBe(4 * 140);
    expect(Object.keys(stored?.token_usage.by_agent ?? {})).toEqual(['E2', 'E3', 'E4', 'E5']);
    expect(stored?.cost_usd).toBeCloseTo(2);
    const log = stored!.execution_log.map((entry) => entry.message);
    expect(log.filter((m) => m.includes('E1'))).toEqual([
      'Reanudando: 1 agente(s) recuperado(s) de intentos anteriores (E1)',
    ]);
    expect(log.filter((m) => / completado$/.test(m))).toHaveLength(4);
  });

  it('several agents at once: current_agent names all of them', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    const started = await recordStepStarted(jobsCol(), job._id, job.lease!.token, {
      agentId: 'N3',
      phase: 'nutrition',
      completedSteps: 6,
      running: ['E7', 'N3'],
    });
    expect(started?.progress).toMatchObject({
      current_agent: 'E7, N3',
      running_agents: ['E7', 'N3'],
      message: 'Agente N3 en curso',
    });
    expect(toPublicJob(started!).progress.running_agents).toEqual(['E7', 'N3']);
    // A job that stops running names no agent as running, whichever operation stopped it.
    const failed = await failJob(jobsCol(), job._id, job.lease!.token, 'llm_error', 'caído');
    expect(failed?.progress).toMatchObject({ current_agent: null, running_agents: [] });
  });

  it('an unknown price adds no 0 to cost_usd: the job names the model once, even in older documents', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    const token = job.lease!.token;
    // A job stored before the field existed: the first unknown price must still be recorded.
    await jobsCol().updateOne({ _id: job._id }, { $unset: { unpriced_models: '' } });
    const steps = [
      { agentId: 'E1', costUsd: 0.5 },
      { agentId: 'E2', costUsd: null, unpricedModel: 'modelo-sin-precio' },
      { agentId: 'E3', costUsd: null, unpricedModel: 'modelo-sin-precio' },
      { agentId: 'E4', costUsd: null, unpricedModel: 'another-unpriced' },
    ] as const;
    for (const [i, step] of steps.entries()) {
      await recordStepCompleted(jobsCol(), job._id, token, {
        phase: 'training',
        completedSteps: i + 1,
        usage,
        ...step,
      });
    }
    // A restored checkpoint whose tokens were counted adds neither cost nor models.
    await recordStepsRestored(jobsCol(), job._id, token, {
      agentIds: ['E5'],
      phase: 'training',
      completedSteps: 5,
      uncounted: [],
    });
    const stored = (await jobsCol().findOne({ _id: job._id }))!;
    expect(stored.cost_usd).toBeCloseTo(0.5);
    expect(stored.unpriced_models).toEqual(['another-unpriced', 'modelo-sin-precio']);
    expect(knownJobCost(stored)).toBeNull();
    expect(toPublicJob(stored).unpriced_models).toEqual(['another-unpriced', 'modelo-sin-precio']);
  });

  it('a job document without unpriced_models is served with [] (and its cost as known)', async () => {
    const job = await enqueue(jobsCol(), input);
    expect(job.unpriced_models).toEqual([]);
    await jobsCol().updateOne({ _id: job._id }, { $unset: { unpriced_models: '' } });
    const stored = (await jobsCol().findOne({ _id: job._id }))!;
    expect(stored).not.toHaveProperty('unpriced_models');
    expect(toPublicJob(stored).unpriced_models).toEqual([]);
    expect(PublicJobSchema.parse(toPublicJob(stored)).unpriced_models).toEqual([]);
    expect(knownJobCost(stored)).toBe(0);
  });

  it('a job document without error_fields parses with [] and takes them on its next failure', async () => {
    const job = await enqueue(jobsCol(), input);
    expect(job.error_fields).toEqual([]);
    await jobsCol().updateOne({ _id: job._id }, { $unset: { error_fields: '' } });
    const stored = (await jobsCol().findOne({ _id: job._id }))!;
    expect(stored).not.toHaveProperty('error_fields');
    expect(GenerationJobSchema.parse(stored).error_fields).toEqual([]);
    expect(toPublicJob(stored).error_fields).toEqual([]);
    expect(PublicJobSchema.parse(toPublicJob(stored)).error_fields).toEqual([]);
    // The queue's compare-and-set writes work on the old shape and add the field.
    const running = await claimed();
    const fields = [{ field: 'responses.peso', code: 'invalid_number', message: 'peso: se esperaba…' }];
    const failed = await failJob(
      jobsCol(),
      running._id,
      running.lease!.token,
      'validation_error',
      '❌ FORMATO…',
      new Date(),
      fields,
    );
    expect(failed).toMatchObject({ error_message: '❌ FORMATO…', error_fields: fields });
    expect((await jobsCol().findOne({ _id: job._id }))?.error_fields).toEqual(fields);
  });

  it('keeps execution_log bounded', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    for (let i = 0; i < EXECUTION_LOG_LIMIT + 20; i++) {
      await appendJobLog(jobsCol(), job._id, job.lease!.token, 'retry', `entrada ${i}`);
    }
    const log = (await jobsCol().findOne({ _id: job._id }))!.execution_log;
    expect(log).toHaveLength(EXECUTION_LOG_LIMIT);
    expect(log.at(-1)?.message).toBe(`entrada ${EXECUTION_LOG_LIMIT + 19}`);
  });
});

describe('finishing, retries, offline wait, cancel, release, watchdog', () => {
  it('completes with result ids and 100 %', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    const done = await completeJob(jobsCol(), job._id, job.lease!.token, {
      training_plan_id: 'tp',
      nutrition_plan_id: null,
    });
    expect(done).toMatchObject({ status: 'completed', lease: null, result: { training_plan_id: 'tp' } });
    expect(done?.progress.percentage).toBe(100);
    expect(done?.completed_at).toBeInstanceOf(Date);
  });

  it('fails with a reason; transient failures back off until attempts run out', async () => {
    await enqueue(jobsCol(), { ...input, max_attempts: 2 });
    let job = await claimed();
    const t = new Date();
    const retried = await failOrRetry(
      jobsCol(),
      job._id,
      job.lease!.token,
      'llm_error',
      'El servicio de IA falló',
      5000,
      t,
    );
    expect(retried).toMatchObject({
      status: 'pending',
      waiting_reason: 'backoff',
      run_after: new Date(t.getTime() + 5000),
    });
    expect(retried?.execution_log.at(-1)?.event).toBe('retry');
    job = await claimed('w1', new Date(t.getTime() + 5000));
    expect(job.attempts).toBe(2);
    const failed = await failOrRetry(
      jobsCol(),
      job._id,
      job.lease!.token,
      'llm_error',
      'El servicio de IA falló',
      5000,
    );
    expect(failed).toMatchObject({ status: 'failed', error_reason: 'llm_error' });

    await enqueue(jobsCol(), input);
    const other = await claimed();
    expect(
      await failJob(jobsCol(), other._id, other.lease!.token, 'validation_error', '❌ FORMATO…'),
    ).toMatchObject({
      status: 'failed',
      error_reason: 'validation_error',
      error_message: '❌ FORMATO…',
    });
  });

  it('error_fields: written whole with each failure, replaced by the next, cleared by retry and completion', async () => {
    await enqueue(jobsCol(), { ...input, max_attempts: 2 });
    let job = await claimed();
    const validation = [
      { field: 'responses.email', code: 'invalid_email', message: 'email: se esperaba un email válido' },
      { field: 'responses.altura_cm', code: 'missing', message: 'altura_cm: falta este campo obligatorio' },
    ];
    const failed = await failJob(
      jobsCol(),
      job._id,
      job.lease!.token,
      'validation_error',
      '❌ FORMATO…\n• email…',
      new Date(),
      validation,
    );
    expect(failed).toMatchObject({ status: 'failed', error_message: '❌ FORMATO…\n• email…' });
    expect((await jobsCol().findOne({ _id: job._id }))?.error_fields).toEqual(validation);

    expect((await retryJob(jobsCol(), job._id))?.error_fields).toEqual([]);
    expect((await jobsCol().findOne({ _id: job._id }))?.error_fields).toEqual([]);

    job = await claimed();
    const screening = [{ field: 'SCR-03', code: 'SCR-03', message: 'Menor de edad (15 años)…' }];
    const waiting = await failOrRetry(
      jobsCol(),
      job._id,
      job.lease!.token,
      'screening_required',
      'El cuestionario requiere revisión…',
      10,
      new Date(),
      screening,
    );
    expect(waiting).toMatchObject({ status: 'pending', error_fields: screening });
    job = await claimed('w1', new Date(Date.now() + 1000));
    // A failure without per-field detail does not keep the previous one's fields.
    const timedOut = await failJob(jobsCol(), job._id, job.lease!.token, 'timeout', timeoutMessage(60_000));
    expect(timedOut).toMatchObject({ error_reason: 'timeout', error_fields: [] });

    await retryJob(jobsCol(), job._id);
    job = await claimed();
    await failOrRetry(jobsCol(), job._id, job.lease!.token, 'llm_error', 'fallo', 10, new Date(), screening);
    job = await claimed('w1', new Date(Date.now() + 1000));
    const done = await completeJob(jobsCol(), job._id, job.lease!.token, {
      training_plan_id: 'tp',
      nutrition_plan_id: null,
    });
    expect(done).toMatchObject({ status: 'completed', error_reason: null, error_fields: [] });
    expect((await jobsCol().findOne({ _id: job._id }))?.error_fields).toEqual([]);
  });

  it('offline: back to pending, attempt given back, growing run_after, message for the coach', async () => {
    await enqueue(jobsCol(), input);
    let job = await claimed();
    const delays: number[] = [];
    let now = new Date();
    for (let i = 0; i < 4; i++) {
      const waiting = await waitOffline(jobsCol(), job._id, job.lease!.token, {
        baseMs: 1000,
        maxMs: 60_000,
        now,
      });
      expect(waiting).toMatchObject({
        status: 'pending',
        waiting_reason: 'offline',
        attempts: 0,
        offline_waits: i + 1,
      });
      expect(waiting?.progress.message).toBe('Esperando conexión…');
      delays.push(waiting!.run_after.getTime() - now.getTime());
      now = waiting!.run_after;
      job = await claimed('w1', now);
    }
    // Full jitter keeps each delay within [ceiling/2, ceiling] of a doubling ceiling.
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(1000 * 2 ** i * 0.5);
      expect(d).toBeLessThanOrEqual(1000 * 2 ** i);
    });
    expect(job.attempts).toBe(1);
    const back = await recordStepCompleted(jobsCol(), job._id, job.lease!.token, {
      agentId: 'E1',
      phase: 'training',
      completedSteps: 1,
      usage,
      costUsd: 0,
    });
    expect(back).toMatchObject({ offline_waits: 0, waiting_reason: null });
  });

  it('cancel: pending at once; running flagged, then finished as cancelled; others not cancellable', async () => {
    const pending = await enqueue(jobsCol(), input, new Date(Date.now() + 60_000));
    expect(await cancelJob(jobsCol(), pending._id)).toMatchObject({
      outcome: 'cancelled',
      job: { status: 'failed', error_reason: 'cancelled' },
    });
    await enqueue(jobsCol(), input);
    const running = await claimed();
    expect((await cancelJob(jobsCol(), running._id)).outcome).toBe('cancel_requested');
    expect(await markCancelled(jobsCol(), running._id, running.lease!.token)).toMatchObject({
      status: 'failed',
      error_reason: 'cancelled',
      lease: null,
    });
    expect((await cancelJob(jobsCol(), running._id)).outcome).toBe('not_cancellable');
    expect((await cancelJob(jobsCol(), 'missing')).outcome).toBe('not_found');
  });

  it('manual retry of a failed job resets attempts and errors', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    await failJob(jobsCol(), job._id, job.lease!.token, 'timeout', timeoutMessage(1_800_000));
    const retried = await retryJob(jobsCol(), job._id);
    expect(retried).toMatchObject({
      status: 'pending',
      attempts: 0,
      error_reason: null,
      error_message: null,
    });
    expect(retried?.execution_log.at(-1)?.event).toBe('manual_retry');
    expect(await retryJob(jobsCol(), job._id)).toBeNull(); // not failed any more
  });

  it('release on shutdown gives the job back at once without spending the attempt', async () => {
    await enqueue(jobsCol(), input);
    const job = await claimed();
    const released = await releaseOnShutdown(jobsCol(), job._id, job.lease!.token);
    expect(released).toMatchObject({ status: 'pending', attempts: 0, lease: null });
    expect((await claimed()).attempts).toBe(1);
  });

  it('watchdog: message from the setting; overdue running jobs fail with timeout', async () => {
    expect(timeoutMessage(1_800_000)).toBe('Job excedió timeout de 30 minutos');
    expect(timeoutMessage(120_000)).toBe('Job excedió timeout de 2 minutos');
    const t0 = new Date();
    await enqueue(jobsCol(), input, t0);
    const job = await claimed('w', t0);
    const sweep = (at: Date) =>
      failOverdueJobs(jobsCol(), {
        clock: { now: () => at, serverTime: true },
        defaultTimeoutMs: 60_000,
        graceMs: 5_000,
      });
    expect(await sweep(new Date(t0.getTime() + 30_000))).toEqual([]);
    const [failed] = await sweep(new Date(t0.getTime() + 66_000));
    expect(failed).toMatchObject({
      _id: job._id,
      status: 'failed',
      error_reason: 'timeout',
      error_message: 'Job excedió timeout de 1 minutos',
    });
  });

  it('watchdog: a start stamped by a claimer without the server clock is judged by the run time its owner reports', async () => {
    const t0 = new Date();
    await enqueue(jobsCol(), input, t0);
    // Claimed by an instance whose clock is local and runs 5 minutes slow.
    const slow = new Date(t0.getTime() - 5 * 60_000);
    const job = (await claimNextJob(jobsCol(), {
      owner: 'lenta',
      leaseMs: LEASE,
      now: slow,
      serverTime: false,
    }))!;
    const sweep = () =>
      failOverdueJobs(jobsCol(), {
        clock: { now: () => new Date(t0.getTime() + 1_000), serverTime: true },
        defaultTimeoutMs: 60_000,
        graceMs: 5_000,
      });
    expect(await sweep()).toEqual([]); // 5 min "old" by the slow stamp, 1 s by any honest measure
    await renewLease(jobsCol(), job._id, job.lease!.token, LEASE, slow, 66_000);
    expect((await sweep()).map((j) => j.error_reason)).toEqual(['timeout']);
  });

  it('backoff grows exponentially with jitter and a ceiling', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
