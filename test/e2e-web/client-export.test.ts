import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { PROFILES } from '../support/profiles';
import { accessibilityViolations } from './a11y';
import { shot, startWebHarness, type WebHarness } from './harness';

/*
 * Exporting all of a client's data from their ficha in the browser: the "Datos del cliente"
 * section's button downloads the server's zip under the name the server gives it, and says so.
 */
let h: WebHarness;
let page: Page;
const CLIENT = 'cliente-exportado-e2e';
const NAME = 'Rosa Exporta Prueba';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
  page.on('pageerror', (error) => console.error('pageerror', error.message, error.stack));
});
afterAll(async () => {
  await h?.stop();
});

describe("exporting a client's data from the ficha", () => {
  it('downloads a zip named by the server and tells the coach its name', async () => {
    const response = await fetch(`${h.cli.url}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: CLIENT,
        responses: { ...PROFILES['vegetarianoVolumen'], nombre_completo: NAME, email: 'rosa@example.com' },
      }),
    });
    expect(response.status).toBe(201);

    await page.goto(`${h.cli.url}/#/clients/${CLIENT}`);
    await page.getByTestId('questionnaires-table').waitFor();
    expect(await page.getByRole('heading', { name: 'Datos del cliente' }).count()).toBe(1);
    const button = page.getByRole('button', { name: 'Exportar todos sus datos (zip)' });

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/\.zip$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

    await page.getByText(`Datos exportados: ${name}`).waitFor();
    expect(await button.isDisabled()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'client-export-data');
  });
});
