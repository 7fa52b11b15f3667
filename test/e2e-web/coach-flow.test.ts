import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { REPO_ROOT } from '../support/spawn-cli';
import { accessibilityViolations } from './a11y';
import { SHOTS, shot, startWebHarness, type WebHarness } from './harness';
import { pdfPages, type PdfPage } from './pdf-pages';

let h: WebHarness;
let page: Page;
let clientUrl = '';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

async function pick(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openGenerate(
  type: 'Entrenamiento' | 'Nutrición' | 'Completo (entrenamiento + nutrición)',
): Promise<void> {
  await page.goto(clientUrl);
  await page.getByTestId('generate-open').click();
  await page.getByRole('dialog').getByText(type, { exact: true }).click();
  await page.getByTestId('generate-start').click();
  await page.getByTestId('generation-progress-modal').getByTestId('progress-percentage').waitFor();
}

describe('coach flow in the browser (edn360 serve + fake LLM)', () => {
  it('creates a client, fixes a questionnaire error, generates a full plan to 100 %, shows the audit and exports JSON and PDF', async () => {
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-new').click();
    // The form's own rule, on the field, in words (no "nombre_completo:" prefix).
    await page.getByTestId('client-save').click();
    await page.getByRole('dialog').getByText('Escribe el nombre del cliente.', { exact: true }).waitFor();
    expect(await page.getByTestId('client-name').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('client-name').fill('Laura Gómez Ruiz');
    await page.getByTestId('client-email').fill('laura@example.com');
    await page.getByTestId('client-save').click();
    await page.getByTestId('client-title').waitFor();
    clientUrl = page.url();
    expect(await page.getByTestId('client-title').textContent()).toBe('Laura Gómez Ruiz');

    await page.getByTestId('questionnaire-new').click();
    await page.getByTestId('q-fecha_nacimiento').fill('1990-04-12');
    await pick('q-sexo', 'Mujer');
    await page.getByTestId('q-peso').fill('700');
    await page.getByTestId('q-altura_cm').fill('165');
    await page.getByTestId('q-objetivo_fisico').fill('Perder grasa y ganar fuerza');
    await pick('q-nivel_experiencia', 'Intermedio');
    await page.getByTestId('q-dias_disponibles').fill('3');
    await page.getByTestId('q-duracion_sesion_min').fill('60');
    await page.getByTestId('questionnaire-submit').click();
    const errors = page.getByTestId('questionnaire-errors');
    await errors.waitFor();
    // Named by the label the coach sees, not by the stored key.
    expect(await errors.textContent()).toMatch(/Peso \(kg\): /);
    await expect.poll(() => page.getByTestId('q-peso').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'questionnaire-validation');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('q-peso').fill('62');
    await page.getByTestId('questionnaire-submit').click();
    await page.getByTestId('questionnaires-table').waitFor();
    // Listed by the server (GET /admin/users/{id}/submissions), not remembered by this browser.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId('questionnaires-table').waitFor();
    expect(await page.getByTestId('questionnaires-table').locator('tbody tr').count()).toBe(1);
    await shot(page, 'client-detail');
    expect(await accessibilityViolations(page)).toEqual([]);

    await openGenerate('Completo (entrenamiento + nutrición)');
    const modal = page.getByTestId('generation-progress-modal');
    await modal.getByTestId('progress-agent').waitFor();
    await shot(page, 'generation-progress');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Done: the plan opens and the modal gets out of its way; a notice (closable) says it is ready.
    await page.getByTestId('plan-screen').waitFor({ timeout: 90_000 });
    await modal.waitFor({ state: 'detached' });
    const done = page.getByTestId('generation-done-notice');
    await done.waitFor();
    expect(await done.textContent()).toMatch(
      /Plan listo.*Completo \(entrenamiento \+ nutrición\): 18 pasos en \d+:\d\d · coste /,
    );
    await shot(page, 'generation-done');
    await done.getByRole('button', { name: 'Cerrar' }).click();
    await done.waitFor({ state: 'detached' });

    // Each audit verdict names its plan (two bare "Aprobado" side by side said nothing).
    const verdicts = await page.locator('[data-testid="audit-status"][data-kind]').allTextContents();
    expect(verdicts).toHaveLength(2);
    expect(verdicts[0]).toMatch(/^Entrenamiento: (Aprobado|Con avisos|Bloqueado)$/);
    expect(verdicts[1]).toMatch(/^Nutrición: (Aprobado|Con avisos|Bloqueado)$/);
    await page.getByTestId('plan-audit').first().waitFor();
    expect(await page.getByTestId('audit-check').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('mesocycle-table').count()).toBe(1);
    // Exercises by their catalog names (es), not by humanised ids.
    const catalog = JSON.parse(
      readFileSync(join(REPO_ROOT, 'resources/exercise-catalog.json'), 'utf8'),
    ) as Array<{ nombre: string }>;
    const nombres = new Set(catalog.map((e) => e.nombre));
    await expect
      .poll(async () => nombres.has((await page.getByTestId('exercise-name').first().textContent()) ?? ''))
      .toBe(true);
    // A model that labels two different sessions alike ("Sesión A" on Monday and on Friday, with
    // other exercises): the plan view tells them apart as variants A1 and A2, as the client's
    // version of the plan does. The stored plan is relabelled the way such a model would write it.
    const trainingPlans = h.mongo
      .db(h.dbName)
      .collection<{ job_id: string; training: { safe_sessions: { sesiones: { nombre: string }[] } } }>(
        'training_plans',
      );
    const jobId = decodeURIComponent(page.url().split('/plan/')[1] ?? '');
    const stored = await trainingPlans.findOne({ job_id: jobId });
    const safe = stored?.training.safe_sessions;
    expect(safe?.sesiones.map((s) => s.nombre)).toEqual(['Sesión A', 'Sesión B', 'Sesión C']);
    safe!.sesiones[2]!.nombre = 'Sesión A';
    await trainingPlans.updateOne({ job_id: jobId }, { $set: { 'training.safe_sessions': safe } });
    await page.reload();
    await page.getByTestId('plan-session').first().waitFor();
    expect(await page.getByTestId('plan-session-title').allTextContents()).toEqual([
      'Sesión A1',
      'Sesión B',
      'Sesión A2',
    ]);
    // The audit's severity badges show whole ("Bloqueante", not "BLOQUEA…") at usual window widths.
    for (const width of [1440, 1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      const severities = page.getByTestId('audit-severity');
      expect(await severities.count()).toBeGreaterThan(0);
      const cut = await severities.evaluateAll((badges) =>
        badges
          .map((badge) => badge.querySelector('.mantine-Badge-label') ?? badge)
          .filter((label) => label.scrollWidth > label.clientWidth)
          .map((label) => label.textContent),
      );
      expect(cut, `cut at ${width}px`).toEqual([]);
    }
    await page.getByTestId('plan-audit').first().scrollIntoViewIfNeeded();
    await shot(page, 'plan-audit-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    expect(await page.getByTestId('audit-severity').allTextContents()).toContain('Bloqueante');
    await shot(page, 'plan-training');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Nutrición' }).click();
    await page.getByTestId('nutrition-plan').waitFor();
    // Each menu shows its totals, computed from the food table, next to its day type's target.
    const totals = page.getByTestId('menu-totals');
    expect(await totals.count()).toBeGreaterThan(0);
    expect(await totals.first().textContent()).toMatch(/Totales del menú frente al objetivo.*Proteína \(g\)/);
    await page.waitForTimeout(500);
    await shot(page, 'plan-nutrition');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Métricas' }).click();
    await page.getByTestId('plan-metrics').waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'plan-metrics');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The client's copies wait for the coach: each plan's current version is approved first.
    expect(await page.getByTestId('export-json').isDisabled()).toBe(true);
    expect(await page.getByTestId('client-pdf-open').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-disabled-reason').textContent()).toBe(
      'Aprueba la versión actual para enviarla al cliente.',
    );
    const bars = page.getByTestId('review-bar');
    expect(await bars.count()).toBe(2);
    for (const bar of await bars.all()) {
      await bar.getByTestId('review-approve').click();
      await expect.poll(() => bar.getAttribute('data-state')).toBe('approved');
    }
    expect(await page.getByTestId('export-json').isDisabled()).toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const file = join(SHOTS, 'plan-export.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      training: { training: { audit: { status: string } } };
    };
    expect(['aprobado', 'con_warnings', 'bloqueado']).toContain(exported.training.training.audit.status);

    // "Exportar PDF" in a browser: the print layout (training and nutrition, no tabs) is on the page
    // when the print dialog opens. The dialog is stood in for: headless Chromium has none.
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        print(): void;
        document: { querySelector(s: string): { textContent: string | null } | null };
        __printed?: string[];
      };
      w.__printed = [];
      w.print = () => {
        const layout = w.document.querySelector('[data-testid="plan-print-layout"]');
        w.__printed?.push(layout?.textContent ?? '');
      };
    });
    await page.getByTestId('export-pdf').click();
    const printed = () => page.evaluate(() => (globalThis as unknown as { __printed: string[] }).__printed);
    await expect.poll(async () => (await printed()).length).toBe(1);
    const [layoutText] = await printed();
    expect(layoutText).toContain('Mesociclo'); // training …
    expect(layoutText).toMatch(/Macros|Energía/); // … and nutrition, one after the other
    expect(layoutText).not.toContain('Tokens'); // metrics stay internal
    await page.getByTestId('plan-print-layout').waitFor({ state: 'detached' });

    // "PDF para el cliente": the client's version drawn by the server from the shared template and
    // downloaded by the browser — in the plan's language on A4 unless the coach picks otherwise.
    await page.getByTestId('client-pdf-open').click();
    const options = page.getByTestId('client-pdf-options');
    await options.waitFor();
    expect(await options.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'A4' }).isChecked()).toBe(true);
    await page.waitForTimeout(400); // the popover's fade-in
    await shot(page, 'plan-client-pdf');
    expect(await accessibilityViolations(page)).toEqual([]);
    const clientPdf = async (name: string): Promise<PdfPage[]> => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        options.getByTestId('client-pdf-create').click(),
      ]);
      const saved = join(SHOTS, name);
      await download.saveAs(saved);
      const bytes = readFileSync(saved);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      return pdfPages(bytes);
    };
    const es = await clientPdf('client-plan-es-a4.pdf');
    await options.waitFor({ state: 'hidden' });
    const esText = es.map((p) => p.text).join('\n');
    expect(esText).toContain('Laura Gómez Ruiz');
    expect(esText).toMatch(/Lunes/);
    expect(esText).not.toContain('Tokens'); // no internal figures
    expect(es[0]).toMatchObject({ width: expect.closeTo(595.28, 0), height: expect.closeTo(841.89, 0) });
    // English on US Letter, as picked.
    await page.getByTestId('client-pdf-open').click();
    await options.getByText('Inglés', { exact: true }).click();
    await options.getByText('Carta (EE. UU.)', { exact: true }).click();
    expect(await options.getByRole('radio', { name: 'Inglés' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'Carta (EE. UU.)' }).isChecked()).toBe(true);
    // A language other than the plan's: the coach is told the plan's own texts stay in Spanish.
    expect(await options.getByTestId('client-pdf-other-language').textContent()).toMatch(/en español/);
    const en = await clientPdf('client-plan-en-letter.pdf');
    expect(en.map((p) => p.text).join('\n')).toMatch(/Monday/);
    expect(en[0]).toMatchObject({ width: 612, height: 792 });

    await page.getByRole('tab', { name: 'Entrenamiento' }).click();
    await page.emulateMedia({ media: 'print' });
    const pdf = join(SHOTS, 'plan.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });

  it('cancels a running job from the progress modal', async () => {
    h.llm.setLatency({ ttftMs: 1500, tokensPerSecond: 0 });
    try {
      await openGenerate('Entrenamiento');
      const modal = page.getByTestId('generation-progress-modal');
      await expect
        .poll(() => modal.getByTestId('job-status').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('running');
      await modal.getByTestId('progress-cancel').click();
      await expect
        .poll(() => modal.getByTestId('job-status').textContent(), { timeout: 30_000 })
        .toBe('Cancelado');
      await modal.getByTestId('progress-close').click();
    } finally {
      h.llm.setLatency({ ttftMs: 120, tokensPerSecond: 0 });
    }
  });

  it('waits for the connection while the LLM is offline, then completes', async () => {
    await h.llm.stop();
    await openGenerate('Entrenamiento');
    const modal = page.getByTestId('generation-progress-modal');
    await modal.getByTestId('progress-waiting').waitFor({ timeout: 30_000 });
    await shot(page, 'generation-offline');
    await h.llm.start();
    await page.getByTestId('plan-screen').waitFor({ timeout: 60_000 });
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('generation-done-notice').waitFor();
  });

  it('shows a job that fails validation with the fields at fault, in Trabajos', async () => {
    const userId = decodeURIComponent(clientUrl.split('/clients/')[1] ?? '');
    // An imported submission the original system stored without checking it.
    await h.mongo
      .db(h.dbName)
      .collection<Record<string, unknown> & { _id: string }>('nutrition_questionnaire_submissions')
      .insertOne({
        _id: 'sub-legacy-invalid',
        user_id: userId,
        responses: {
          nombre_completo: 'Laura Gómez Ruiz',
          email: 'no-es-un-email',
          sexo: 'X',
          peso: 'mucho',
          altura_cm: 165,
          fecha_nacimiento: '1990-04-12',
          objetivo_fisico: 'Perder grasa',
        },
        submitted_at: new Date(),
        plan_generated: false,
        plan_id: null,
      });
    const response = await fetch(
      `${h.cli.url}/admin/users/${encodeURIComponent(userId)}/plans/generate_async`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'training', submission_id: 'sub-legacy-invalid' }),
      },
    );
    expect(response.status).toBe(200);

    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('worker-state').waitFor();
    await pick('jobs-filter-status', 'Fallido');
    const failedRow = page.getByTestId('job-row').filter({ hasText: 'Cuestionario no válido' });
    await failedRow.first().waitFor({ timeout: 30_000 });
    await shot(page, 'jobs');
    expect(await accessibilityViolations(page)).toEqual([]);
    await failedRow.first().getByRole('button', { name: 'Ver' }).click();
    const modal = page.getByTestId('generation-progress-modal');
    const fields = modal.getByTestId('progress-field-errors');
    await fields.waitFor();
    expect(await fields.textContent()).toMatch(/email/);
    await shot(page, 'job-validation-error');
    expect(await accessibilityViolations(page)).toEqual([]);
    await modal.getByTestId('progress-close').click();

    // The client column names the client (not its id); a retry would repeat this failure, so the row
    // offers a new questionnaire instead.
    await expect
      .poll(() => failedRow.first().getByTestId('job-client').textContent())
      .toBe('Laura Gómez Ruiz');
    expect(await failedRow.first().getByTestId('job-retry').count()).toBe(0);
    expect(await failedRow.first().getByTestId('job-fix-questionnaire').count()).toBe(1);

    // A cancelled job can be retried: it leaves the "Fallido" list at once, shows up under "En curso"
    // when the worker takes it, and drops out of that list by itself when it completes.
    h.llm.setLatency({ ttftMs: 2500, tokensPerSecond: 0 });
    try {
      const cancelledRow = page.getByTestId('job-row').filter({ hasText: 'Cancelado' });
      await cancelledRow.first().waitFor();
      const cancelledCount = await cancelledRow.count();
      await cancelledRow.first().getByTestId('job-retry').click();
      await expect.poll(() => cancelledRow.count(), { timeout: 10_000 }).toBe(cancelledCount - 1);
      await pick('jobs-filter-status', 'En curso');
      await expect.poll(() => page.getByTestId('job-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('job-row').first().getByTestId('job-client').textContent()).toBe(
        'Laura Gómez Ruiz',
      );
    } finally {
      h.llm.setLatency({ ttftMs: 120, tokensPerSecond: 0 });
    }
    await expect
      .poll(() => page.getByTestId('jobs-table').getAttribute('aria-rowcount'), { timeout: 60_000 })
      .toBe('0');
    expect(await page.getByTestId('job-row').count()).toBe(0);

    // The client filter lists clients by name.
    await page.getByTestId('jobs-filter-client').click();
    await page.getByRole('option', { name: 'Laura Gómez Ruiz', exact: true }).click();
    await pick('jobs-filter-status', 'Completado');
    await page.getByTestId('job-row').first().waitFor({ timeout: 30_000 });
    const clients = await page.getByTestId('job-row').getByTestId('job-client').allTextContents();
    expect(new Set(clients)).toEqual(new Set(['Laura Gómez Ruiz']));
  });

  it('fixes the failed answers starting from them, with structured health answers (PAR-Q, injuries, consent)', async () => {
    const userId = decodeURIComponent(clientUrl.split('/clients/')[1] ?? '');
    await page.getByTestId('nav-jobs').click();
    await pick('jobs-filter-status', 'Fallido');
    const failedRow = page.getByTestId('job-row').filter({ hasText: 'Cuestionario no válido' });
    await failedRow.first().getByTestId('job-fix-questionnaire').click();
    // "Corregir" opens a new questionnaire with the answers that failed, not a blank form.
    await page.getByTestId('questionnaire-based-on').waitFor();
    expect(await page.getByTestId('q-email').inputValue()).toBe('no-es-un-email');
    await page.getByTestId('questionnaire-submit').click();
    await page.getByTestId('questionnaire-errors').waitFor();
    await expect.poll(() => page.getByTestId('q-email').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('q-email').fill('laura@example.com');
    await pick('q-sexo', 'Mujer');
    await page.getByTestId('q-peso').fill('62');

    // PAR-Q: a "yes" warns at once what screening will do; the rest can be marked "no" in one go.
    await page.getByTestId('q-parq-p2-yes').check();
    await page.getByTestId('q-parq-alert').waitFor();
    await page.getByTestId('q-parq-p2-no').check();
    await page.getByTestId('q-parq-all-no').click();
    expect(await page.getByTestId('q-parq-p7-no').isChecked()).toBe(true);
    // An injury, with an out-of-range pain score: the error lands on that very input.
    await page.getByTestId('q-lesiones-add').click();
    await page.getByTestId('q-lesiones-0-zona').fill('rodilla derecha');
    await page.getByTestId('q-lesiones-0-dolor_0_10').fill('11');
    await page.getByTestId('q-consentimientos-datos_salud').check();
    expect(await page.getByTestId('q-consentimientos-datos_salud_fecha').inputValue()).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await page.getByTestId('questionnaire-submit').click();
    await expect
      .poll(() => page.getByTestId('q-lesiones-0-dolor_0_10').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.getByTestId('q-lesiones-0-zona').getAttribute('aria-invalid')).not.toBe('true');
    await page.getByTestId('q-lesiones-0-dolor_0_10').fill('4');
    await pick('q-lesiones-0-estado', 'Activa');
    await shot(page, 'questionnaire-health');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('questionnaire-submit').click();
    await page.getByTestId('questionnaires-table').waitFor();

    const stored = await h.mongo
      .db(h.dbName)
      .collection<{ user_id: string; submitted_at: Date; responses: Record<string, unknown> }>(
        'nutrition_questionnaire_submissions',
      )
      .find({ user_id: userId })
      .sort({ submitted_at: -1 })
      .limit(1)
      .next();
    expect(stored?.responses['email']).toBe('laura@example.com');
    expect(stored?.responses['lesiones']).toEqual([
      { zona: 'rodilla derecha', estado: 'activa', dolor_0_10: 4 },
    ]);
    expect((stored?.responses['parq'] as Record<string, boolean>)['p2']).toBe(false);
    expect((stored?.responses['consentimientos'] as { datos_salud: boolean }).datos_salud).toBe(true);
  });

  it('starts without a failed request or console error, favicon included', async () => {
    const fresh = await page.context().newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    fresh.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    fresh.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
    fresh.on('console', (message) => {
      // The one known line: index.html's meta CSP (shared with Electron, src/main/electron/csp.ts)
      // carries frame-ancestors, which only a header can deliver (x-frame-options covers it here).
      if (message.type() === 'error' && !/'frame-ancestors' is ignored/.test(message.text()))
        errors.push(message.text());
    });
    try {
      await fresh.goto(h.cli.url);
      await fresh.getByTestId('token-input').fill(h.token);
      await fresh.getByTestId('token-submit').click();
      await fresh.getByTestId('nav-clients').waitFor();
      await fresh.waitForLoadState('networkidle');
      // The icon the page declares, and the one a browser asks for by itself.
      const icons = await fresh
        .locator('link[rel="icon"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(icons).toEqual(['./favicon.svg', './favicon.ico']);
      for (const [path, type] of [
        ['/favicon.svg', 'image/svg+xml'],
        ['/favicon.ico', /icon/],
      ] as const) {
        const response = await fresh.request.get(`${h.cli.url}${path}`);
        expect(response.status(), path).toBe(200);
        expect(response.headers()['content-type']).toMatch(type);
      }
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('Clientes and Ajustes render (screenshots)', async () => {
    // A client that does not exist: a readable error with a retry, not "Cargando…" for ever.
    for (const path of ['/clients/no-existe', '/clients/no-existe/questionnaire']) {
      await page.goto(`${h.cli.url}/#${path}`);
      await page.getByTestId('load-error').waitFor();
      expect(await page.getByTestId('load-error-message').textContent()).toContain('no-existe');
      await page.getByTestId('load-retry').click();
      await page.getByTestId('load-error').waitFor();
    }
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-row').first().waitFor();
    await shot(page, 'clients');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-health').waitFor();
    await shot(page, 'settings');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
