/**
 * What the template adds to the document's words: the tempo label, the number format, dish rows,
 * the coach (or none), the cover's capitals and its contents list.
 */
import { describe, expect, it } from 'vitest';
import { renderClientPlanPdf } from '../../../src/main/client-pdf/render-client-plan-pdf';
import { clientPlanPdfDefinition } from '../../../src/shared/client-pdf/client-plan-pdf';
import { CONTENTS_ONE_COLUMN_MAX, contentsColumns, planCoach } from '../../../src/shared/client-pdf/cover';
import { clientPdfLabels } from '../../../src/shared/client-pdf/labels';
import { sameName } from '../../../src/shared/client-pdf/nutrition';
import { tempoLine } from '../../../src/shared/client-pdf/sessions';
import { MARGIN_BOTTOM, MARGIN_TOP } from '../../../src/shared/client-pdf/styles';
import { formatNumber } from '../../../src/shared/client-plan/format';
import {
  ClientPlanDocumentSchema,
  type ClientPlanDocument,
  type ClientSession,
} from '../../../src/shared/client-plan/schema';
import { sampleClientPlan } from '../../fixtures/client-pdf/sample-client-plan';
import { readBodyLines, readPdf } from './pdf-tools';

const BODY_BAND = { top: MARGIN_TOP - 12, bottom: MARGIN_BOTTOM - 12 };

async function pdfText(doc: ClientPlanDocument, pageSize: 'A4' | 'LETTER' = 'A4'): Promise<string[]> {
  return (await readPdf(await renderClientPlanPdf(doc, { pageSize }))).map((page) => page.text);
}

function withTempo(doc: ClientPlanDocument, tempo: string): ClientPlanDocument {
  const [first, ...others] = doc.sessions!;
  const [exercise, ...rest] = first!.exercises;
  return { ...doc, sessions: [{ ...first!, exercises: [{ ...exercise!, tempo }, ...rest] }, ...others] };
}

describe('tempo label', () => {
  it('puts the label before a tempo text that does not start with it', () => {
    expect(tempoLine('3-1-X-0: 3 s bajando', 'Ritmo')).toEqual(['Ritmo: ', '3-1-X-0: 3 s bajando']);
    expect(tempoLine('Ritmico 3-1', 'Ritmo')).toEqual(['Ritmo: ', 'Ritmico 3-1']);
  });

  it('does not repeat the label when the text already starts with it', () => {
    expect(tempoLine('Ritmo: 3-1-X-0: 3 s bajando', 'Ritmo')).toEqual(['Ritmo: ', '3-1-X-0: 3 s bajando']);
    expect(tempoLine(' ritmo controlado', 'Ritmo')).toEqual(['ritmo ', 'controlado']);
    expect(tempoLine('Tempo 3-1-1-0', 'Tempo')).toEqual(['Tempo ', '3-1-1-0']);
  });

  it('prints "Ritmo: 3-1-X-0: …" whether or not the document starts the text with "Ritmo"', async () => {
    for (const tempo of ['3-1-X-0: 3 s bajando, 1 s de pausa', 'Ritmo: 3-1-X-0: 3 s bajando, 1 s de pausa']) {
      const text = (await pdfText(withTempo(sampleClientPlan('es'), tempo))).join('\n');
      expect(text).toContain('Ritmo: 3-1-X-0: 3 s bajando, 1 s de pausa');
      expect(text).not.toMatch(/Ritmo:?\s*Ritmo/i);
    }
    const en = (await pdfText(withTempo(sampleClientPlan('en'), 'Tempo: 3-1-X-0: 3 s down'))).join('\n');
    expect(en).toContain('Tempo: 3-1-X-0: 3 s down');
    expect(en).not.toMatch(/Tempo:?\s*Tempo/i);
  });
});

