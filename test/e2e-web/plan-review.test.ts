import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { PROFILES } from '../support/profiles';
import { accessibilityViolations } from './a11y';
import { benchPressId, docShot, startWebHarness, type WebHarness } from './harness';

/*
 * "The coach stays in charge" (issue 16) in the browser: a generated plan is a draft the client
 * cannot get until the coach approves it; exporting delivers it; versions are listed, compared in
 * words, restored and regenerated in part with a note; the ficha says which version the client has.
 * Screenshots of the key states go to docs/screenshots/review/ (EDN_DOC_SCREENSHOTS=1).
 */
let h: WebHarness;
let page: Page;
const CLIENT = 'cliente-revision-e2e';
const BLOCKED_CLIENT = 'cliente-revision-bloqueo-e2e';
const NOTE = 'Más trabajo de glúteo';
const REASON = 'Revisado con la clienta: tolera este volumen de pecho desde hace un año.';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
  page.on('pageerror', (error) => console.error('pageerror', error.message, error.stack));
});
afterAll(async () => {
  await h?.stop();
});

/** A screenshot for the docs (refreshed with EDN_DOC_SCREENSHOTS=1; see harness.ts). */
async function reviewShot(name: string): Promise<void> {
  await page.waitForTimeout(300);
  await docShot(page, 'review', name);
}

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${h.cli.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json', ...init.headers },
  });
}

