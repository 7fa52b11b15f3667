import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { PROFILES } from '../support/profiles';
import { accessibilityViolations } from './a11y';
import { docShot, startWebHarness, type WebHarness } from './harness';

/*
 * Ajustes → Copias de seguridad in the browser against `edn360 serve` (issue #18): a backup made
 * and downloaded, then restored from that file — its preview per collection, the rule, a progress
 * bar fed by the NDJSON stream, the result — and the panel says when the last backup was made.
 */
let h: WebHarness;
let page: Page;
const CLIENT = 'cliente-copia-e2e';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
  page.on('pageerror', (error) => console.error('pageerror', error.message, error.stack));
});
afterAll(async () => {
  await h?.stop();
});

describe('backups in Ajustes (browser)', () => {
  it('downloads a backup, then restores it with a preview and a progress bar', async () => {
    const submitted = await fetch(`${h.cli.url}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: CLIENT,
        responses: {
          ...PROFILES['vegetarianoVolumen'],
          nombre_completo: 'Copia Prueba',
          email: 'c@example.com',
        },
      }),
    });
    expect(submitted.status).toBe(201);

    await page.goto(`${h.cli.url}/#/`);
    await page.getByTestId('nav-settings').click();
    const panel = page.getByTestId('backup-panel');
    await panel.waitFor();
    expect(await page.getByRole('heading', { name: 'Copias de seguridad' }).count()).toBe(1);
    expect(await panel.getByTestId('backup-last').textContent()).toBe('ninguna todavía');

    // A backup now: the server's file, downloaded under its name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('backup-create').click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/\.edn360bak$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 13).toString('utf8')).toBe('EDN360-BACKUP');
    await panel.getByTestId('backup-created').waitFor();
    // The panel says when: the last backup (any kind) is this one.
    await expect
      .poll(async () => (await panel.getByTestId('backup-last').textContent()) ?? '')
      .toContain(name);

    // Something changes after the backup; the restore brings it back.
    const erased = await fetch(`${h.cli.url}/admin/users/${CLIENT}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'Copia Prueba' }),
    });
    expect(erased.status).toBe(200);

    const file = join(tmpdir(), `restore-${Date.now()}-${name}`);
    await writeFile(file, bytes);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      panel.getByTestId('backup-restore').click(),
    ]);
    await chooser.setFiles(file);
    const preview = panel.getByTestId('backup-preview');
    await preview.waitFor();
    const users = preview.getByTestId('backup-preview-row-users');
    expect(await users.locator('td').allTextContents()).toEqual(['users', '1', '1', '0', '0', '0']);
    expect(await preview.getByTestId('backup-preview-erasures').count()).toBe(1);
    for (const header of ['En la copia', 'Nuevas', 'Iguales', 'Distintas', 'Solo en la base'])
      expect(await preview.getByRole('columnheader', { name: header }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await panel.getByTestId('backup-preview').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await docShot(page, 'backups', 'restore-preview');

    await panel.getByTestId('backup-rule-replace').click();
    await panel.getByTestId('backup-confirm').click();
    const restored = panel.getByTestId('backup-restored');
    await restored.waitFor({ timeout: 30_000 });
    // The bar stays at its last position once done: every document restored.
    const bar = panel.getByTestId('backup-restore-progress').getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await panel.getByTestId('backup-restore-progress').textContent()).toMatch(/Restaurando/);
    expect(await restored.textContent()).toMatch(/^Copia restaurada: \d+ documentos escritos/);
    const back = await fetch(`${h.cli.url}/admin/users/${CLIENT}`, {
      headers: { authorization: `Bearer ${h.token}` },
    });
    expect(back.status).toBe(200);
    await docShot(page, 'backups', 'restored');
  });
});
