import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { accessibilityViolations } from './a11y';
import { shot, startWebHarness, type WebHarness } from './harness';

/*
 * The traps a new coach hit on the Cuestionario screen (issue 12, point 10): errors that did not go
 * away, numbers in words silently emptied, errors naming keys instead of labels, an import that
 * replaced the client's name and email, the phone not prefilled, no way to read a submission, and
 * an original-format import whose free-text answers became invalid inputs with errors quoting
 * values the inputs did not show.
 */
let h: WebHarness;
let page: Page;
let clientId = '';

interface Submission {
  _id: string;
  user_id: string;
  responses: Record<string, unknown>;
  submitted_at: Date;
  plan_generated: boolean;
  plan_id: string | null;
}

beforeAll(async () => {
  h = await startWebHarness();
  page = h.page;
  clientId = await createClient({
    nombre_completo: 'Ana Prueba Ruiz',
    email: 'ana@example.com',
    telefono: '600 111 222',
  });
});
afterAll(async () => {
  await h?.stop();
});

async function createClient(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${h.cli.url}/admin/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { user: { _id: string } }).user._id;
}

function submissions() {
  return h.mongo.db(h.dbName).collection<Submission>('nutrition_questionnaire_submissions');
}

async function latestResponses(userId: string): Promise<Record<string, unknown>> {
  const latest = await submissions().find({ user_id: userId }).sort({ submitted_at: -1 }).limit(1).next();
  return latest?.responses ?? {};
}

async function openQuestionnaire(userId: string, name = 'Ana Prueba Ruiz'): Promise<void> {
  await page.goto(`${h.cli.url}/#/clients/${encodeURIComponent(userId)}/questionnaire`);
  await page.getByTestId('q-peso').waitFor();
  // The answers arrive with the client: its name is in once they are loaded (the screen may still
  // show the previous client's for a moment when only the id in the address changed).
  await expect.poll(() => page.getByTestId('q-nombre_completo').inputValue()).toBe(name);
}

async function pick(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function importJson(content: unknown): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'cuestionario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
}

const summary = () => page.getByTestId('questionnaire-errors');
const summaryText = async () =>
  (await summary().count()) > 0 ? ((await summary().textContent()) ?? '') : '';

