import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderClientPlanPdf } from '../../../src/main/client-pdf/render-client-plan-pdf';
import {
  CLIENT_PDF_FONT_FILES,
  CLIENT_PDF_SYMBOL_FONT_FILE,
  clientPlanPdfDefinition,
  isSymbolCodePoint,
} from '../../../src/shared/client-pdf/client-plan-pdf';
import { clientPdfLabels } from '../../../src/shared/client-pdf/labels';
import { balanceColumns } from '../../../src/shared/client-pdf/shopping-list';
import { splitSymbols } from '../../../src/shared/client-pdf/symbols';
import { ClientPlanDocumentSchema, type ClientPlanDocument } from '../../../src/shared/client-plan/schema';
import { collectStrings, findInternalMarkers } from '../../../src/shared/client-plan/internal-markers';
import { sampleClientPlan } from '../../fixtures/client-pdf/sample-client-plan';
import {
  differingPixelShare,
  pdfFontDescriptors,
  pdfInfo,
  rasterisePage,
  readPdf,
  type PdfPageText,
} from './pdf-tools';
import { VISUAL_REFERENCES } from './visual-references';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Whitespace dropped: the PDF wraps long strings over several lines. */
const squash = (text: string): string => text.replace(/\s+/g, '');
/** Squashed and lower-cased: some headings (shopping groups, the cover's coach line) are set in capitals. */
const fold = (text: string): string => squash(text).toLocaleLowerCase('es');

interface Rendered {
  doc: ClientPlanDocument;
  pdf: Buffer;
  pages: PdfPageText[];
  text: string;
}

async function render(doc: ClientPlanDocument, pageSize: 'A4' | 'LETTER'): Promise<Rendered> {
  const pdf = await renderClientPlanPdf(doc, { pageSize });
  const pages = await readPdf(pdf);
  return { doc, pdf, pages, text: pages.map((page) => page.text).join('\n') };
}

let es: Rendered;
let en: Rendered;
let esLetter: Rendered;

beforeAll(async () => {
  es = await render(sampleClientPlan('es'), 'A4');
  en = await render(sampleClientPlan('en'), 'A4');
  esLetter = await render(sampleClientPlan('es'), 'LETTER');
});

describe('the sample documents', () => {
  it('parse with the client plan schema in both languages', () => {
    expect(ClientPlanDocumentSchema.safeParse(sampleClientPlan('es')).success).toBe(true);
    expect(ClientPlanDocumentSchema.safeParse(sampleClientPlan('en')).success).toBe(true);
  });
});

