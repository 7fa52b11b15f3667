/**
 * The client versions built from the stored-plan fixtures of test/unit/shared/client-plan render to
 * PDF: in their language, with every page numbered, no internal marker, and every character in a font
 * that has it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderClientPlanPdf } from '../../../src/main/client-pdf/render-client-plan-pdf';
import {
  CLIENT_PDF_FONT_FILES,
  CLIENT_PDF_SYMBOL_FONT_FILE,
  isSymbolCodePoint,
} from '../../../src/shared/client-pdf/client-plan-pdf';
import { buildClientPlan } from '../../../src/shared/client-plan/build-client-plan';
import { collectStrings, findInternalMarkers } from '../../../src/shared/client-plan/internal-markers';
import { FIXTURE_PROFILES, storedPlans } from '../shared/client-plan/stored-plans';
import { readPdf } from './pdf-tools';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): Font };
const textFonts = Object.values(CLIENT_PDF_FONT_FILES).map((file) =>
  fontkit.openSync(`${root}resources/fonts/${file}`),
);
const symbolFont = fontkit.openSync(`${root}resources/fonts/${CLIENT_PDF_SYMBOL_FONT_FILE}`);

describe.each(FIXTURE_PROFILES)('client plan PDF of %s (%s)', (profile, language) => {
  it('renders with numbered pages, no internal marker and no missing glyph', async () => {
    const doc = buildClientPlan({
      ...storedPlans(profile, language),
      client: { name: 'Lucía Peña' },
      coach: { name: 'Álvaro Ibáñez' },
      language,
    });
    const pages = await readPdf(await renderClientPlanPdf(doc, { pageSize: 'A4' }));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const page = language === 'es' ? 'Página' : 'Page';
    const of = language === 'es' ? 'de' : 'of';
    pages.forEach((p, i) => expect(p.text).toContain(`${page} ${i + 1} ${of} ${pages.length}`));
    const text = pages.map((p) => p.text).join('\n');
    expect(text).toContain('Lucía Peña');
    expect(findInternalMarkers(text)).toEqual([]);
    const unset = [...new Set([...collectStrings(doc).join('')])].filter((char) => {
      const cp = char.codePointAt(0) ?? 0;
      return isSymbolCodePoint(cp)
        ? !symbolFont.hasGlyphForCodePoint(cp)
        : !textFonts.every((font) => font.hasGlyphForCodePoint(cp));
    });
    expect(unset).toEqual([]);
  });
});

describe.each(FIXTURE_PROFILES)('the week of %s (%s) as the client reads it', (profile, language) => {
  it('the calendar page names each weekday with its own session and menu, in weekday order', async () => {
    const doc = buildClientPlan({
      ...storedPlans(profile, language),
      client: { name: 'Lucía Peña' },
      language,
    });
    const pages = await readPdf(await renderClientPlanPdf(doc, { pageSize: 'A4' }));
    const days = doc.calendar.map((day) => day.dayName);
    const calendar = pages.find((page) => days.every((day) => page.text.includes(day)));
    expect(calendar, 'a page with the seven weekdays').toBeDefined();
    // Flattened, the grid reads: the weekday headers, then each day's cell in the same order.
    const flat = calendar!.text.replace(/\s+/g, ' ');
    let from = flat.indexOf(days[6]!) + days[6]!.length;
    for (const day of doc.calendar) {
      for (const label of [day.trainingLabel, day.dayTypeLabel]) {
        if (!label) continue;
        const words = label.replace(/\s+/g, ' ');
        const at = flat.indexOf(words, from);
        expect(at, `${day.dayName}: ${label}`).toBeGreaterThanOrEqual(from);
        from = at + words.length;
      }
    }
  });
});