describe('Cuestionario: the traps of a first questionnaire', () => {
  it('prefills the phone, flags numbers in words, names fields by label and drops errors as they are fixed', async () => {
    await openQuestionnaire(clientId);
    expect(await page.getByTestId('q-telefono').inputValue()).toBe('600 111 222');
    await page.getByTestId('q-fecha_nacimiento').fill('1990-04-12');
    await pick('q-sexo', 'Mujer');
    await page.getByTestId('q-peso').fill('unos 70');
    await page.getByTestId('q-altura_cm').fill('165');
    await page.getByTestId('q-objetivo_fisico').fill('Perder grasa');

    // In words: kept as typed and flagged as soon as the coach moves on, before any submit.
    await page.getByTestId('q-horas_sueno').fill('siete');
    await page.getByTestId('q-horas_sueno').press('Tab');
    expect(await page.getByTestId('q-horas_sueno').inputValue()).toBe('siete');
    await page
      .getByText(
        'Horas de sueño: escribe el número en cifras (p. ej. 7), sin palabras ni unidades; has escrito «siete»',
      )
      .waitFor();
    expect(await page.getByTestId('q-horas_sueno').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('q-lesiones-add').click();
    await page.getByTestId('q-lesiones-0-dolor_0_10').fill('11');
    await page.getByTestId('questionnaire-submit').click();
    await summary().waitFor();
    const listed = await summaryText();
    expect(listed).toContain('Horas de sueño: escribe el número en cifras');
    expect(listed).toContain('Peso (kg): escribe el número en cifras');
    expect(listed).toContain('Lesión 1 · Zona: falta este campo obligatorio');
    expect(listed).toContain('Lesión 1 · Estado: ');
    expect(listed).toContain(
      'Lesión 1 · Dolor (0–10): se esperaba un número entero entre 0 y 10; recibido 11',
    );
    // Labels, never the stored keys.
    expect(listed).not.toMatch(/horas_sueno|dolor_0_10|lesiones\.0|peso:/);
    await shot(page, 'questionnaire-traps-errors');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Fixing one input of an injury clears its error only; the others stay on their inputs.
    await page.getByTestId('q-lesiones-0-zona').fill('rodilla');
    await expect.poll(summaryText).not.toContain('Lesión 1 · Zona');
    expect(await summaryText()).toContain('Lesión 1 · Dolor (0–10)');
    expect(await page.getByTestId('q-lesiones-0-zona').getAttribute('aria-invalid')).not.toBe('true');
    expect(await page.getByTestId('q-lesiones-0-dolor_0_10').getAttribute('aria-invalid')).toBe('true');
    // Emptying the list clears its errors, without adding anything.
    await page.getByTestId('q-lesiones-0-remove').click();
    await expect.poll(summaryText).not.toContain('Lesión');
    await page.getByTestId('q-lesiones-empty').waitFor();

    await page.getByTestId('q-horas_sueno').fill('7,5');
    await page.getByTestId('q-peso').fill('70');
    await summary().waitFor({ state: 'detached' });
    expect(await page.getByTestId('q-horas_sueno').getAttribute('aria-invalid')).not.toBe('true');
    await page.getByTestId('questionnaire-submit').click();
    await page.getByTestId('questionnaires-table').waitFor();
    const stored = await latestResponses(clientId);
    expect(stored).toMatchObject({ telefono: '600 111 222', peso: 70, horas_sueno: 7.5 });
    expect(stored).not.toHaveProperty('lesiones');
  });

  it("asks before an import replaces the client's name and email, and an imported text where a list goes can be removed", async () => {
    const file = {
      user_id: 'otro',
      responses: {
        nombre_completo: 'Pedro Pérez',
        email: 'pedro@example.com',
        fecha_nacimiento: '1985-01-01',
        sexo: 'Hombre',
        peso: 80.5,
        altura_cm: 180,
        objetivo_fisico: 'Ganar músculo',
        lesiones: 'rodilla izquierda (2022)',
      },
    };
    await openQuestionnaire(clientId);
    await importJson(file);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('import-conflict-nombre_completo').textContent()).toBe(
      'Nombre completoAna Prueba RuizPedro Pérez',
    );
    expect(await page.getByTestId('import-conflict-email').textContent()).toContain('pedro@example.com');
    expect(await page.getByTestId('import-conflict-telefono').count()).toBe(0); // the file has none
    // Keeping the client's is the default answer.
    await expect.poll(() => page.locator(':focus').getAttribute('data-testid')).toBe('import-keep-client');
    await shot(page, 'questionnaire-import-conflict');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Closing the question imports nothing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('q-objetivo_fisico').inputValue()).toBe('');

    await importJson(file);
    await page.getByTestId('import-keep-client').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('q-nombre_completo').inputValue()).toBe('Ana Prueba Ruiz');
    expect(await page.getByTestId('q-email').inputValue()).toBe('ana@example.com');
    expect(await page.getByTestId('q-telefono').inputValue()).toBe('600 111 222');
    expect(await page.getByTestId('q-objetivo_fisico').inputValue()).toBe('Ganar músculo');
    expect(await page.getByTestId('q-peso').inputValue()).toBe('80,5');

    // Injuries imported as text: shown on the list as they came, to confirm or remove, not an error.
    const note = page.getByTestId('q-lesiones-imported');
    expect(await note.textContent()).toContain('Importado: «rodilla izquierda (2022)»');
    expect(await page.getByTestId('q-lesiones-error').count()).toBe(0);
    await page.getByTestId('q-lesiones-imported-remove').click();
    await note.waitFor({ state: 'detached' });
    await page.getByTestId('q-lesiones-empty').waitFor();
    await page.getByTestId('questionnaire-submit').click();
    await page.getByTestId('questionnaires-table').waitFor();
    const stored = await latestResponses(clientId);
    expect(stored).toMatchObject({
      nombre_completo: 'Ana Prueba Ruiz',
      email: 'ana@example.com',
      objetivo_fisico: 'Ganar músculo',
    });
    expect(stored).not.toHaveProperty('lesiones');

    // The file's, only when the coach chooses them.
    await openQuestionnaire(clientId);
    await importJson(file);
    await page.getByTestId('import-use-file').click();
    expect(await page.getByTestId('q-nombre_completo').inputValue()).toBe('Pedro Pérez');
    expect(await page.getByTestId('q-email').inputValue()).toBe('pedro@example.com');
  });

  it('shows a submitted questionnaire read-only, answers the form does not know included, and starts a new one from it', async () => {
    await submissions().insertOne({
      _id: 'sub-original-format',
      user_id: clientId,
      responses: {
        nombre_completo: 'Ana Prueba Ruiz',
        email: 'ana@example.com',
        fecha_nacimiento: '1990-04-12',
        sexo: 'MUJER',
        peso: '62,5',
        altura_cm: 165,
        objetivo_fisico: 'Correr una maratón',
        dias_semana: ['lunes', 'jueves'],
        lesiones: [{ zona: 'hombro', estado: 'cronica', dolor_0_10: 3 }],
        parq: { p1: false, p2: false, p3: true, p4: false, p5: false, p6: false, p7: false },
        comidas_texto: 'Más de 6',
        medidas: { cintura: 70, cadera: 95 },
      },
      submitted_at: new Date(Date.now() + 60_000),
      plan_generated: false,
      plan_id: null,
    });
    await page.goto(`${h.cli.url}/#/clients/${encodeURIComponent(clientId)}`);
    const row = page.getByTestId('questionnaires-table').locator('tr', { hasText: 'Correr una maratón' });
    await row.getByTestId('questionnaire-view-open').click();
    await page.getByTestId('questionnaire-view').waitFor();

    const answer = (field: string) => page.getByTestId(`answer-${field}`).textContent();
    expect(await answer('peso')).toBe('Peso (kg)62,5');
    expect(await answer('sexo')).toBe('SexoMUJER'); // as stored
    expect(await answer('dias_semana')).toBe('Días de la semanaLunes, Jueves');
    const lesiones = (await answer('lesiones')) ?? '';
    for (const text of ['Lesión 1', 'Zona', 'hombro', 'Crónica', 'Dolor (0–10)', '3'])
      expect(lesiones).toContain(text);
    expect(await answer('parq')).toContain('Sí');
    const others = (await page.getByTestId('answers-others').textContent()) ?? '';
    expect(others).toContain('comidas_textoMás de 6');
    expect(others).toContain('"cintura": 70');
    // Nothing to edit here.
    expect(await page.getByTestId('questionnaire-view').locator('input, textarea').count()).toBe(0);
    await shot(page, 'questionnaire-view');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('questionnaire-view-base-on').click();
    await page.getByTestId('questionnaire-based-on').waitFor();
    expect(await page.getByTestId('q-objetivo_fisico').inputValue()).toBe('Correr una maratón');
    expect(await page.getByTestId('q-peso').inputValue()).toBe('62,5');
    // The phone the original lacked comes from the client record.
    expect(await page.getByTestId('q-telefono').inputValue()).toBe('600 111 222');
  });

  it("prefills the phone from the client's latest questionnaire when the client record has none", async () => {
    const userId = await createClient({ nombre_completo: 'Bea Sin Teléfono' });
    const base = {
      user_id: userId,
      plan_generated: false,
      plan_id: null,
    };
    const responses = {
      nombre_completo: 'Bea Sin Teléfono',
      email: 'bea@example.com',
      fecha_nacimiento: '1992-03-04',
      sexo: 'Mujer',
      peso: 58,
      altura_cm: 160,
      objetivo_fisico: 'Salud',
    };
    await submissions().insertMany([
      {
        ...base,
        _id: 'bea-old',
        responses: { ...responses, telefono: '611000000' },
        submitted_at: new Date('2025-01-01'),
      },
      {
        ...base,
        _id: 'bea-new',
        responses: { ...responses, telefono: '699 123 456' },
        submitted_at: new Date('2025-05-01'),
      },
    ]);
    await openQuestionnaire(userId, 'Bea Sin Teléfono');
    expect(await page.getByTestId('q-telefono').inputValue()).toBe('699 123 456');
  });

  it('shows the loose answers of an original-format import as text to confirm, never as errors quoting values the inputs do not show, and stores them verbatim', async () => {
    const userId = await createClient({ nombre_completo: 'Carla Original', email: 'carla@example.com' });
    await openQuestionnaire(userId, 'Carla Original');
    await importJson({
      user_id: 'sistema-original',
      responses: {
        nombre_completo: 'Carla Original',
        email: 'carla@example.com',
        fecha_nacimiento: '1988-02-03',
        sexo: 'Mujer',
        peso: '64,5',
        altura_cm: '168',
        objetivo_fisico: 'Tonificar',
        horas_sueno: '7,5 h',
        nivel_estres: 'Medio',
        material_disponible: 'Mancuernas, bandas y esterilla',
        calidad_sueno: '9',
        lesiones: 'Menisco sin terminar de curar',
        nivel_experiencia: 'Llevo 2 años',
        patologias: 'No',
      },
    });
    await expect.poll(() => page.getByTestId('q-objetivo_fisico').inputValue()).toBe('Tonificar');

    // Read with certainty: typed into the inputs, nothing to confirm.
    expect(await page.getByTestId('q-horas_sueno').inputValue()).toBe('7,5');
    expect(await page.getByTestId('q-nivel_estres').inputValue()).toBe('3');
    expect(await page.locator('input[type="hidden"][name="material_disponible"]').inputValue()).toBe(
      'mancuernas,bandas',
    );
    expect(await page.getByTestId('q-horas_sueno-imported').count()).toBe(0);
    expect(await page.getByTestId('q-nivel_estres-imported').count()).toBe(0);
    // A health answer read with certainty ("No"): no question either.
    expect(await page.getByTestId('q-patologias-imported').count()).toBe(0);

    // The rest: on its field, as it came.
    const note = (field: string) => page.getByTestId(`q-${field}-imported`).textContent();
    expect(await note('material_disponible')).toContain(
      'Importado: «Mancuernas, bandas y esterilla» — se ha rellenado lo entendido',
    );
    expect(await note('calidad_sueno')).toContain('Importado: «9» — fuera de rango (1–5), revísalo');
    expect(await note('lesiones')).toContain('Importado: «Menisco sin terminar de curar» — confírmalo');
    expect(await note('nivel_experiencia')).toContain('Importado: «Llevo 2 años»');
    expect(await page.getByTestId('q-calidad_sueno').inputValue()).toBe('');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);

    // Listed above the form, each leading to its field.
    const imported = page.getByTestId('questionnaire-imported');
    const importedText = async () =>
      (await imported.count()) > 0 ? ((await imported.textContent()) ?? '') : '';
    const listed = await importedText();
    expect(listed).toContain('4 respuestas importadas por confirmar');
    expect(listed).toContain('Material disponible: «Mancuernas, bandas y esterilla»');
    expect(listed).toContain('Calidad del sueño (1–5): «9»');
    expect(listed).toContain('Lesiones: «Menisco sin terminar de curar»');
    await imported.scrollIntoViewIfNeeded();
    await shot(page, 'questionnaire-imported-summary');
    await page.getByTestId('questionnaire-imported-calidad_sueno').click();
    await expect
      .poll(() => page.locator(':focus').getAttribute('data-testid'))
      .toBe('q-calidad_sueno-imported');
    await shot(page, 'questionnaire-imported-answers');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Confirmed, or replaced by what the coach picks: off the list, and the list follows.
    await page.getByTestId('q-material_disponible-imported-confirm').click();
    expect(await note('material_disponible')).toContain('confirmado: se guardará tal como llegó');
    await pick('q-nivel_experiencia', 'Intermedio');
    expect(await note('nivel_experiencia')).toContain('se guardará lo que has escrito en su lugar');
    await expect.poll(importedText).toContain('2 respuestas importadas por confirmar');
    expect(await importedText()).not.toContain('Material disponible');

    // A refused submit (a required answer emptied) reports that answer only: no error quotes an
    // imported value the inputs do not show.
    await page.getByTestId('q-objetivo_fisico').fill('');
    await page.getByTestId('questionnaire-submit').click();
    await summary().waitFor();
    const errors = await summaryText();
    expect(errors).toContain('Objetivo físico');
    for (const text of ['9', 'Menisco', 'esterilla', 'Llevo', '7,5 h', 'Medio', 'Material', 'Calidad'])
      expect(errors).not.toContain(text);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('q-objetivo_fisico').fill('Tonificar');
    await summary().waitFor({ state: 'detached' });
    await page.getByTestId('questionnaire-submit').click();
    await page.getByTestId('questionnaires-table').waitFor();

    // Stored as the coach left it: typed where certain or chosen, verbatim where not confirmed or kept.
    const response = await fetch(`${h.cli.url}/admin/users/${encodeURIComponent(userId)}/submissions`, {
      headers: { authorization: `Bearer ${h.token}` },
    });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { responses: Record<string, unknown> }[] };
    expect(items).toHaveLength(1);
    expect(items[0]?.responses).toMatchObject({
      horas_sueno: 7.5,
      nivel_estres: 3,
      nivel_experiencia: 'intermedio',
      material_disponible: 'Mancuernas, bandas y esterilla',
      calidad_sueno: '9',
      lesiones: 'Menisco sin terminar de curar',
      patologias: 'No',
    });
  });
});