describe('number format', () => {
  it('is the view model formatter: grouped thousands in both languages', () => {
    expect(formatNumber(1822, 'es')).toBe('1.822');
    expect(formatNumber(1822, 'en')).toBe('1,822');
    expect(formatNumber(182, 'es')).toBe('182');
  });

  it('prints the target boxes and the day-type table like the sentences ("2.100", never "2100")', async () => {
    for (const language of ['es', 'en'] as const) {
      const pages = await pdfText(sampleClientPlan(language));
      const text = pages.join('\n');
      expect(text).not.toMatch(/\b(2100|1850)\b/);
      const grouped = language === 'es' ? ['2.100', '1.850'] : ['2,100', '1,850'];
      // The week page's day-type table, and each day type's page (box and sentence).
      for (const kcal of grouped) {
        expect(pages[1]).toContain(kcal);
        expect(text.split(kcal).length - 1).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('meal tables', () => {
  it('compares names as a reader would', () => {
    expect(sameName('Desayuno', ' desayuno ')).toBe(true);
    expect(sameName('Desayuno', 'Desayuno completo')).toBe(false);
    expect(sameName(undefined, 'Desayuno')).toBe(false);
  });

  it('hides a dish row named like its meal', async () => {
    const full = sampleClientPlan('es');
    const nutrition = full.nutrition!;
    const [first, ...otherDayTypes] = nutrition.dayTypes;
    const meal = {
      name: 'Merienda de prueba',
      dishes: [
        {
          name: 'Merienda de prueba',
          foods: [
            { name: 'Yogur natural', grams: 125 },
            { name: 'Fresas', grams: 150 },
          ],
        },
      ],
      substitutions: [],
    };
    const doc: ClientPlanDocument = {
      ...full,
      nutrition: {
        ...nutrition,
        dayTypes: [{ ...first!, meals: [...first!.meals, meal] }, ...otherDayTypes],
      },
    };
    const text = (await pdfText(doc)).join('\n');
    expect(text.split('Merienda de prueba').length - 1).toBe(1);
    expect(text).toContain('Yogur natural');
    expect(text).toContain('Fresas');
  });
});

describe('coach', () => {
  it('labels the coach line neutrally and keeps the capitals on the cover copyable', async () => {
    expect(clientPdfLabels('es').coach).toBe('Entrenador/a');
    expect(clientPdfLabels('en').coach).toBe('Coach');
    const [cover] = await pdfText(sampleClientPlan('es'));
    expect(cover).toContain('ENTRENADOR/A Álvaro Ibáñez');
    // The band's coach name, in capitals, copies out as words (no per-letter spacing).
    expect(cover).toContain('ÁLVARO IBÁÑEZ');
  });

  it('prints no coach line and only the client in the headers when the plan names no coach', async () => {
    const full = sampleClientPlan('es');
    const { coach: _coach, ...meta } = full.meta;
    const doc: ClientPlanDocument = { ...full, meta };
    expect(ClientPlanDocumentSchema.safeParse(doc).success).toBe(true);
    expect(planCoach(doc.meta)).toBeUndefined();
    const definition = clientPlanPdfDefinition(doc, { pageSize: 'A4' });
    expect(definition.info.author).toBeUndefined();
    const pages = await pdfText(doc);
    expect(pages.join('\n')).not.toMatch(/Álvaro|ÁLVARO|ENTRENADOR|alvaro@/);
    for (const page of pages.slice(1)) expect(page).toContain('María José Núñez');
    const [cover] = pages;
    expect(cover).toContain('PLAN PREPARADO PARA');
  });
});

describe('contents list on the cover', () => {
  it('splits into two columns beyond the one-column maximum, the first half on the left', () => {
    expect(new Set(contentsColumns(CONTENTS_ONE_COLUMN_MAX)).size).toBe(1);
    expect(contentsColumns(11).filter((id) => id === 'contents-1').length).toBe(6);
    expect(contentsColumns(16).filter((id) => id === 'contents-2').length).toBe(8);
  });

  function withSessions(count: number): ClientPlanDocument {
    const full = sampleClientPlan('es');
    const base = full.sessions![0]!;
    const sessions: ClientSession[] = Array.from({ length: count }, (_, i) => ({
      ...base,
      title: `Sesión ${i + 1} · Cuerpo completo`,
    }));
    return { ...full, sessions };
  }

  // The sample has 7 other sections (week, progression, nutrition, 2 day types, shopping, advice).
  it.each([
    [CONTENTS_ONE_COLUMN_MAX - 7, 'A4'],
    [CONTENTS_ONE_COLUMN_MAX - 7, 'LETTER'],
    [11, 'LETTER'],
  ] as const)(
    'keeps %i sessions and the other sections on the cover (%s, with logo)',
    async (count, pageSize) => {
      const doc = withSessions(count);
      const pdf = await renderClientPlanPdf(doc, { pageSize });
      const bodies = await readBodyLines(pdf, BODY_BAND);
      const cover = bodies[0]!.join('\n');
      for (let i = 1; i <= count; i += 1) expect(cover).toContain(`Sesión ${i} · Cuerpo completo`);
      expect(cover).toMatch(/Consejos \d+/);
      expect(bodies[1]![0]).toBe('Tu semana');
    },
  );
});
