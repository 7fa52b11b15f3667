import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { PROFILES } from '../support/profiles';
import { accessibilityViolations } from './a11y';
import { benchPressId, shot, startWebHarness, type WebHarness } from './harness';

/*
 * "Blocked means blocked" in the coach's screens (issue 13 point 4): a training plan its audit
 * blocks (the fake LLM gives > 30 weekly chest sets) opens for review from the progress modal, with
 * the banner and export disabled (and refused by the API); the coach's written approval turns it
 * into a deliverable plan whose note heads the printed plan.
 */
let h: WebHarness;
let page: Page;
const CLIENT = 'cliente-bloqueo-e2e';
const REASON = 'Revisado en persona: lleva un año con este volumen de pecho y lo tolera bien.';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

async function exportOverHttp(planId: string): Promise<Response> {
  return fetch(`${h.cli.url}/admin/training-plans/${planId}/export`, {
    headers: { authorization: `Bearer ${h.token}` },
  });
}

async function planRow() {
  await page.goto(`${h.cli.url}/#/clients/${CLIENT}`);
  const row = page.getByTestId('plans-training').getByTestId('plan-row').first();
  await row.waitFor();
  return row;
}

describe('a plan its audit blocks, in the browser', () => {
  let planId = '';

  it('opens for review with the banner, export disabled in the UI and refused by the API', async () => {
    const submit = await fetch(`${h.cli.url}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: CLIENT, responses: PROFILES['vegetarianoVolumen'] }),
    });
    expect(submit.status).toBe(201);
    h.llm.faults.add([
      { type: 'mutate', agent: 'E5', mutation: 'set_series', value: benchPressId(), series: 10, count: 1 },
    ]);
    await page.goto(`${h.cli.url}/#/clients/${CLIENT}`);
    await page.getByTestId('generate-open').click();
    await page.getByRole('dialog').getByText('Entrenamiento', { exact: true }).click();
    await page.getByTestId('generate-start').click();
    const modal = page.getByTestId('generation-progress-modal');
    await modal.getByTestId('progress-error').waitFor({ timeout: 90_000 });
    expect(await modal.getByTestId('progress-error').textContent()).toMatch(
      /Bloqueado por auditoría.*TRN-06/,
    );
    await modal.getByTestId('progress-review-plan').click();

    await page.getByTestId('plan-screen').waitFor();
    planId = `tp_${decodeURIComponent(page.url().split('/plan/')[1] ?? '')}`;
    const banner = page.getByTestId('delivery-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('training');
    expect(await banner.getByRole('heading').first().textContent()).toContain('bloqueado — no entregable');
    expect(await banner.getByTestId('delivery-blocked-rule').allTextContents()).toContainEqual(
      expect.stringMatching(/^TRN-06: .*pecho/),
    );
    expect(await page.getByTestId('delivery-badge').textContent()).toBe(
      'Entrenamiento: Bloqueado — no entregable',
    );
    expect(await page.getByTestId('export-pdf').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-json').isDisabled()).toBe(true);
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-disabled-reason').textContent()).toMatch(
      /^Exportación desactivada/,
    );
    await shot(page, 'plan-blocked');
    expect(await accessibilityViolations(page)).toEqual([]);

    const refused = await exportOverHttp(planId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toBe('plan_blocked');
  });

  it('is listed in the ficha, marked, never current, and cannot be continued', async () => {
    const row = await planRow();
    expect(await row.getAttribute('data-delivery')).toBe('blocked');
    expect(await row.getByTestId('delivery-badge').textContent()).toBe('Bloqueado — no entregable');
    expect(await page.getByTestId('plan-current').count()).toBe(0);
    expect(await row.getByTestId('plan-generate-next').isDisabled()).toBe(true);
  });

  it('the coach approves it with a written reason: the note shows, on screen and printed, and export works', async () => {
    await page.goto(`${h.cli.url}/#/plan/${planId.slice(3)}`);
    const form = page.getByTestId('override-form-training');
    await form.waitFor();
    await page.getByTestId('override-reason').fill('muy corto');
    await page.getByTestId('override-submit').click();
    await form
      .getByText('Escribe al menos 20 caracteres: por qué entregas el plan pese al bloqueo.')
      .waitFor();
    expect(await page.getByTestId('override-reason').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('override-reason').fill(REASON);
    await page.getByTestId('override-coach').fill('Marta');
    await page.getByTestId('override-submit').click();
    const note = page.getByTestId('delivery-override-note');
    await note.waitFor();
    expect(await note.textContent()).toContain(`Aprobado por el coach pese al bloqueo: «${REASON}» — `);
    expect(await note.textContent()).toContain('Aprobado por: Marta');
    expect(await page.getByTestId('delivery-banner').count()).toBe(0);
    expect(await page.getByTestId('export-pdf').isDisabled()).toBe(false);
    expect(await page.getByTestId('export-json').isDisabled()).toBe(false);
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(false);
    expect(await page.getByTestId('export-disabled-reason').count()).toBe(0);
    await page.mouse.move(0, 0);
    await shot(page, 'plan-overridden');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The browser's print dialog is stood in for (headless Chromium has none): the note is printed.
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        print(): void;
        document: { querySelector(s: string): { textContent: string | null } | null };
        __printed?: string[];
      };
      w.__printed = [];
      w.print = () => {
        w.__printed?.push(w.document.querySelector('[data-testid="plan-print-layout"]')?.textContent ?? '');
      };
    });
    await page.getByTestId('export-pdf').click();
    const printed = () => page.evaluate(() => (globalThis as unknown as { __printed: string[] }).__printed);
    await expect.poll(async () => (await printed()).length).toBe(1);
    expect((await printed())[0]).toContain(`Aprobado por el coach pese al bloqueo: «${REASON}»`);

    const download = await exportOverHttp(planId);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(
      'attachment; filename="plan-entrenamiento-',
    );
  });

  it('is then the current plan in the ficha and can be continued', async () => {
    const row = await planRow();
    expect(await row.getAttribute('data-delivery')).toBe('overridden');
    expect(await row.getByTestId('delivery-badge').textContent()).toBe('Aprobado por el coach');
    expect(await row.getByTestId('plan-current').textContent()).toBe('Plan actual');
    expect(await row.getByTestId('plan-generate-next').isDisabled()).toBe(false);
  });
});
