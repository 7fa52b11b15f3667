import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { shot, startWebHarness, type WebHarness } from './harness';

/*
 * Accessibility by keyboard: a client is created with Tab, Enter and typing only; focus never leaves
 * the client modal while it is open; every input of the questionnaire screen has an accessible label.
 */
let h: WebHarness;
let page: Page;

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

/** The focused element's test id ('' when it has none), and whether it is inside the open dialog. */
async function focused(): Promise<{ testId: string; inDialog: boolean }> {
  // Count first: a locator action on nothing would wait for its timeout (focus on <body> matches none).
  const focus = page.locator(':focus');
  const testId = (await focus.count()) === 1 ? ((await focus.getAttribute('data-testid')) ?? '') : '';
  const inDialog = (await page.locator('[role="dialog"] :focus').count()) > 0;
  return { testId, inDialog };
}

/** Presses Tab until the element with this test id has focus (at most `max` presses). */
async function tabTo(testId: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused()).testId === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

describe('keyboard and labels', () => {
  it('creates a client with the keyboard only, with focus kept inside the modal', async () => {
    await page.goto(`${h.cli.url}/#/clients`);
    await page.getByTestId('client-new').waitFor();
    await page.locator('body').focus();
    await tabTo('client-new');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();

    // Focus starts in the modal and stays there, forwards and backwards, past its last control.
    await expect.poll(async () => (await focused()).inDialog).toBe(true);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focused()).inDialog, `Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).inDialog, `Shift+Tab ${i + 1}`).toBe(true);
    }

    await tabTo('client-name');
    await page.keyboard.type('Marta Teclado Sanz');
    await page.keyboard.press('Tab');
    expect((await focused()).testId).toBe('client-email');
    await page.keyboard.type('marta@example.com');
    await tabTo('client-save');
    await page.keyboard.press('Enter');

    await page.getByTestId('client-title').waitFor();
    expect(await page.getByTestId('client-title').textContent()).toBe('Marta Teclado Sanz');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('labels every input of the questionnaire screen', async () => {
    await tabTo('questionnaire-new');
    await page.keyboard.press('Enter');
    await page.getByTestId('questionnaire-form').waitFor();
    await shot(page, 'questionnaire-keyboard');

    // Like axe's "label" rule: a visible form control needs a name from aria-label,
    // aria-labelledby, a <label for>, or an enclosing <label>.
    // (Runs in the page; this project's types have no DOM, hence the string.)
    const unlabelled = await page.evaluate<{ missing: string[]; count: number }>(`(() => {
      const controls = Array.from(document.querySelectorAll('input, select, textarea'));
      const missing = [];
      for (const el of controls) {
        if (el.type === 'hidden' || el.getAttribute('aria-hidden') === 'true') continue;
        const style = window.getComputedStyle(el);
        const hidden = style.display === 'none' || style.visibility === 'hidden';
        if (hidden && el.type !== 'file') continue;
        const byAria = (el.getAttribute('aria-label') || '').trim();
        const byIds = (el.getAttribute('aria-labelledby') || '')
          .split(/\\s+/)
          .filter(Boolean)
          .map((id) => (document.getElementById(id)?.textContent || '').trim())
          .join(' ')
          .trim();
        const byFor = el.id
          ? Array.from(document.querySelectorAll('label'))
              .filter((l) => l.htmlFor === el.id)
              .map((l) => (l.textContent || '').trim())
              .join(' ')
              .trim()
          : '';
        const byParent = (el.closest('label')?.textContent || '').trim();
        if (!byAria && !byIds && !byFor && !byParent) missing.push(el.outerHTML.slice(0, 160));
      }
      return { missing, count: controls.length };
    })()`);
    expect(unlabelled.count).toBeGreaterThan(30);
    expect(unlabelled.missing).toEqual([]);

    // The same through Playwright's accessible-name lookup, for a few fields of each kind.
    for (const name of ['Nombre completo', 'Peso (kg)', 'Sexo', 'Material disponible']) {
      expect(await page.getByLabel(name, { exact: false }).count(), name).toBeGreaterThan(0);
    }
  });
});
