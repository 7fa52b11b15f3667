import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright';
import { PROFILES } from '../support/profiles';
import { accessibilityViolations } from './a11y';
import { docShot, startWebHarness, type WebHarness } from './harness';

/*
 * "The coach stays in charge" (issue 16): the plan editor in the browser against the real built
 * `edn360 serve` and the fake LLM. A client with an active knee injury and lactose intolerance:
 * contraindicated exercises and dairy foods are visible but disabled with the reason; a swap and a
 * new number of sets are re-audited live and saved as version 2; a contraindicated swap blocks the
 * re-audit; grams change the day's totals as the coach types; a whole meal is replaced by the same
 * meal of another day type; a dairy food named through the API is refused by field; in English, the
 * labels and a disabled option's reason are English.
 */
/** The host re-audits ~300 ms after the last change; a busy machine takes longer. */
const POLL = { timeout: 15_000 };
let h: WebHarness;
let page: Page;
const CLIENT = 'cliente-editor-e2e';
let jobId = '';
let trainingPlanId = '';
let nutritionPlanId = '';

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

/** A screenshot for the docs (refreshed with EDN_DOC_SCREENSHOTS=1; see harness.ts). */
async function editorShot(name: string): Promise<void> {
  await docShot(page, 'editor', name);
}

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${h.cli.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${h.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function versionsOf(kind: 'training' | 'nutrition', id: string) {
  const response = await api('GET', `/admin/${kind}-plans/${id}/versions`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    current_version: number;
    versions: { version: number; note?: string | null; origin: string }[];
  };
}

/**
 * Waits for the live re-audit to answer: while one is on its way the panel's content is faded, which
 * an accessibility check would (rightly) read as low contrast.
 */
async function reauditSettled(): Promise<void> {
  await expect.poll(() => page.getByTestId('editor-reaudit').getAttribute('aria-busy'), POLL).toBe('false');
}

/** Opens a picker, types a filter and returns the listbox. */
async function openPicker(picker: Locator, filter: string): Promise<Locator> {
  await picker.click();
  await picker.fill(filter);
  const listbox = page.getByRole('listbox').last();
  await listbox.waitFor();
  return listbox;
}

/** What the test reads of a stored menu day. */
interface Menu {
  tipo_dia: string;
  comidas: { nombre: string; platos: { nombre: string }[] }[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the plan editor in the browser', () => {
  it('generates a full plan for a client with a knee injury and lactose intolerance', async () => {
    const submit = await fetch(`${h.cli.url}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: CLIENT, responses: PROFILES['rodillaLactosa'] }),
    });
    expect(submit.status).toBe(201);
    const { submission_id } = (await submit.json()) as { submission_id: string };
    const generate = await api('POST', `/admin/users/${CLIENT}/plans/generate_async`, {
      type: 'full',
      submission_id,
    });
    expect(generate.status).toBe(200);
    jobId = ((await generate.json()) as { job_id: string }).job_id;
    const deadline = Date.now() + 120_000;
    let job: {
      status: string;
      result?: { training_plan_id: string | null; nutrition_plan_id: string | null };
    } = { status: 'pending' };
    while (Date.now() < deadline) {
      job = (await (await fetch(`${h.cli.url}/jobs/${jobId}`)).json()) as typeof job;
      if (job.status === 'completed' || job.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(job.status).toBe('completed');
    trainingPlanId = job.result?.training_plan_id ?? `tp_${jobId}`;
    nutritionPlanId = job.result?.nutrition_plan_id ?? `np_${jobId}`;
  }, 150_000);

  it('training: contraindicated exercises disabled with the reason; swap + sets re-audited live, saved as v2', async () => {
    await page.goto(`${h.cli.url}/#/plans/training/${trainingPlanId}/edit`);
    await page.getByTestId('plan-editor').waitFor();
    await page.getByTestId('editor-exercise').nth(1).waitFor();
    const first = page.getByTestId('editor-exercise').first();
    const originalId = await first.getAttribute('data-exercise-id');

    // The picker: "Sentadilla trasera con barra" is there, disabled, with the knee as the reason.
    const listbox = await openPicker(first.getByTestId('editor-swap'), 'Sentadilla trasera');
    const squat = listbox.getByRole('option', { name: /Sentadilla trasera con barra/ });
    await squat.waitFor();
    expect(await squat.getAttribute('aria-disabled')).toBe('true');
    expect(await squat.getByTestId('picker-option-reason').textContent()).toMatch(/rodilla/i);
    await editorShot('training-picker-disabled');
    await page.keyboard.press('Escape');

    // Swap to an allowed exercise (a row: nothing in it loads the knee).
    const rows = await openPicker(first.getByTestId('editor-swap'), 'Remo');
    const allowed = rows.locator('[role="option"]:not([aria-disabled="true"])').first();
    const allowedName = (await allowed.textContent()) ?? '';
    await allowed.click();
    await expect.poll(() => first.getAttribute('data-exercise-id'), POLL).not.toBe(originalId);
    expect(await first.getByTestId('editor-exercise-name').textContent()).toBe(allowedName.trim());

    // Series 3 → 4 (whatever it was, the new number is what the plan now says).
    const series = first.getByTestId('editor-series');
    await series.fill('4');
    await expect
      .poll(() => page.getByTestId('editor-pending-count').textContent(), POLL)
      .toBe('2 cambios pendientes');

    // The live re-audit answers with what saving would change.
    const panel = page.getByTestId('editor-reaudit');
    await panel.getByTestId('editor-changes').waitFor();
    await expect
      .poll(() => panel.getByTestId('editor-changes').locator('li').count(), POLL)
      .toBeGreaterThanOrEqual(2);
    expect(await panel.getByTestId('audit-status').getAttribute('data-status')).not.toBe('bloqueado');
    await reauditSettled();
    expect(await accessibilityViolations(page)).toEqual([]);
    await editorShot('training-reaudit');

    // A contraindicated swap, chosen on purpose: the re-audit blocks and the exercise says why.
    await page.getByTestId('editor-allow-restricted').check();
    const second = page.getByTestId('editor-exercise').nth(1);
    const squatList = await openPicker(second.getByTestId('editor-swap'), 'Sentadilla trasera con barra');
    await squatList.getByRole('option', { name: /Sentadilla trasera con barra/ }).click();
    await expect.poll(() => second.getAttribute('data-exercise-id'), POLL).toBe('sentadilla_trasera_barra');
    await expect
      .poll(() => panel.getByTestId('audit-status').getAttribute('data-status'), POLL)
      .toBe('bloqueado');
    expect(await panel.getByTestId('editor-reaudit-failing').textContent()).toContain('TRN-03');
    await panel.getByTestId('editor-blocked-note').waitFor();
    await expect
      .poll(() => second.getByTestId('editor-exercise-warning').textContent(), POLL)
      .toMatch(/TRN-03 bloqueará la entrega: /);
    await second.scrollIntoViewIfNeeded();
    await editorShot('training-reaudit-blocked');

    // Undo takes the contraindicated swap back; the rest stays.
    await page.getByTestId('editor-undo').click();
    await expect
      .poll(() => page.getByTestId('editor-pending-count').textContent(), POLL)
      .toBe('2 cambios pendientes');
    await expect
      .poll(() => panel.getByTestId('audit-status').getAttribute('data-status'), POLL)
      .not.toBe('bloqueado');

    // Save with a note: version 2, a draft, back on the plan screen.
    await page.getByTestId('editor-note').fill('Sin sentadilla con barra: rodilla');
    await page.getByTestId('editor-coach').fill('Laura');
    await page.getByTestId('editor-save-button').click();
    await page.getByText('Versión 2 guardada (borrador)').waitFor();
    await page.getByTestId('plan-screen').waitFor();
    expect(page.url()).toContain(`/plan/${jobId}`);
    const versions = await versionsOf('training', trainingPlanId);
    expect(versions.current_version).toBe(2);
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.versions[1]).toMatchObject({ note: 'Sin sentadilla con barra: rodilla', origin: 'edit' });
  }, 120_000);

  it('training: a save on top of a version someone else replaced explains the conflict and reloads on request', async () => {
    await page.goto(`${h.cli.url}/#/plans/training/${trainingPlanId}/edit`);
    await page.getByTestId('editor-exercise').nth(1).waitFor();
    expect(await page.getByTestId('plan-editor').getAttribute('data-base-version')).toBe('2');

    // Moving a session to a free weekday (taken days are disabled), then undoing it.
    const days = async () =>
      page.getByTestId('editor-session').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-day')));
    const before = await days();
    await page.getByTestId('editor-session-day').first().click();
    const free = page.getByRole('listbox').last().locator('[role="option"]:not([aria-disabled="true"])');
    expect(await free.count()).toBe(8 - before.length); // the free days and the session's own
    await free
      .filter({ hasNot: page.locator('[aria-selected="true"]') })
      .last()
      .click();
    await expect.poll(days, POLL).not.toEqual(before);
    expect((await days()).length).toBe(before.length);
    await page.getByTestId('editor-undo').click();
    await expect.poll(days, POLL).toEqual(before);
    const rest = page.getByTestId('editor-exercise').first().getByTestId('editor-rest');
    const current = Number(await rest.inputValue());
    await rest.fill(String(current === 120 ? 90 : 120));
    await expect
      .poll(() => page.getByTestId('editor-pending-count').textContent(), POLL)
      .toBe('1 cambio pendiente');

    // Meanwhile, another app instance saves version 3 on top of version 2.
    const other = await api('POST', `/admin/training-plans/${trainingPlanId}/versions`, {
      base_version: 2,
      edits: [{ type: 'set_prescription', session: 0, exercise: 1, rir: 1 }],
      note: 'Desde otra instancia',
    });
    expect(other.status).toBe(201);

    await page.getByTestId('editor-save-button').click();
    const conflict = page.getByTestId('editor-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/versión 2, que ya no es la actual/);
    // The pending edit is kept until the coach chooses to reload.
    expect(await page.getByTestId('editor-pending-count').textContent()).toBe('1 cambio pendiente');
    await conflict.getByTestId('editor-conflict-reload').click();
    await expect
      .poll(() => page.getByTestId('plan-editor').getAttribute('data-base-version'), POLL)
      .toBe('3');
    expect(await page.getByTestId('editor-pending-count').textContent()).toBe('0 cambios pendientes');
    expect((await versionsOf('training', trainingPlanId)).current_version).toBe(3);
  }, 60_000);

  it('nutrition: dairy disabled with the reason and refused by the API; grams and a replaced meal change the totals live; saved as v2', async () => {
    // Through the API, a dairy food is refused naming the edit's field.
    const planResponse = await api('GET', `/admin/nutrition-plans/${nutritionPlanId}`);
    type PlanBody = { plan: { nutrition: { menu_plan: { menus: Menu[] } } } };
    const { plan } = (await planResponse.json()) as PlanBody;
    const dayType = plan.nutrition.menu_plan.menus[0]!.tipo_dia;
    const refused = await api('POST', `/admin/nutrition-plans/${nutritionPlanId}/preview`, {
      base_version: 1,
      edits: [
        { type: 'replace_food', day_type: dayType, meal: 0, dish: 0, item: 0, food_id: 'leche_entera' },
      ],
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors?: { field: string }[] };
    // The HTTP door names it in the body: `body.edits.0.food_id`.
    expect(body.errors?.map((e) => e.field).some((field) => field.endsWith('edits.0.food_id'))).toBe(true);

    await page.goto(`${h.cli.url}/#/plans/nutrition/${nutritionPlanId}/edit`);
    await page.getByTestId('nutrition-editor').waitFor();
    const ingredient = page.getByTestId('editor-ingredient').first();
    const listbox = await openPicker(ingredient.getByTestId('editor-food'), 'Leche entera');
    const milk = listbox.getByRole('option', { name: /Leche entera/ });
    await milk.waitFor();
    expect(await milk.getAttribute('aria-disabled')).toBe('true');
    expect(await milk.getByTestId('picker-option-reason').textContent()).toMatch(/lactosa/i);
    await editorShot('nutrition-picker-dairy');
    await page.keyboard.press('Escape');

    // Grams: the day's kcal total changes as the coach types, before anything is saved.
    const kcal = page.getByTestId('editor-total-kcal').getByTestId('editor-total-value');
    const before = await kcal.textContent();
    const grams = ingredient.getByTestId('editor-grams');
    const current = Number(await grams.inputValue());
    await grams.fill(String(current >= 500 ? current - 300 : current + 300));
    await expect.poll(() => kcal.textContent(), POLL).not.toBe(before);
    expect((await versionsOf('nutrition', nutritionPlanId)).current_version).toBe(1);
    await reauditSettled();
    expect(await accessibilityViolations(page)).toEqual([]);
    await editorShot('nutrition-totals');

    // A whole meal replaced: the second meal takes the dishes of the same meal on another day type,
    // keeps its own name; the day's totals and the changes list follow.
    const meal = page.getByTestId('editor-meal').nth(1);
    const mealName = (await meal.getByTestId('editor-meal-name').textContent()) ?? '';
    const originalDish = plan.nutrition.menu_plan.menus[0]!.comidas[1]!.platos[0]!.nombre;
    const kcalBefore = await kcal.textContent();
    await meal.getByTestId('editor-replace-meal').click();
    const meals = page.getByRole('listbox').last();
    await meals.waitFor();
    await meals.getByText('Otras comidas del plan').waitFor();
    await meals.getByText(`${mealName} en los otros tipos de día`).waitFor();
    const sameMeal = meals.getByRole('option', { name: new RegExp(`^${escapeRegExp(mealName)} · `) });
    expect(await sameMeal.count()).toBe(plan.nutrition.menu_plan.menus.length - 1);
    await sameMeal.first().click();
    await expect
      .poll(() => page.getByTestId('editor-pending-count').textContent(), POLL)
      .toBe('2 cambios pendientes');
    expect(await meal.getByTestId('editor-meal-name').textContent()).toBe(mealName);
    expect(await meal.getByTestId('editor-dish').first().textContent()).not.toContain(originalDish);
    await expect.poll(() => kcal.textContent(), POLL).not.toBe(kcalBefore);
    // meal_replaced: "Almuerzo (día alto): platos Almuerzo de día alto (…) → Almuerzo de día medio (…)"
    await expect
      .poll(() => page.getByTestId('editor-reaudit').getByTestId('editor-changes').textContent(), POLL)
      .toMatch(new RegExp(`${escapeRegExp(mealName)} \\([^)]*\\): platos ${escapeRegExp(originalDish)} .*→`));
    await reauditSettled();
    expect(await accessibilityViolations(page)).toEqual([]);
    await meal.scrollIntoViewIfNeeded();
    await editorShot('nutrition-meal-replaced');

    // The meal's time, written as 24-hour text: a malformed one is named, a valid one is an edit.
    const time = meal.getByTestId('editor-meal-time');
    await time.fill('7.30');
    await page.getByText('Escribe la hora como 07:30 (24 h)').waitFor();
    await time.fill('13:45');
    await expect
      .poll(() => page.getByTestId('editor-pending-count').textContent(), POLL)
      .toBe('3 cambios pendientes');
    await expect
      .poll(() => page.getByTestId('editor-reaudit').getByTestId('editor-changes').textContent(), POLL)
      .toContain('13:45');

    await page.getByTestId('editor-note').fill('Más ración en la primera comida');
    await page.getByTestId('editor-save-button').click();
    await page.getByText('Versión 2 guardada (borrador)').waitFor();
    const versions = await versionsOf('nutrition', nutritionPlanId);
    expect(versions.current_version).toBe(2);
    const saved = (await (await api('GET', `/admin/nutrition-plans/${nutritionPlanId}`)).json()) as PlanBody;
    const savedMeal = saved.plan.nutrition.menu_plan.menus[0]!.comidas[1]!;
    expect(savedMeal.nombre).toBe(mealName);
    expect(savedMeal.platos[0]!.nombre).not.toBe(originalDish);
  }, 120_000);

  it('english: the editor speaks English after the header switch, a disabled option’s reason too', async () => {
    await page.goto(`${h.cli.url}/#/plans/training/${trainingPlanId}/edit`);
    await page.getByTestId('editor-exercise').nth(1).waitFor();
    // The last save's notification (in Spanish) is closed first, not to sit in the English screenshot.
    for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), POLL).toBe(0);
    await page.locator('header label.mantine-SegmentedControl-label', { hasText: /^EN$/ }).click();
    await page.getByText('Edit training plan').waitFor();
    expect(await page.getByTestId('editor-pending-count').textContent()).toBe('0 pending changes');
    expect(await page.getByTestId('editor-reaudit').getByRole('heading').first().textContent()).toBe(
      'Live re-audit',
    );
    await page.getByText('Allow picking contraindicated or excluded exercises').waitFor();
    const first = page.getByTestId('editor-exercise').first();
    expect(await first.getByText('Sets', { exact: true }).count()).toBe(1);
    expect(await first.getByTestId('editor-swap').getAttribute('placeholder')).toBe('Change exercise');

    const listbox = await openPicker(first.getByTestId('editor-swap'), 'Barbell back squat');
    const squat = listbox.getByRole('option', { name: /Barbell back squat/ });
    await squat.waitFor();
    expect(await squat.getAttribute('aria-disabled')).toBe('true');
    expect(await squat.getByTestId('picker-option-reason').textContent()).toMatch(
      /^Contraindicated by the active injury \(knee\)/,
    );
    await editorShot('training-picker-en');
    await page.keyboard.press('Escape');
    // Back to Spanish for whatever runs next in this browser.
    await page.locator('header label.mantine-SegmentedControl-label', { hasText: /^ES$/ }).click();
    await page.getByText('Editar plan de entrenamiento').waitFor();
  }, 60_000);
});
