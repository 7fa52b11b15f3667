import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { buildPendingJob } from '../../src/main/queue/enqueue';
import type { GenerationJob } from '../../src/shared/job';
import { accessibilityViolations } from './a11y';
import { docShot, startWebHarness, type WebHarness } from './harness';

/*
 * Where the clinic's work runs (issue #17 point 8), in the browser build: Trabajos names the instance
 * running each job (this one marked) and counts the running jobs per instance and overall, following
 * jobs other instances claim; Ajustes shows the server's state as a readable panel, not JSON.
 * "Other instances" are claims written straight into the shared database with their own lease owners
 * (`<instance>:<pid>:<random>`), as their workers would.
 */

const THIS = 'recepcion';
let h: WebHarness;
let page: Page;

function jobsCollection() {
  return h.mongo.db(h.dbName).collection<GenerationJob>('generation_jobs');
}

/** A job of `client` that the worker `owner` has claimed (its lease far from expiring). */
function runningJob(client: string, owner: string): GenerationJob {
  const now = new Date();
  const job = buildPendingJob({ user_id: client, submission_id: `sub-${client}`, type: 'training' }, now);
  return {
    ...job,
    status: 'running',
    attempts: 1,
    started_at: now,
    attempt_started_at: now,
    lease: { owner, token: `token-${client}`, expires_at: new Date('2100-01-01T00:00:00Z'), run_ms: 0 },
    progress: { ...job.progress, phase: 'running', message: 'Iniciando…' },
    updated_at: now,
  };
}

beforeAll(async () => {
  // A long lease: the claims written here get no heartbeats, and must not be recovered mid-test.
  h = await startWebHarness({ EDN_INSTANCE_NAME: THIS, EDN_LEASE_MS: '600000' });
  page = h.page;
  const queued = buildPendingJob({ user_id: 'cliente-cola', submission_id: 'sub-cola', type: 'nutrition' });
  await jobsCollection().insertMany([
    runningJob('cliente-otra', 'consulta-2:123:abc'),
    runningJob('cliente-aqui', `${THIS}:9:x`),
    // Waiting out a backoff until 2100: this server's worker leaves it in the queue.
    { ...queued, waiting_reason: 'backoff', run_after: new Date('2100-01-01T00:00:00Z') },
  ]);
});
afterAll(async () => {
  await h?.stop();
});

function row(client: string) {
  return page.getByTestId('job-row').filter({ hasText: client });
}

describe('where the jobs run', () => {
  it('Trabajos shows the instance of each running job and the running jobs per instance', async () => {
    await page.getByTestId('nav-jobs').click();
    await page.getByRole('columnheader', { name: 'Instancia' }).waitFor();
    await expect.poll(() => page.getByTestId('job-row').count(), { timeout: 30_000 }).toBe(3);
    expect(await row('cliente-otra').getByTestId('job-instance').textContent()).toBe('consulta-2');
    await expect
      .poll(() => row('cliente-aqui').getByTestId('job-instance').textContent(), { timeout: 15_000 })
      .toBe(`${THIS} (esta)`);
    expect(await row('cliente-cola').getByTestId('job-instance').textContent()).toBe('—');

    const summary = page.getByTestId('jobs-running-summary');
    const instances = () => summary.getByTestId('jobs-running-instance').allTextContents();
    await expect.poll(() => summary.getByTestId('jobs-running-total').textContent()).toBe('En curso: 2');
    expect(await instances()).toEqual([`${THIS} (esta): 1`, 'consulta-2: 1']);
    expect(await summary.getByTestId('jobs-pending-total').textContent()).toBe('En cola: 1');

    // Another worker of consulta-2 claims a job: the counts follow without reloading the screen.
    await jobsCollection().insertOne(runningJob('cliente-nueva', 'consulta-2:456:def'));
    await expect
      .poll(() => summary.getByTestId('jobs-running-total').textContent(), { timeout: 15_000 })
      .toBe('En curso: 3');
    expect(await instances()).toEqual([`${THIS} (esta): 1`, 'consulta-2: 2']);
    await expect.poll(() => row('cliente-nueva').count(), { timeout: 15_000 }).toBe(1);
    expect(await row('cliente-nueva').getByTestId('job-instance').textContent()).toBe('consulta-2');

    expect(await accessibilityViolations(page)).toEqual([]);
    await docShot(page, 'instances', 'jobs');
  });

  it("the browser build's Ajustes shows the server's state as a readable panel", async () => {
    await page.getByTestId('nav-settings').click();
    const panel = page.getByTestId('settings-health');
    await panel.getByTestId('server-status').waitFor({ timeout: 15_000 });
    const text = await panel.innerText();
    expect(text).not.toContain('{');
    expect(text).not.toContain('"status"');
    expect(await panel.getByTestId('server-instance').textContent()).toBe(THIS);
    expect(await panel.getByTestId('server-overall').getAttribute('data-status')).toBe('ok');
    expect(await panel.getByTestId('server-overall').textContent()).toBe('Funciona con normalidad');
    expect(['Hora del servidor de base de datos', 'Hora de este equipo']).toContain(
      await panel.getByTestId('server-clock-source').textContent(),
    );
    expect(['Cambios en vivo (change streams)', 'Sondeo compartido']).toContain(
      await panel.getByTestId('server-watch-mode').textContent(),
    );
    expect(await panel.getByTestId('server-worker-state').textContent()).toBe('En marcha');
    expect(await panel.getByTestId('server-llm-status').textContent()).toMatch(/^(Accesible|No accesible)$/);
    // Headings and definition lists, for screen readers.
    expect(await panel.getByRole('heading', { name: 'Base de datos' }).count()).toBe(1);
    expect(await panel.locator('dl dt').count()).toBeGreaterThan(10);

    await panel.getByTestId('server-refresh').click();
    await expect.poll(() => panel.getByTestId('server-refresh').isEnabled()).toBe(true);
    expect(await panel.getByTestId('server-instance').textContent()).toBe(THIS);

    expect(await accessibilityViolations(page)).toEqual([]);
    await page
      .getByRole('heading', { name: 'Estado del servidor' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await docShot(page, 'instances', 'settings-server');
  });
});
