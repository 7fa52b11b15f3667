import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright';
import { accessibilityViolations } from './a11y';
import { shot, startWebHarness, type WebHarness } from './harness';

/*
 * "The coach sees what was understood" (issue 12, point 8): a questionnaire in the original format,
 * with health answers in the client's own words, read in the ficha, confirmed and corrected there
 * and in the questionnaire view, warned about before generating, and read live in the form.
 */
let h: WebHarness;
let page: Page;

const CLIENT_ID = 'cliente-lectura';
const ANSWERS = {
  alergias: 'Nada importante, solo que el kiwi me pica en la boca',
  lesiones_actuales: 'Menisco sin terminar de curar',
  comentarios_adicionales: 'A veces noto palpitaciones al subir escaleras',
  // Not a health answer, but impossible as a number: stored as sent and listed for the coach.
  horas_sueno: '30',
};

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

/** A questionnaire as the original system sends it: numbers as text, free-text health answers. */
async function submitOriginal(): Promise<string> {
  const response = await fetch(`${h.cli.url}/submit-nutrition-questionnaire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user_id: CLIENT_ID,
      responses: {
        nombre_completo: 'Marta Lectura Ruiz',
        email: 'marta@example.com',
        fecha_nacimiento: '1988-02-03',
        sexo: 'mujer',
        peso: '64,5',
        altura_cm: '167',
        objetivo_fisico: 'Ganar músculo y definir',
        ...ANSWERS,
      },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { submission_id: string }).submission_id;
}

const answer = (name: string): Locator => page.getByTestId(`reading-answer-${name}`);
const reviewRegion = (): Locator => page.getByTestId('reading-review');

async function openFicha(): Promise<void> {
  await page.goto(`${h.cli.url}/#/clients/${CLIENT_ID}`);
  await page.getByTestId('reading-summary').waitFor();
}

async function expandReading(): Promise<void> {
  const toggle = page.getByTestId('reading-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByTestId('reading-panel').waitFor();
}

async function storedCorrections(submissionId: string): Promise<unknown[]> {
  const stored = await h.mongo
    .db(h.dbName)
    .collection<{ _id: string; reading_corrections?: unknown[] }>('nutrition_questionnaire_submissions')
    .findOne({ _id: submissionId });
  return stored?.reading_corrections ?? [];
}

describe('the coach sees what the app understood', () => {
  let submissionId = '';

  it('the ficha shows each health answer as read, the open question first, and warns before generating', async () => {
    submissionId = await submitOriginal();
    await openFicha();
    expect(await page.getByTestId('reading-summary').textContent()).toMatch(/1 por revisar/);
    // Something is open: the panel is open without asking.
    expect(await page.getByTestId('reading-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('reading-panel').waitFor();

    expect(await answer('alergias').textContent()).toContain(`«${ANSWERS.alergias}»`);
    expect(await answer('alergias').getByTestId('reading-understood').textContent()).toBe(
      'Entendido: alergia a kiwi',
    );
    expect(await answer('lesiones_actuales').getByTestId('reading-understood').textContent()).toBe(
      'Entendido: lesión de rodilla (activa)',
    );
    const palpitations = reviewRegion().getByTestId('reading-answer-comentarios_adicionales');
    expect(await palpitations.textContent()).toContain(ANSWERS.comentarios_adicionales);
    expect(await palpitations.getByTestId('reading-why').textContent()).toMatch(/^Por revisar — /);
    expect(await reviewRegion().getByRole('heading').textContent()).toBe('Por revisar: 1 respuesta');
    expect(await page.getByTestId('loose-answers').textContent()).toMatch(
      /«30» \(valor fuera de lo posible\)/,
    );
    expect(await page.getByTestId('reading-goal').textContent()).toBe(
      'Objetivo entendido: recomposición corporal (leído del texto)',
    );
    await shot(page, 'reading-ficha');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('generate-open').click();
    const notice = page.getByRole('dialog').getByTestId('generate-open-reviews');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('1 respuesta por revisar');
    await shot(page, 'reading-generate-warning');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('"No declara nada" resolves the question, and it stays resolved after a reload', async () => {
    await openFicha();
    await expandReading();
    await reviewRegion().getByRole('button', { name: 'No declara nada: comentarios_adicionales' }).click();
    await reviewRegion().waitFor({ state: 'detached' });
    const resolved = answer('comentarios_adicionales');
    await resolved.getByTestId('reading-corrected').waitFor();
    expect(await resolved.getByTestId('reading-understood').textContent()).toBe('Entendido: no declara nada');
    expect(await page.getByTestId('reading-summary').textContent()).toMatch(/0 por revisar/);
    expect(await storedCorrections(submissionId)).toEqual([
      expect.objectContaining({ field: 'comentarios_adicionales', findings: [] }),
    ]);

    await page.reload();
    await page.getByTestId('reading-summary').waitFor();
    expect(await page.getByTestId('reading-summary').textContent()).toMatch(/0 por revisar/);
    await expandReading();
    expect(await reviewRegion().count()).toBe(0);
    expect(await answer('comentarios_adicionales').getByTestId('reading-corrected').textContent()).toBe(
      'Corregido por el coach',
    );

    // Nothing open any more: no warning before generating.
    await page.getByTestId('generate-open').click();
    await page.getByRole('dialog').getByTestId('generate-estimate').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').getByTestId('generate-open-reviews').count()).toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
  });

  it('the questionnaire view corrects an answer in the editor, and shows a refused correction readably', async () => {
    await page.goto(`${h.cli.url}/#/clients/${CLIENT_ID}/questionnaires/${submissionId}`);
    await page.getByTestId('questionnaire-view').waitFor();
    await page.getByTestId('reading-panel').waitFor();
    // The panel comes before the answers.
    const panelTop = (await page.getByTestId('submission-reading').boundingBox())?.y ?? Infinity;
    const answersTop = (await page.getByTestId('questionnaire-answers').boundingBox())?.y ?? -Infinity;
    expect(panelTop).toBeLessThan(answersTop);

    await answer('alergias').getByRole('button', { name: 'Corregir: alergias' }).click();
    const editor = page.getByTestId('reading-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('reading-editor-row-0-code').inputValue()).toBe(
      'Otro alimento (escríbelo)',
    );
    expect(await editor.getByTestId('reading-editor-row-0-food').inputValue()).toBe('kiwi');
    await editor.getByTestId('reading-editor-add').click();
    await editor.getByTestId('reading-editor-row-1-code').click();
    await page.getByRole('option', { name: 'Otro alimento (escríbelo)', exact: true }).click();
    // Saving without the food names what is missing, on its input.
    await editor.getByTestId('reading-editor-save').click();
    await editor.getByText('Escribe el alimento.').waitFor();
    await editor.getByTestId('reading-editor-row-1-food').fill('Melocotón');
    await editor.getByTestId('reading-editor-note').fill('Síndrome de alergia oral (LTP)');
    // Not over the button just clicked: axe would measure its hover colour.
    await page.mouse.move(0, 0);
    await shot(page, 'reading-editor');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The server refuses once (the answer changed meanwhile): its words are shown, the editor stays.
    await page.route('**/admin/submissions/*/reading', async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          success: false,
          error: 'validation_error',
          message: 'La respuesta «alergias» ha cambiado: vuelve a leerla antes de corregirla.',
          errors: [{ field: 'corrections.0.text', code: 'stale_answer', message: 'ha cambiado' }],
        }),
      });
    });
    await editor.getByTestId('reading-editor-save').click();
    await editor
      .getByRole('alert')
      .getByText('La respuesta «alergias» ha cambiado: vuelve a leerla antes de corregirla.')
      .waitFor();
    await page.unroute('**/admin/submissions/*/reading');

    await editor.getByTestId('reading-editor-save').click();
    await editor.waitFor({ state: 'detached' });
    await answer('alergias').getByTestId('reading-corrected').waitFor();
    expect(await answer('alergias').getByTestId('reading-understood').textContent()).toBe(
      'Entendido: alergia a kiwi y melocotón',
    );
    const corrections = await storedCorrections(submissionId);
    expect(corrections).toContainEqual(
      expect.objectContaining({
        field: 'alergias',
        text: ANSWERS.alergias,
        findings: [
          { topic: 'alergia', code: 'alimento:kiwi' },
          { topic: 'alergia', code: 'alimento:melocoton' },
        ],
        note: 'Síndrome de alergia oral (LTP)',
      }),
    );

    // "Es correcto" stores the injury as read.
    await answer('lesiones_actuales').getByRole('button', { name: 'Es correcto: lesiones_actuales' }).click();
    await answer('lesiones_actuales').getByTestId('reading-corrected').waitFor();
    expect(await storedCorrections(submissionId)).toContainEqual(
      expect.objectContaining({
        field: 'lesiones_actuales',
        findings: [{ topic: 'lesion', code: 'rodilla', estado: 'activa' }],
      }),
    );
    expect(await answer('lesiones_actuales').getByTestId('reading-understood').textContent()).toBe(
      'Entendido: lesión de rodilla (activa)',
    );
  });

  it('reads in English with the dark theme, within WCAG 2.1 AA', async () => {
    await page.evaluate(() => {
      localStorage.setItem('edn360.language', 'en');
      localStorage.setItem('edn360.colorScheme', 'dark');
    });
    await page.reload();
    await page.getByTestId('reading-panel').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    expect(await answer('alergias').getByTestId('reading-understood').textContent()).toBe(
      'Understood: allergy to kiwi and peach',
    );
    expect(await answer('comentarios_adicionales').getByTestId('reading-corrected').textContent()).toBe(
      'Corrected by the coach',
    );
    await shot(page, 'reading-view-en-dark');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A fresh question, in dark: the review region and its actions.
    await page.goto(`${h.cli.url}/#/clients/${CLIENT_ID}/questionnaire`);
    await page.getByTestId('q-alimento_no_soporta').fill('cosas raras con hueso');
    await page.getByTestId('reading-live').getByTestId('reading-review').waitFor();
    await page.getByTestId('reading-live').scrollIntoViewIfNeeded();
    await shot(page, 'reading-live-en-dark');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the form reads the answers live, before submitting', async () => {
    await page.evaluate(() => {
      localStorage.setItem('edn360.language', 'es');
      localStorage.setItem('edn360.colorScheme', 'light');
    });
    await page.goto(`${h.cli.url}/#/clients/${CLIENT_ID}/questionnaire`);
    await page.reload();
    await page.getByTestId('q-peso').waitFor();
    const live = page.getByTestId('reading-live');
    await live.getByTestId('reading-panel').waitFor();
    expect(await live.getByTestId('reading-answer-alimento_no_soporta').count()).toBe(0);

    await page.getByTestId('q-alimento_no_soporta').fill('marisco');
    await expect
      .poll(() =>
        live
          .getByTestId('reading-answer-alimento_no_soporta')
          .getByTestId('reading-understood')
          .textContent(),
      )
      .toBe('Entendido: alergia a crustáceos y moluscos');
    // Read-only here: nothing to confirm before the questionnaire is stored.
    expect(await live.getByTestId('reading-confirm').count()).toBe(0);

    await page.getByTestId('q-alimento_no_soporta').fill('el kiwi me pica');
    await expect
      .poll(() =>
        live
          .getByTestId('reading-answer-alimento_no_soporta')
          .getByTestId('reading-understood')
          .textContent(),
      )
      .toBe('Entendido: alergia a kiwi');

    await page.getByTestId('q-lesiones_text').fill('Me duele el hombro desde hace años');
    await expect
      .poll(() =>
        live.getByTestId('reading-answer-lesiones_text').getByTestId('reading-understood').textContent(),
      )
      .toMatch(/^Entendido: lesión de hombro/);
    await shot(page, 'reading-live');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