async function submit(userId: string): Promise<void> {
  // With the token: both clients answer with the profile's email, and without it the public route
  // refuses the second one (it only registers clients it does not know, by id or email).
  const response = await fetch(`${h.cli.url}/submit-nutrition-questionnaire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
    body: JSON.stringify({ user_id: userId, responses: PROFILES['vegetarianoVolumen'] }),
  });
  expect(response.status).toBe(201);
}

/** A training plan generated through the UI; the plan screen is open when it returns. */
async function generateTraining(userId: string): Promise<void> {
  await page.goto(`${h.cli.url}/#/clients/${userId}`);
  await page.getByTestId('generate-open').click();
  await page.getByRole('dialog').getByText('Entrenamiento', { exact: true }).click();
  await page.getByTestId('generate-start').click();
}

async function versionRows(): Promise<{ version: string | null; origin: string | null }[]> {
  const rows = page.getByTestId('version-row');
  const count = await rows.count();
  const result: { version: string | null; origin: string | null }[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = rows.nth(i);
    result.push({
      version: await row.getAttribute('data-version'),
      origin: await row.getAttribute('data-origin'),
    });
  }
  return result;
}

describe('plan review in the browser: approve, deliver, versions, restore, regenerate', () => {
  let jobId = '';
  let planId = '';

  it('a generated plan is a draft: the client copies wait for the approval, which the coach gives', async () => {
    await submit(CLIENT);
    await generateTraining(CLIENT);
    await page.getByTestId('plan-screen').waitFor({ timeout: 90_000 });
    await page.getByTestId('generation-progress-modal').waitFor({ state: 'detached' });
    jobId = decodeURIComponent(page.url().split('/plan/')[1] ?? '');
    planId = `tp_${jobId}`;

    const bar = page.getByTestId('review-bar');
    await bar.waitFor();
    expect(await bar.getAttribute('data-state')).toBe('draft');
    expect(await bar.getByTestId('review-state').textContent()).toBe('Borrador · versión 1');
    expect(await bar.getByTestId('review-client-has').textContent()).toBe(
      'El cliente aún no tiene ninguna versión',
    );
    expect(await page.getByTestId('export-json').isDisabled()).toBe(true);
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-pdf').isDisabled()).toBe(false); // the coach's own print
    expect(await page.getByTestId('export-disabled-reason').textContent()).toBe(
      'Aprueba la versión actual para enviarla al cliente.',
    );
    expect(await bar.getByTestId('review-edit').getAttribute('href')).toBe(`#/plans/training/${planId}/edit`);
    await page.getByTestId('generation-done-notice').getByRole('button', { name: 'Cerrar' }).click();
    await reviewShot('plan-draft');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Refused by the server too, not only greyed out.
    const refused = await api(`/admin/training-plans/${planId}/export`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toBe('plan_not_approved');

    await bar.getByTestId('review-approve').click();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('approved');
    expect(await bar.getByTestId('review-state').textContent()).toBe('Aprobada · versión 1');
    expect(await page.getByTestId('export-json').isDisabled()).toBe(false);
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(false);
    expect(await page.getByTestId('export-disabled-reason').count()).toBe(0);
    expect(await bar.getByTestId('review-approve').count()).toBe(0);
    await reviewShot('plan-approved');
  });

  it('exporting the client PDF delivers it: the plan says "Entregada"', async () => {
    await page.getByTestId('client-pdf-open').click();
    const options = page.getByTestId('client-pdf-options');
    await options.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      options.getByTestId('client-pdf-create').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bar = page.getByTestId('review-bar');
    await expect.poll(() => bar.getAttribute('data-state')).toBe('delivered');
    expect(await bar.getByTestId('review-state').textContent()).toMatch(
      /^Entregada · versión 1 \(el \d{1,2} \S+\)$/,
    );
    await reviewShot('plan-delivered');
  });

  it('lists v1, shows an edit made through the API as words, and restores v1 as v3', async () => {
    await page.getByTestId('review-versions').click();
    await page.getByTestId('versions-screen').waitFor();
    await page.getByTestId('version-row').first().waitFor();
    expect(await versionRows()).toEqual([{ version: '1', origin: 'generated' }]);
    const v1 = page.locator('[data-testid="version-row"][data-version="1"]');
    expect(await v1.getByTestId('version-current').count()).toBe(1);
    expect(await v1.getByTestId('version-client-has').textContent()).toBe('La tiene el cliente');
    expect(await v1.textContent()).toContain('Generación automática');
    expect(await page.getByTestId('version-diff').textContent()).toContain('Solo hay una versión');

    // A version saved elsewhere (the editor, another instance): one more series in the first exercise.
    const stored = (await (await api(`/admin/training-plans/${planId}`)).json()) as Record<string, unknown>;
    const plan = (stored['plan'] ?? stored) as {
      training: {
        safe_sessions?: { sesiones?: { ejercicios: { series: number }[] }[] };
        sessions: { sesiones: { ejercicios: { series: number }[] }[] };
      };
    };
    const week = plan.training.safe_sessions?.sesiones ?? plan.training.sessions.sesiones;
    const series = week[0]!.ejercicios[0]!.series;
    const saved = await api(`/admin/training-plans/${planId}/versions`, {
      method: 'POST',
      body: JSON.stringify({
        base_version: 1,
        edits: [{ type: 'set_prescription', session: 0, exercise: 0, series: series + 1 }],
        note: 'Una serie más en el primer ejercicio',
        coach: 'Marta',
      }),
    });
    expect(saved.status).toBe(201);

    await page.reload();
    await page.getByTestId('version-row').first().waitFor();
    expect(await versionRows()).toEqual([
      { version: '2', origin: 'edit' },
      { version: '1', origin: 'generated' },
    ]);
    const v2 = page.locator('[data-testid="version-row"][data-version="2"]');
    expect(await v2.textContent()).toContain('Marta · API local');
    expect(await v2.getByTestId('version-note').textContent()).toBe('Una serie más en el primer ejercicio');
    expect(await page.getByTestId('review-bar').getByTestId('review-state').textContent()).toBe(
      'Borrador · versión 2',
    );
    expect(await page.getByTestId('review-bar').getByTestId('review-client-has').textContent()).toMatch(
      /^El cliente tiene la versión 1 \(entregada el /,
    );
    const changes = page.getByTestId('diff-change');
    await changes.first().waitFor();
    expect(await page.getByTestId('diff-from').inputValue()).toBe('1');
    expect(await page.getByTestId('diff-to').inputValue()).toBe('2');
    const texts = await changes.allTextContents();
    expect(texts.join('\n')).toMatch(new RegExp(`[Ss]eries.*${series} → ${series + 1}`));
    await reviewShot('versions-diff');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Either order reads: from v2 back to v1.
    await page.getByTestId('diff-from').selectOption('2');
    await page.getByTestId('diff-to').selectOption('1');
    await expect
      .poll(async () => (await changes.allTextContents()).join('\n'))
      .toMatch(new RegExp(`${series + 1} → ${series}`));

    await v1.getByTestId('version-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByText('Se creará la versión 3 con el contenido de la versión 1').waitFor();
    await page.getByTestId('restore-note').fill('Volvemos a lo generado');
    await reviewShot('versions-restore');
    await page.getByTestId('restore-confirm').click();
    await expect.poll(versionRows).toEqual([
      { version: '3', origin: 'restore' },
      { version: '2', origin: 'edit' },
      { version: '1', origin: 'generated' },
    ]);
    const v3 = page.locator('[data-testid="version-row"][data-version="3"]');
    expect(await v3.textContent()).toContain('desde la v1');
    expect(await v3.getByTestId('version-note').textContent()).toBe('Volvemos a lo generado');
    expect(await v3.getByTestId('version-current').count()).toBe(1);
  });

  it('regenerates one session with a note: the job runs and v4 "Regenerado" carries the note', async () => {
    const scope = page.getByTestId('regenerate-scope');
    const options = await scope.locator('option').allTextContents();
    expect(options[0]).toMatch(/^(Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo) · /);
    expect(options).toContain('Desde el agente E5 · Ingeniero de microciclos (y los siguientes)');
    // The note is required.
    await page.getByTestId('regenerate-submit').click();
    await page.getByText('Escribe qué quieres cambiar (p. ej. «más trabajo de glúteo»).').waitFor();
    await scope.selectOption({ index: 1 });
    await page.getByTestId('regenerate-note').fill(NOTE);
    await reviewShot('versions-regenerate');
    await page.getByTestId('regenerate-submit').click();
    // The job's progress shows in the usual modal; when it completes the list has the new version.
    await page.getByTestId('generation-progress-modal').getByTestId('progress-percentage').waitFor();
    await expect
      .poll(async () => (await versionRows())[0], { timeout: 90_000 })
      .toEqual({ version: '4', origin: 'regenerated' });
    await page.getByTestId('generation-progress-modal').waitFor({ state: 'detached' });
    const v4 = page.locator('[data-testid="version-row"][data-version="4"]');
    expect(await v4.getByTestId('version-origin').textContent()).toBe('Regenerado');
    expect(await v4.getByTestId('version-note').textContent()).toBe(NOTE);
    await reviewShot('versions-regenerated');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Approved from the versions screen.
    const bar = page.getByTestId('review-bar');
    expect(await bar.getByTestId('review-approve').textContent()).toBe('Aprobar versión 4');
    await bar.getByTestId('review-approve').click();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('approved');
    expect(await v4.getByTestId('version-approved').count()).toBe(1);
  });

  it("the ficha shows each plan's version, its state and the version the client has", async () => {
    await page.goto(`${h.cli.url}/#/clients/${CLIENT}`);
    const row = page.getByTestId('plans-training').getByTestId('plan-row').first();
    await row.waitFor();
    expect(await row.getByTestId('plan-review-state').textContent()).toBe('Aprobada · v4');
    expect(await row.getByTestId('plan-client-has').textContent()).toMatch(
      /^El cliente tiene la versión 1 \(entregada el \d{1,2} \S+\)$/,
    );
    await reviewShot('ficha-versions');
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByTestId('plan-versions-link').click();
    await page.getByTestId('versions-screen').waitFor();
  });

  it('a version someone else replaced meanwhile: the coach is told and reloads', async () => {
    await page.goto(`${h.cli.url}/#/plan/${jobId}`);
    const bar = page.getByTestId('review-bar');
    await bar.waitFor();
    // Another instance saves v5 on top of v4 while this page shows v4 (approved): a restore.
    const restored = await api(`/admin/training-plans/${planId}/versions/2/restore`, {
      method: 'POST',
      body: JSON.stringify({ base_version: 4 }),
    });
    expect(restored.status).toBe(201);
    await page.goto(`${h.cli.url}/#/plans/training/${planId}/versions`);
    await page.getByTestId('version-row').first().waitFor();
    // This screen still offers to restore on top of v5; a save on another instance makes it v6 first.
    await api(`/admin/training-plans/${planId}/versions/1/restore`, {
      method: 'POST',
      body: JSON.stringify({ base_version: 5 }),
    });
    await page
      .locator('[data-testid="version-row"][data-version="3"]')
      .getByTestId('version-restore')
      .click();
    await page.getByTestId('restore-confirm').click();
    const conflict = page.getByTestId('version-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Otra persona ha guardado una versión nueva');
    await reviewShot('version-conflict');
    await conflict.getByTestId('version-conflict-reload').click();
    await expect.poll(async () => (await versionRows())[0]?.version).toBe('6');
    expect(await page.getByTestId('version-conflict').count()).toBe(0);
  });
});

describe('a blocked version is approved with a written reason', () => {
  it("the review bar leads to the banner's form; approving with the reason lets the client copies out", async () => {
    await submit(BLOCKED_CLIENT);
    h.llm.faults.add([
      { type: 'mutate', agent: 'E5', mutation: 'set_series', value: benchPressId(), series: 10, count: 1 },
    ]);
    await generateTraining(BLOCKED_CLIENT);
    const modal = page.getByTestId('generation-progress-modal');
    await modal.getByTestId('progress-error').waitFor({ timeout: 90_000 });
    await modal.getByTestId('progress-review-plan').click();
    const bar = page.getByTestId('review-bar');
    await bar.waitFor();
    expect(await page.getByTestId('delivery-banner').count()).toBe(1);
    expect(await page.getByTestId('export-disabled-reason').textContent()).toMatch(
      /^Exportación desactivada/,
    );
    expect(await bar.getByTestId('review-approve').textContent()).toBe('Aprobar versión 1 con motivo');
    await bar.getByTestId('review-approve').click();
    // The written reason is asked for where the banner explains the block.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('override-reason');
    await page.getByTestId('override-reason').fill(REASON);
    await page.getByTestId('override-coach').fill('Marta');
    await reviewShot('plan-blocked-approve');
    await page.getByTestId('override-submit').click();
    await page.getByTestId('delivery-override-note').waitFor();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('approved');
    expect(await page.getByTestId('delivery-banner').count()).toBe(0);
    expect(await page.getByTestId('export-json').isDisabled()).toBe(false);
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(false);
    await reviewShot('plan-blocked-approved');
  });
});
