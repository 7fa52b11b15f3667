import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepId } from '../../../src/shared/generation-step';
import { getCollections } from '../../../src/main/db/collections';
import { enqueue } from '../../../src/main/queue';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { useApiServer, validResponses } from '../../support/api-harness';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';

// Bugs the fault suite found (test/faults): each pinned here so it stays fixed in `npm test`.
const api = useApiServer();

describe('found by the SIGKILL runs', () => {
  const llm = new FakeLlmServer();
  beforeAll(() => llm.start());
  afterAll(() => llm.stop());

  it('a worker killed between an agent’s checkpoint and its progress write: the resumed job still counts that agent’s tokens', async () => {
    const db = api.testDb.db;
    const { steps } = getCollections(db);
    const first = await createSubmissionAndJob(db, PROFILES['celiacaEnCasa']!, 'training');
    await runJobToEnd(first.jobId, { db, settings: pipelineSettings(llm) });
    // The crash, reproduced exactly: E1 and E2 are checkpointed for a job whose document never
    // recorded them (the process died right after each checkpoint).
    const crashed = await enqueue(getCollections(db).jobs, {
      user_id: first.userId,
      submission_id: first.submissionId,
      type: 'training',
    });
    const paid = await steps.find({ job_id: first.jobId, agent_id: { $in: ['E1', 'E2'] } }).toArray();
    await steps.insertMany(
      paid.map((s) => ({ ...s, _id: stepId(crashed._id, s.agent_id), job_id: crashed._id })),
    );
    llm.requests.length = 0;

    const job = await runJobToEnd(crashed._id, { db, settings: pipelineSettings(llm) });

    expect(job.status).toBe('completed');
    expect(llm.requests.filter((r) => r.agent === 'E1' || r.agent === 'E2')).toHaveLength(0);
    for (const step of paid) expect(job.token_usage.by_agent[step.agent_id]).toEqual(step.usage);
    const all = await steps.find({ job_id: crashed._id }).toArray();
    expect(job.token_usage.total_tokens).toBe(all.reduce((s, x) => s + x.usage.total_tokens, 0));
    expect(job.cost_usd).toBeCloseTo(
      all.reduce((s, x) => s + x.cost_usd!, 0),
      8,
    );
    // E1 and E2 were restored, not run: the log says so once, and "completado" only for the others.
    expect(job.execution_log.filter((e) => e.event === 'agent_completed')).toHaveLength(7);
    expect(job.execution_log.filter((e) => e.event === 'steps_restored').map((e) => e.message)).toEqual([
      'Reanudando: 2 agente(s) recuperado(s) de intentos anteriores (E1, E2)',
    ]);
  });
});

describe('found by the HTTP fuzz', () => {
  it('a search with a NUL character is a search, not a 500', async () => {
    const response = await api.request('GET', '/admin/users?search=%00');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ success: true, items: [] });
  });

  it('a malformed % escape in a path answers 400 in the API’s JSON error shape', async () => {
    for (const url of ['/jobs/%ZZ', '/admin/users/%E0%A4%A/plans', '/jobs/%']) {
      const response = await api.request('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json()).toMatchObject({ success: false, error: 'invalid_request' });
    }
  });

  it('ids of 101–128 characters (valid everywhere) reach the route; longer ones get a named 400', async () => {
    const longId = 'c'.repeat(120);
    const submitted = await api.request('POST', '/submit-nutrition-questionnaire', {
      body: { user_id: longId, responses: validResponses() },
    });
    expect(submitted.statusCode).toBe(201);
    const user = await api.request('GET', `/admin/users/${longId}`);
    expect(user.statusCode).toBe(200);
    const tooLong = await api.request('GET', `/jobs/${'x'.repeat(129)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ success: false, error: 'validation_error' });
  });
});
