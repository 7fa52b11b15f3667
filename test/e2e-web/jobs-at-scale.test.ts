import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { buildPendingJob } from '../../src/main/queue/enqueue';
import type { GenerationJob } from '../../src/shared/job';
import { shot, startWebHarness, type WebHarness } from './harness';

/*
 * Trabajos with 10 000 jobs in MongoDB: the list renders only a window of rows, reaches the last
 * (oldest) job by scrolling, and filters by status on the server. No timing assertions: "smooth"
 * here means bounded DOM, whatever the machine's speed.
 */
const TOTAL = 10_000;
const LAST_CLIENT = `cliente-${String(TOTAL - 1).padStart(5, '0')}`;

let h: WebHarness;
let page: Page;

/** Job i is i seconds older than job 0; a quarter failed, a quarter completed, half pending. */
function seededJob(i: number, base: Date): GenerationJob {
  const at = new Date(base.getTime() - i * 1000);
  const job = buildPendingJob(
    {
      user_id: `cliente-${String(i).padStart(5, '0')}`,
      submission_id: `sub-${i}`,
      type: (['training', 'nutrition', 'full'] as const)[i % 3] ?? 'training',
    },
    at,
  );
  switch (i % 4) {
    case 0:
      return {
        ...job,
        status: 'failed',
        error_reason: i % 8 === 0 ? 'screening_required' : 'llm_error',
        error_message: 'El LLM respondió con un error',
        completed_at: at,
      };
    case 1:
      return {
        ...job,
        status: 'completed',
        progress: { ...job.progress, phase: 'completed', percentage: 100 },
        completed_at: at,
      };
    default:
      // Pending, waiting out a retry backoff until 2100: the worker of `edn360 serve` leaves them
      // alone (a job waiting for nothing would be due whatever its run_after: src/main/queue/claim.ts).
      return { ...job, waiting_reason: 'backoff', run_after: new Date('2100-01-01T00:00:00Z') };
  }
}

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
  const jobs = h.mongo.db(h.dbName).collection<GenerationJob>('generation_jobs');
  const base = new Date();
  for (let start = 0; start < TOTAL; start += 1000) {
    const batch = Array.from({ length: 1000 }, (_, k) => seededJob(start + k, base));
    await jobs.insertMany(batch);
  }
});
afterAll(async () => {
  await h?.stop();
});

function rows() {
  return page.getByTestId('jobs-table').getByRole('row');
}

describe('Trabajos with 10 000 jobs', () => {
  it('renders a window of rows, scrolls to the last job and filters by status', async () => {
    // One of the 10 000 clients exists (the rest have jobs but no client: they show their ids).
    await h.mongo.db(h.dbName).collection<Record<string, unknown> & { _id: string }>('users').insertOne({
      _id: 'cliente-00001',
      nombre_completo: 'Bruno Díaz Vega',
      email: null,
      telefono: null,
      notas: null,
      archived: false,
      created_at: new Date(),
      updated_at: new Date(),
    });
    const userRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/admin/users')) userRequests.push(path);
    });
    await page.getByTestId('nav-jobs').click();
    const table = page.getByTestId('jobs-table');
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 30_000 }).toBe(String(TOTAL));
    await page.getByTestId('job-row').first().waitFor();
    expect(await page.getByTestId('job-row').first().textContent()).toContain('cliente-00000');
    expect(await rows().count()).toBeLessThan(200);
    // The long failure reason is shown whole (wrapped), not cut with an ellipsis.
    const badge = page.getByTestId('job-row').first().getByTestId('job-status');
    expect(await badge.textContent()).toBe('Requiere revisión sanitaria');
    const clipped = await badge.evaluate((el) => {
      const label = el.firstElementChild ?? el;
      return label.scrollWidth > label.clientWidth + 1;
    });
    expect(clipped).toBe(false);
    // Client names, fetched for the rows on screen in one go rather than one request per row.
    await expect
      .poll(() => page.getByTestId('job-row').nth(1).getByTestId('job-client').textContent(), {
        timeout: 15_000,
      })
      .toBe('Bruno Díaz Vega');
    await shot(page, 'jobs-10000');

    // To the end: the oldest job appears, and the DOM still holds only a window.
    const scroller = table.locator('.jobs-scroller');
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = page.getByTestId('job-row').filter({ hasText: LAST_CLIENT });
    await last.waitFor({ timeout: 30_000 });
    expect(await rows().count()).toBeLessThan(200);
    expect(await page.getByTestId('job-row').filter({ hasText: 'cliente-00000' }).count()).toBe(0);

    // Filter by status (server side): only failed jobs, a quarter of them.
    await page.getByTestId('jobs-filter-status').click();
    await page.getByRole('option', { name: 'Fallido', exact: true }).click();
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 30_000 }).toBe(String(TOTAL / 4));
    await page.getByTestId('job-row').first().waitFor();
    const statuses = await page
      .getByTestId('job-row')
      .getByTestId('job-status')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['failed']));
    expect(await rows().count()).toBeLessThan(200);

    // Retry only where it can help: not for a questionnaire that needs review (it would fail again).
    const first = page.getByTestId('job-row').filter({ hasText: 'cliente-00000' });
    const llmError = page.getByTestId('job-row').filter({ hasText: 'cliente-00004' });
    expect(await first.getByTestId('job-retry').count()).toBe(0);
    expect(await first.getByTestId('job-fix-questionnaire').count()).toBe(1);
    expect(await llmError.getByTestId('job-retry').count()).toBe(1);

    // A listed job that stops matching the filter leaves the list by itself (here: completed elsewhere).
    await h.mongo
      .db(h.dbName)
      .collection<GenerationJob>('generation_jobs')
      .updateOne(
        { user_id: 'cliente-00000' },
        {
          $set: {
            status: 'completed',
            error_reason: null,
            error_message: null,
            updated_at: new Date(),
            'progress.percentage': 100,
          },
        },
      );
    await expect
      .poll(() => table.getAttribute('aria-rowcount'), { timeout: 30_000 })
      .toBe(String(TOTAL / 4 - 1));
    await expect.poll(() => first.count()).toBe(0);
    expect(await page.getByTestId('job-row').first().textContent()).toContain('cliente-00004');

    // Names came from a few directory listings, never one request per row.
    expect(userRequests.filter((path) => path !== '/admin/users')).toEqual([]);
    expect(userRequests.length).toBeLessThan(10);
  });
});