describe('client plan PDF, Spanish', () => {
  it('is a PDF with a cover, the week, a page per session, nutrition pages and the shopping list', () => {
    expect(es.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pageWith = (needle: string) => es.pages.findIndex((page) => page.text.includes(needle)) + 1;
    expect(pageWith('Plan preparado para'.toUpperCase())).toBe(1);
    expect(pageWith('Tu semana')).toBe(1); // listed in the contents on the cover…
    expect(
      es.pages.filter((page) => page.text.includes('Sesión A · Pierna y glúteo')).length,
    ).toBeGreaterThanOrEqual(3);
    const sessionPages = [
      'Sesión A · Pierna y glúteo',
      'Sesión B · Torso y core',
      'Sesión C · Cuerpo completo',
    ].map(
      (title) =>
        es.pages.findIndex(
          (page, i) => i > 1 && page.text.includes(title) && page.text.includes('Calentamiento'),
        ) + 1,
    );
    expect(new Set(sessionPages).size).toBe(3);
    expect(sessionPages.every((n) => n > 2)).toBe(true);
    const shopping = es.pages.findIndex((page, i) => i > 0 && page.text.includes('Lista de la compra')) + 1;
    expect(shopping).toBeGreaterThan(Math.max(...sessionPages));
  });

  it("shows the client's name, the weekday names, meal times and shopping lines", () => {
    expect(es.text).toContain('María José Núñez');
    for (const day of ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'])
      expect(es.text).toContain(day);
    for (const time of ['08:00', '14:00', '17:30', '21:00']) expect(es.text).toContain(time);
    const shoppingPage = es.pages.find((page) => page.text.includes('Cantidades para una semana'))!;
    for (const group of es.doc.nutrition!.shoppingList) {
      expect(shoppingPage.text).toContain(group.group.toUpperCase());
      for (const item of group.items) {
        expect(squash(shoppingPage.text)).toContain(squash(item.name));
        expect(squash(shoppingPage.text)).toContain(squash(item.quantity));
      }
    }
  });

  it('keeps accents, Spanish punctuation and symbols intact', () => {
    for (const word of [
      'Miércoles',
      'Sábado',
      'plátano',
      'Plátano',
      'Núñez',
      'Ibáñez',
      '¿Por qué',
      'Semanas 1–6',
      '8–10',
      'RIR 2',
      '↔',
      '≈',
    ]) {
      expect(es.text).toContain(word);
    }
    expect(es.text).toContain('Copos de avena ↔ pan integral');
  });

  it('prints every string of the document', () => {
    const text = fold(es.text);
    const missing = collectStrings(es.doc).filter((value) => !text.includes(fold(value)));
    expect(missing).toEqual([]);
  });

  it('numbers every page "Página n de N" and puts the coach and the client in the header', () => {
    const total = es.pages.length;
    expect(total).toBeGreaterThanOrEqual(8);
    es.pages.forEach((page, i) => {
      expect(page.text).toContain(`Página ${i + 1} de ${total}`);
      if (i > 0) {
        expect(page.text).toContain('Álvaro Ibáñez');
        expect(page.text).toContain('María José Núñez');
      }
    });
  });

  it('contains no internal markers', () => {
    expect(findInternalMarkers(es.text)).toEqual([]);
    expect(es.text).not.toMatch(/\b[A-Z]{3}-\d{2}\b/);
    expect(es.text).not.toMatch(/BLOQUEANTE|No supera/i);
    expect(es.text).not.toMatch(/\b[a-z0-9]+(?:_[a-z0-9]+)+\b/i);
  });
});

describe('client plan PDF, English', () => {
  it('uses the English labels and keeps typographic quotes', () => {
    expect(en.text).toContain('María José Núñez');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
      expect(en.text).toContain(day);
    for (const label of [
      'Plan prepared for'.toUpperCase(),
      'Your week',
      'Shopping list',
      'Warm-up',
      'Health and safety',
    ]) {
      expect(en.text).toContain(label);
    }
    expect(en.text).toContain('Farmer’s walk');
    expect(en.text).not.toMatch(/Página|Calentamiento|Lista de la compra/);
    en.pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${en.pages.length}`));
  });

  it('prints every string of the document and no internal marker', () => {
    const text = fold(en.text);
    expect(collectStrings(en.doc).filter((value) => !text.includes(fold(value)))).toEqual([]);
    expect(findInternalMarkers(en.text)).toEqual([]);
  });
});

describe('page sizes, fonts and determinism', () => {
  it('sets A4 and Letter page boxes', () => {
    for (const page of es.pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
    for (const page of esLetter.pages) {
      expect(page.width).toBeCloseTo(612, 1);
      expect(page.height).toBeCloseTo(792, 1);
    }
    expect(esLetter.pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    expect(es.pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(squash(esLetter.text)).toContain(squash('Pechuga de pollo'));
  });

  it('embeds its fonts (Roboto and the DejaVu symbol fallback) and uses no standard font', () => {
    const fonts = pdfFontDescriptors(es.pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fonts.some((font) => /^[A-Z]{6}\+Roboto-Regular$/.test(font.name))).toBe(true);
    expect(fonts.some((font) => /^[A-Z]{6}\+Roboto-Medium$/.test(font.name))).toBe(true);
    expect(fonts.some((font) => /^[A-Z]{6}\+DejaVuSans$/.test(font.name))).toBe(true);
    expect(es.pdf.toString('latin1')).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('renders the same document to the same bytes, with a fixed creation date unless one is given', async () => {
    const again = await renderClientPlanPdf(sampleClientPlan('es'), { pageSize: 'A4' });
    expect(Buffer.compare(again, es.pdf)).toBe(0);
    expect((await pdfInfo(es.pdf)).CreationDate).toBe('D:20000101000000Z');
    const dated = await renderClientPlanPdf(sampleClientPlan('es'), {
      pageSize: 'A4',
      creationDate: new Date(Date.UTC(2025, 2, 3)),
    });
    expect((await pdfInfo(dated)).CreationDate).toBe('D:20250303000000Z');
    expect(Buffer.compare(dated, es.pdf)).not.toBe(0);
  });

  it('sets every character of the documents and labels in a font that has its glyph', () => {
    type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
    const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): Font };
    const textFonts = Object.values(CLIENT_PDF_FONT_FILES).map((file) =>
      fontkit.openSync(`${root}resources/fonts/${file}`),
    );
    const symbolFont = fontkit.openSync(`${root}resources/fonts/${CLIENT_PDF_SYMBOL_FONT_FILE}`);
    const labelStrings = (['es', 'en'] as const).flatMap((language) =>
      Object.values(clientPdfLabels(language)).map((value) =>
        typeof value === 'function' ? value(1, 2) : value,
      ),
    );
    // Everything a Spanish or English plan can reasonably hold: Latin-1, the general punctuation block,
    // and the symbols the view model uses, plus the sample documents and the template's own words.
    const strings = [...collectStrings(es.doc), ...collectStrings(en.doc), ...labelStrings];
    const codePoints = new Set<number>();
    for (let cp = 0x20; cp <= 0x7e; cp += 1) codePoints.add(cp);
    for (let cp = 0xa1; cp <= 0xff; cp += 1) codePoints.add(cp);
    for (const char of '‐–—‘’‚“”„•…‰€™←→↔⇄✓✔☐★≈≤≥±×÷½¼¾') codePoints.add(char.codePointAt(0)!);
    for (const value of strings) for (const char of value) codePoints.add(char.codePointAt(0)!);
    const unset = [...codePoints].filter((cp) =>
      isSymbolCodePoint(cp)
        ? !symbolFont.hasGlyphForCodePoint(cp)
        : !textFonts.every((font) => font.hasGlyphForCodePoint(cp)),
    );
    expect(unset.map((cp) => String.fromCodePoint(cp))).toEqual([]);
  });
});

describe('visual reference', () => {
  for (const ref of VISUAL_REFERENCES) {
    it(`page ${ref.page} (${ref.language}, ${ref.pageSize}) matches ${ref.file} within 1 % of pixels`, async () => {
      const source = ref.language === 'es' ? (ref.pageSize === 'A4' ? es : esLetter) : en;
      const reference = readFileSync(`${root}${ref.file}`);
      const rendered = await rasterisePage(source.pdf, ref.page, ref.scale);
      expect(differingPixelShare(rendered, reference).share).toBeLessThanOrEqual(0.01);
      // The comparison can fail: the next page, at the same size, differs by far more.
      const other = await rasterisePage(source.pdf, ref.page + 1, ref.scale);
      expect(differingPixelShare(other, reference).share).toBeGreaterThan(0.02);
    });
  }
});

describe('sections the document leaves out', () => {
  it('renders a plan without training, mesocycle or nutrition, with no empty section and no heading for them', async () => {
    const full = sampleClientPlan('es');
    const doc = ClientPlanDocumentSchema.parse({
      ...full,
      sessions: undefined,
      mesocycle: undefined,
      nutrition: undefined,
      calendar: full.calendar.map(({ dayIndex, dayName }) => ({ dayIndex, dayName })),
      advice: { ...full.advice, trainingIntro: undefined },
    });
    const { text, pages } = await render(doc, 'A4');
    expect(pages.length).toBe(3);
    expect(text).toContain('Tu semana');
    expect(text).toContain('Salud y seguridad');
    for (const absent of [
      'Lista de la compra',
      'Calentamiento',
      'Tus sesiones',
      'Tus tipos de día',
      'Tu progresión',
      'Objetivo diario',
    ]) {
      expect(text).not.toContain(absent);
    }
  });

  it('leaves out a logo pdfkit cannot embed instead of failing', async () => {
    const full = sampleClientPlan('en');
    const doc = {
      ...full,
      meta: { ...full.meta, coach: { ...full.meta.coach!, logo: 'data:image/svg+xml;base64,PHN2Zy8+' } },
    };
    const definition = JSON.stringify(clientPlanPdfDefinition(doc, { pageSize: 'A4' }).content);
    expect(definition).not.toContain('data:image/svg+xml');
    const pdf = await renderClientPlanPdf(doc, { pageSize: 'A4' });
    expect((await readPdf(pdf))[0]!.text).toContain('María José Núñez');
  });
});

describe('template helpers', () => {
  it('sets arrows in the symbol font and leaves plain text alone', () => {
    expect(splitSymbols('Pollo y pavo')).toBe('Pollo y pavo');
    expect(splitSymbols('Pollo ↔ pavo')).toEqual(['Pollo ', { text: '↔', font: 'DejaVuSans' }, ' pavo']);
  });

  it('balances the shopping groups over two columns, in order', () => {
    const group = (n: number) => ({ items: Array.from({ length: n }, (_, i) => i) });
    const [left, right] = balanceColumns([group(6), group(2), group(2), group(4)]);
    expect(left.map((g) => g.items.length)).toEqual([6, 2]);
    expect(right.map((g) => g.items.length)).toEqual([2, 4]);
    const [one, none] = balanceColumns([group(3)]);
    expect(one.length).toBe(1);
    expect(none.length).toBe(0);
  });
});
