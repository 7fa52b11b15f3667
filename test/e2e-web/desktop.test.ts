import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { validResponses } from '../support/api-harness';
import { startDesktopHarness, type DesktopHarness } from './desktop-harness';
import { accessibilityViolations } from './a11y';
import { pdfPages } from './pdf-pages';
import { shot } from './harness';

/*
 * The desktop build's own screens (what the browser build hides): start-up banners, the editable
 * Ajustes (key, price table, model per agent, worker settings), the log viewer, job progress pushed
 * over IPC, and PDF export through the save dialog — real host, handlers and worker; see
 * desktop-harness.ts for the Electron pieces that are stood in for.
 */
let h: DesktopHarness;
let page: Page;
let planUrl = '';

beforeAll(async () => {
  h = await startDesktopHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

function settingsFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(h.dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

async function notification(text: RegExp): Promise<void> {
  await page.locator('.mantine-Notification-root', { hasText: text }).first().waitFor();
}

async function closeNotifications(): Promise<void> {
  const open = page.locator('.mantine-Notification-root');
  while ((await open.count()) > 0) {
    await open.first().getByRole('button').click();
    await page.waitForTimeout(250);
  }
}

describe('desktop renderer over IPC (Chromium, real main-process handlers)', () => {
  it('comes up through the start-up screen and warns that no LLM key is set', async () => {
    await page.getByTestId('startup-warning-llm_key_missing').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('startup-warning-llm_key_missing').textContent()).toMatch(/clave/i);
    await shot(page, 'desktop-startup-warning');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('stores the key in Ajustes: the worker restarts with it and the warning says it is not encrypted', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-llm-key').fill('sk-desktop-0123456789');
    await page.getByTestId('settings-llm-key-save').click();
    await page.getByTestId('startup-warning-key_not_encrypted').waitFor();
    expect(await page.getByTestId('startup-warning-llm_key_missing').count()).toBe(0);
    await page.getByTestId('settings-key-not-encrypted').waitFor();
    // The key never comes back to the page, and is stored encoded, not as typed.
    expect(await page.getByTestId('settings-llm-key').inputValue()).toBe('');
    expect(JSON.stringify(settingsFile())).not.toContain('sk-desktop-0123456789');
  });

  it('edits the price table with per-field errors, and saves only what differs from the built-in prices', async () => {
    const rows = page.getByTestId('price-table').locator('tbody tr');
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(4);
    // Built-in models can be repriced but not removed.
    expect(await page.getByTestId('price-remove-0').isDisabled()).toBe(true);

    await page.getByTestId('price-add').click();
    const row = before; // the new row's index
    await page.getByTestId(`price-input_per_1m-${row}`).fill('');
    await page.getByTestId('price-save').click();
    const form = page.getByTestId('price-table-form');
    await form.getByText('Escribe el nombre del modelo').waitFor();
    await form.getByText('Escribe un número').waitFor();
    expect(settingsFile()['prices']).toBeUndefined();

    await page.getByTestId(`price-model-${row}`).fill('gpt-5-mini');
    await page.getByTestId('price-save').click();
    await form.getByText('Este modelo ya está en la tabla').waitFor();

    await page.getByTestId(`price-model-${row}`).fill('modelo-local');
    await page.getByTestId(`price-input_per_1m-${row}`).fill('1');
    await page.getByTestId(`price-cached_input_per_1m-${row}`).fill('0.5');
    await page.getByTestId(`price-output_per_1m-${row}`).fill('4');
    await page.getByTestId('price-save').click();
    await notification(/El worker se reinicia/);
    expect(settingsFile()['prices']).toEqual({
      'modelo-local': { input_per_1m: 1, cached_input_per_1m: 0.5, output_per_1m: 4 },
    });
  });

  it('sets a model per agent, flagging one without a price, and the worker applies it with the new concurrency', async () => {
    await page.getByTestId('agent-model-E1').fill('modelo-local');
    await page.getByTestId('agent-model-E2').fill('modelo-sin-precio');
    await page.getByTestId('agent-models').getByText('Sin precio').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('agent-models-save').click();
    await expect
      .poll(() => settingsFile()['agent_models'])
      .toEqual({
        E1: 'modelo-local',
        E2: 'modelo-sin-precio',
      });

    // Fields an environment variable fixes cannot be edited here.
    expect(await page.getByTestId('settings-llm-base-url').isDisabled()).toBe(true);
    expect(await page.getByTestId('settings-mongo-url').isDisabled()).toBe(true);
    await page.getByTestId('settings-concurrency').fill('3');
    await page.getByTestId('settings-timeout').fill('45');
    await page.getByTestId('settings-plan-language').click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByTestId('settings-save').click();
    await expect.poll(() => settingsFile()['worker_concurrency']).toBe(3);
    expect(settingsFile()['job_timeout_ms']).toBe(45 * 60_000); // shown in minutes, stored in ms
    expect(settingsFile()['plan_language']).toBe('en');
    // Worker settings apply by restarting the worker, not the app.
    expect(await page.getByTestId('settings-restart-required').count()).toBe(0);
    await shot(page, 'desktop-settings');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('nav-jobs').click();
    await expect
      .poll(() => page.getByTestId('worker-concurrency').textContent(), { timeout: 30_000 })
      .toMatch(/3$/);
    await expect
      .poll(() => page.getByTestId('worker-state').textContent(), { timeout: 30_000 })
      .toBe('En marcha');
  });

  it('shows the HTTP API token on request and regenerates it: the old one is refused at once', async () => {
    await page.getByTestId('nav-settings').click();
    const url = (await page.getByTestId('settings-api-url').textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = page.getByTestId('settings-api-token');
    expect(await token.getAttribute('type')).toBe('password'); // hidden until asked for
    const old = await token.inputValue();
    const jobs = (bearer: string): Promise<number> =>
      fetch(`${url}/admin/jobs`, { headers: { authorization: `Bearer ${bearer}` } }).then((r) => r.status);
    expect(await jobs(old)).toBe(200);

    await page.getByTestId('settings-api-token-regenerate').click();
    await page.getByTestId('settings-api-token-confirm').waitFor();
    await page.getByTestId('settings-api-token-confirm-yes').click();
    await notification(/Token regenerado/);
    const fresh = await token.inputValue();
    expect(fresh).not.toBe(old);
    expect(await jobs(old)).toBe(401);
    expect(await jobs(fresh)).toBe(200);
    expect(settingsFile()['api_token']).toBe(fresh);
  });

  it('shows the app log, with the worker restarts it just made', async () => {
    await page.getByTestId('nav-settings').click();
    const viewer = page.getByTestId('log-viewer');
    await viewer.waitFor();
    await viewer.getByRole('button', { name: 'Actualizar' }).click();
    await expect
      .poll(() => viewer.getByText('restarting the worker').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await viewer.textContent()).toContain('edn360.log');
    // The key never reaches the log.
    expect(await viewer.textContent()).not.toContain('sk-desktop-0123456789');
  });

  it('generates a plan with progress pushed over IPC, using the per-agent models, and saves the PDF', async () => {
    const clientId = await page.evaluate(async (responses) => {
      const api = (globalThis as unknown as { edn360: Record<string, (a?: unknown) => Promise<unknown>> })
        .edn360;
      const user = (await api['createClient']!({ nombre_completo: 'Marta Díaz Sanz' })) as { _id: string };
      await api['submitQuestionnaire']!({ user_id: user._id, responses });
      return user._id;
    }, validResponses());
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash =
        `#/clients/${encodeURIComponent(id)}`;
    }, clientId);
    await page.getByTestId('generate-open').click();
    await page.getByRole('dialog').getByText('Entrenamiento', { exact: true }).click();
    // The estimate uses the models per agent and the prices just saved: E2's model has none (E9,
    // written by code, costs nothing).
    await expect
      .poll(() => page.getByTestId('generate-estimate').textContent())
      .toMatch(/desconocido \(sin precio para modelo-sin-precio.*8 agentes/);
    await page.getByTestId('generate-start').click();
    const modal = page.getByTestId('generation-progress-modal');
    await modal.getByTestId('progress-agent').waitFor();
    // Done: the plan opens, uncovered (the modal closes; a notice says the plan is ready).
    await page.getByTestId('plan-screen').waitFor({ timeout: 90_000 });
    await modal.waitFor({ state: 'detached' });
    await notification(/Plan listo/);
    planUrl = page.url();

    const jobId = decodeURIComponent(page.url().split('/plan/')[1] ?? '');
    const fetched = await page.evaluate(async (id) => {
      const api = (globalThis as unknown as { edn360: Record<string, (a?: unknown) => Promise<unknown>> })
        .edn360;
      const job = (await api['getJob']!({ id })) as { result: { training_plan_id: string } };
      const plan = (await api['getTrainingPlan']!({ id: job.result.training_plan_id })) as {
        language: string;
        metrics: { by_agent: Record<string, { model?: string; cost_usd?: number | null }> };
      };
      return { byAgent: plan.metrics.by_agent, language: plan.language };
    }, jobId);
    expect(fetched.language).toBe('en'); // "Idioma de los planes" reached the worker
    const metrics = fetched.byAgent;
    expect(metrics['E1']?.model).toBe('modelo-local');
    expect(metrics['E1']?.cost_usd).toBeGreaterThan(0);
    expect(metrics['E2']?.model).toBe('modelo-sin-precio');
    expect(metrics['E2']?.cost_usd).toBeNull(); // unknown, not 0
    expect(metrics['E3']?.model).toBe('gpt-5-mini');

    // Cancelled save dialog: nothing printed, nothing written, no error.
    h.pdfTarget = null;
    await page.getByTestId('export-pdf').click();
    await expect.poll(() => h.dialogDefaults.length).toBe(1);
    // Named after the client, not an id.
    expect(h.dialogDefaults[0]).toMatch(
      new RegExp(`^${h.pdfDir}/plan-Marta-Díaz-Sanz-\\d{4}-\\d{2}-\\d{2}\\.pdf$`),
    );
    expect(await page.getByTestId('plan-client').textContent()).toBe('Marta Díaz Sanz');
    await expect.poll(() => page.getByTestId('export-pdf').getAttribute('data-loading')).toBeNull();
    expect(h.printedLayouts).toBe(0);

    h.pdfTarget = join(h.pdfDir, 'plan-marta.pdf');
    await page.getByTestId('export-pdf').click();
    await notification(/PDF guardado en/);
    expect(h.printedLayouts).toBe(1); // printed from the print layout (every section, no tabs)
    const pdf = readFileSync(h.pdfTarget);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(h.pdfTarget).size).toBeGreaterThan(10_000);
    expect(readdirSync(h.pdfDir)).toEqual(['plan-marta.pdf']);
    // Back to the tabs the coach was using.
    await page.getByTestId('plan-print-layout').waitFor({ state: 'detached' });
    expect(existsSync(h.pdfTarget)).toBe(true);

    // "PDF para el cliente" over IPC: drawn by main from the shared template (no print of the page),
    // saved where the save dialog says; in the plan's language (English here) unless changed.
    // The client's copy waits for the coach's approval of the current version (over IPC).
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(true);
    const bar = page.getByTestId('review-bar');
    await bar.getByTestId('review-approve').click();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('approved');
    h.pdfTarget = join(h.pdfDir, 'cliente-marta.pdf');
    await page.getByTestId('client-pdf-open').click();
    const options = page.getByTestId('client-pdf-options');
    await options.waitFor();
    expect(await options.getByRole('radio', { name: 'Inglés' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'A4' }).isChecked()).toBe(true);
    await options.getByTestId('client-pdf-create').click();
    await notification(/PDF para el cliente guardado en .*cliente-marta\.pdf/);
    expect(h.printedLayouts).toBe(1); // not printed from the screen
    const clientPdf = readFileSync(h.pdfTarget);
    expect(clientPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPages(clientPdf);
    expect(pages.map((p) => p.text).join('\n')).toContain('Marta Díaz Sanz');
    expect(pages.map((p) => p.text).join('\n')).toMatch(/Monday|Tuesday|Wednesday/);
    // Saving the client's copy delivered this version.
    await expect.poll(() => bar.getAttribute('data-state')).toBe('delivered');
    await shot(page, 'desktop-plan-after-pdf');
  });

  it('generates the next training block from the plan, and the ficha numbers blocks by lineage', async () => {
    await page.getByTestId('plan-client').click();
    await page.getByTestId('plans-training').waitFor();
    expect(await page.getByTestId('plan-block').allTextContents()).toEqual(['Bloque 1']);
    await page.getByTestId('plan-generate-next').first().click();
    const dialog = page.getByRole('dialog');
    // The previous plan comes preselected; a training-only job continues it.
    await dialog.getByText('Entrenamiento', { exact: true }).click();
    await page.getByTestId('generate-start').click();
    const modal = page.getByTestId('generation-progress-modal');
    await page.getByTestId('plan-screen').waitFor({ timeout: 90_000 });
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('plan-client').click();
    await expect
      .poll(() => page.getByTestId('plan-block').allTextContents())
      .toEqual(['Bloque 2', 'Bloque 1']);
    expect(await page.getByTestId('plans-training').textContent()).toContain('sigue al del');
  });

  it("shows what the app understood in the ficha and stores the coach's correction over IPC", async () => {
    const palpitations = 'A veces noto palpitaciones al subir escaleras';
    const { clientId, submissionId } = await page.evaluate(
      async (responses) => {
        const api = (globalThis as unknown as { edn360: Record<string, (a?: unknown) => Promise<unknown>> })
          .edn360;
        const user = (await api['createClient']!({ nombre_completo: 'Lucía Lectura Gil' })) as {
          _id: string;
        };
        const submission = (await api['submitQuestionnaire']!({ user_id: user._id, responses })) as {
          _id: string;
        };
        return { clientId: user._id, submissionId: submission._id };
      },
      { ...validResponses(), alimento_no_soporta: 'El marisco', comentarios_adicionales: palpitations },
    );
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash =
        `#/clients/${encodeURIComponent(id)}`;
    }, clientId);
    await page.getByTestId('reading-panel').waitFor();
    expect(
      await page
        .getByTestId('reading-answer-alimento_no_soporta')
        .getByTestId('reading-understood')
        .textContent(),
    ).toBe('Entendido: alergia a crustáceos y moluscos');
    await page
      .getByTestId('reading-review')
      .getByRole('button', { name: 'No declara nada: comentarios_adicionales' })
      .click();
    await page.getByTestId('reading-review').waitFor({ state: 'detached' });
    await page
      .getByTestId('reading-answer-comentarios_adicionales')
      .getByTestId('reading-corrected')
      .waitFor();
    const stored = await page.evaluate(async (id) => {
      const api = (globalThis as unknown as { edn360: Record<string, (a?: unknown) => Promise<unknown>> })
        .edn360;
      return (await api['getQuestionnaireReading']!({ id })) as {
        corrections: { field: string; findings: unknown[] }[];
        reading: { needs_review: unknown[] };
      };
    }, submissionId);
    expect(stored.corrections).toEqual([
      expect.objectContaining({ field: 'comentarios_adicionales', findings: [] }),
    ]);
    expect(stored.reading.needs_review).toEqual([]);
    await closeNotifications();
  });

  it('reads in English with the dark theme: the plan labels and Ajustes', async () => {
    await closeNotifications();
    // A start-up banner can be closed for the session.
    await page.getByTestId('startup-warning-key_not_encrypted').getByRole('button').click();
    expect(await page.getByTestId('startup-warnings').count()).toBe(0);
    await page.getByTestId('nav-settings').click();
    // The Appearance switches (the plan-language select shows "English" too).
    await page.locator('label.mantine-SegmentedControl-label', { hasText: /^English$/ }).click();
    await page.locator('label.mantine-SegmentedControl-label', { hasText: /^Dark$/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await page.getByTestId('settings-screen').getByText('Model per agent').waitFor();
    await page.getByTestId('price-table').scrollIntoViewIfNeeded();
    await shot(page, 'desktop-settings-en-dark');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(planUrl);
    await page.getByRole('tab', { name: 'Training' }).waitFor();
    await page.getByTestId('mesocycle-table').waitFor();
    // Enum values from the agents read as English labels, not as Spanish identifiers.
    const mesocycle = (await page.getByTestId('mesocycle-table').textContent()) ?? '';
    expect(mesocycle).toMatch(/Accumulation|Intensification|Deload|Realization|Transition|Adaptation/);
    expect(mesocycle).not.toMatch(/acumulacion|descarga/);
    await shot(page, 'desktop-plan-en-dark');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
