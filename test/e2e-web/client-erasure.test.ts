import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { PROFILES } from '../support/profiles';
import { accessibilityViolations } from './a11y';
import { shot, startWebHarness, type WebHarness } from './harness';

/*
 * Erasing a client from their ficha (issue #18 point 3) in the browser: the danger zone's button
 * opens a dialog that says what goes, keeps the red button disabled until the client's name is
 * typed, and after the erasure the coach is back on the clients list without them.
 */
let h: WebHarness;
let page: Page;
const CLIENT = 'cliente-borrado-e2e';
const NAME = 'Marta Borrado Prueba';
/** Another client, who stays: the list is loaded when their row shows. */
const OTHER = 'cliente-que-queda-e2e';
const OTHER_NAME = 'Julia Queda Aquí';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
  page.on('pageerror', (error) => console.error('pageerror', error.message, error.stack));
});
afterAll(async () => {
  await h?.stop();
});

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${h.cli.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json', ...init.headers },
  });
}

async function submit(userId: string, name: string, email: string): Promise<void> {
  const response = await api('/submit-nutrition-questionnaire', {
    method: 'POST',
    body: JSON.stringify({
      user_id: userId,
      responses: { ...PROFILES['vegetarianoVolumen'], nombre_completo: name, email },
    }),
  });
  expect(response.status).toBe(201);
}

describe('erasing a client from the ficha', () => {
  it('confirms with the name typed, erases, and lands on the clients list without the client', async () => {
    await submit(CLIENT, NAME, 'marta@example.com');
    await submit(OTHER, OTHER_NAME, 'julia@example.com');
    const user = (await (await api(`/admin/users/${CLIENT}`)).json()) as {
      user: { nombre_completo: string };
    };
    expect(user.user.nombre_completo).toBe(NAME);

    await page.goto(`${h.cli.url}/#/clients/${CLIENT}`);
    await page.getByTestId('questionnaires-table').waitFor();

    // Escape closes the dialog without erasing anything.
    await page.getByTestId('client-erase-open').click();
    const dialog = page.getByRole('dialog', { name: `Borrar todos los datos de ${NAME}` });
    await dialog.waitFor();
    const input = dialog.getByLabel(`Escribe el nombre del cliente para confirmar: ${NAME}`);
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('client-erase-open').click();
    await dialog.waitFor();
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.textContent()).toContain('No se puede deshacer');
    const confirm = dialog.getByTestId('erase-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await input.fill('Marta Borrado');
    expect(await confirm.isDisabled()).toBe(true);
    await input.fill(`  ${NAME.toUpperCase()} `);
    expect(await confirm.isDisabled()).toBe(false);
    await page.waitForTimeout(300);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'client-erasure-dialog');

    await confirm.click();
    await page.waitForURL(/#\/clients$/);
    await page.getByTestId('client-row').filter({ hasText: OTHER_NAME }).waitFor();
    await expect
      .poll(() => page.getByText(/Datos del cliente borrados: \d+ documentos?\./).count())
      .toBeGreaterThan(0);
    expect(await page.getByTestId('client-row').filter({ hasText: NAME }).count()).toBe(0);
    expect((await api(`/admin/users/${CLIENT}`)).status).toBe(404);
    expect((await api(`/admin/users/${OTHER}`)).status).toBe(200);
  });
});
