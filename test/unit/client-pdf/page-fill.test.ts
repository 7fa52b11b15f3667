/**
 * The client versions of the stored-plan fixtures, in Spanish on A4 and in English on Letter, lay
 * out without near-empty pages: the contents list stays on the cover and the disclaimer never sits
 * alone on the last page. They also print one number format and never "Ritmo: Ritmo".
 */
import { describe, expect, it } from 'vitest';
import { renderClientPlanPdf } from '../../../src/main/client-pdf/render-client-plan-pdf';
import type { ClientPdfPageSize } from '../../../src/shared/client-pdf/client-plan-pdf';
import { clientPdfLabels } from '../../../src/shared/client-pdf/labels';
import { MARGIN_BOTTOM, MARGIN_TOP } from '../../../src/shared/client-pdf/styles';
import { buildClientPlan } from '../../../src/shared/client-plan/build-client-plan';
import { formatNumber } from '../../../src/shared/client-plan/format';
import type { ClientPlanLanguage } from '../../../src/shared/client-plan/schema';
import { FIXTURE_PROFILES, storedPlans } from '../shared/client-plan/stored-plans';
import { readBodyLines, readPdf } from './pdf-tools';

/** The body of a page, without the running header (at 32 pt) and footer (24 pt under the body). */
const BODY_BAND = { top: MARGIN_TOP - 12, bottom: MARGIN_BOTTOM - 12 };
/** A page with fewer body lines than this is a layout fault (a spilled list, an orphaned block). */
const MIN_LINES = 3;

const cases = FIXTURE_PROFILES.flatMap(([profile, planLanguage]) =>
  (
    [
      ['es', 'A4'],
      ['en', 'LETTER'],
    ] as const
  ).map(([language, pageSize]) => [profile, planLanguage, language, pageSize] as const),
);

describe.each(cases)(
  'client plan PDF of %s (plans in %s) in %s on %s',
  (profile, planLanguage, language, pageSize) => {
    const lang: ClientPlanLanguage = language;
    const size: ClientPdfPageSize = pageSize;

    it(`has no page with fewer than ${MIN_LINES} lines, the whole contents list on the cover, one number format and no doubled tempo label`, async () => {
      const doc = buildClientPlan({
        ...storedPlans(profile, planLanguage),
        client: { name: 'Ana Martín Ruiz' },
        coach: { name: 'Álvaro Ibáñez', contact: 'alvaro@example.com' },
        language: lang,
      });
      const pdf = await renderClientPlanPdf(doc, { pageSize: size });
      const bodies = await readBodyLines(pdf, BODY_BAND);
      const sparse = bodies
        .map((lines, i) => ({ page: i + 1, lines }))
        .filter(({ lines }) => lines.length < MIN_LINES);
      expect(sparse).toEqual([]);

      // Page 2 opens the first section; no contents entry spilled onto it.
      const labels = clientPdfLabels(lang);
      expect(bodies[0]).toContain(labels.contents.toUpperCase());
      expect(bodies[1]![0]).toBe(labels.yourWeek);
      const text = (await readPdf(pdf)).map((page) => page.text).join('\n');
      expect(text).not.toMatch(new RegExp(`${labels.tempo}:?\\s*${labels.tempo}`, 'i'));
      for (const dayType of doc.nutrition?.dayTypes ?? []) {
        if (!dayType.targets || dayType.targets.kcal < 1000) continue;
        const kcal = Math.round(dayType.targets.kcal);
        expect(text).toContain(formatNumber(kcal, lang));
        expect(text).not.toMatch(new RegExp(`(^|[^\\d.,])${kcal}(?![\\d.,]\\d)`));
      }
    });
  },
);
