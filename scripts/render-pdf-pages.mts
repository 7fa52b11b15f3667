/**
 * Renders client plans to PDF and rasterises their pages:
 *  - `npm run pdf:screenshots`: what a coach gets for a real plan — the client version built by
 *    `buildClientPlan` from the stored plans of test/unit/shared/client-plan/fixtures (the
 *    pipeline's own output for the rodillaLactosa profile) — every page of the Spanish A4 PDF →
 *    docs/screenshots/client-pdf/page-NN.png, plus the PDF itself, client-plan-es-a4.pdf;
 *  - `npm run pdf:reference`: the page the visual test compares → test/fixtures/client-pdf/reference-*.png,
 *    from the hand-written sample (test/fixtures/client-pdf), which stays put while the builder changes.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderClientPlanPdf } from '../src/main/client-pdf/render-client-plan-pdf';
import { buildClientPlan } from '../src/shared/client-plan';
import { sampleClientPlan } from '../test/fixtures/client-pdf/sample-client-plan';
import { VISUAL_REFERENCES } from '../test/unit/client-pdf/visual-references';
import { pageCount, rasterisePage } from '../test/unit/client-pdf/pdf-tools';
import { storedPlans } from '../test/unit/shared/client-plan/stored-plans';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv.includes('--reference')) {
  for (const ref of VISUAL_REFERENCES) {
    const pdf = await renderClientPlanPdf(sampleClientPlan(ref.language), { pageSize: ref.pageSize });
    const png = await rasterisePage(pdf, ref.page, ref.scale);
    await writeFile(`${root}${ref.file}`, png);
    console.log(`${ref.file} written.`);
  }
} else {
  const dir = `${root}docs/screenshots/client-pdf/`;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const logo = readFileSync(`${root}test/fixtures/client-pdf/coach-logo.png`).toString('base64');
  // The questionnaire of this profile leaves the training slot empty, so no meal is labelled
  // before or after training: the PDF shows what this client would really get.
  const document = buildClientPlan({
    ...storedPlans('rodillaLactosa', 'es'),
    client: { name: 'Ana Martín Ruiz' },
    coach: {
      name: 'Álvaro Ibáñez',
      contact: 'alvaro@ibanez-coaching.es · +34 600 123 456',
      logo: `data:image/png;base64,${logo}`,
    },
    language: 'es',
  });
  const pdf = await renderClientPlanPdf(document, { pageSize: 'A4' });
  await writeFile(`${dir}client-plan-es-a4.pdf`, pdf);
  const pages = await pageCount(pdf);
  for (let n = 1; n <= pages; n += 1) {
    await writeFile(`${dir}page-${String(n).padStart(2, '0')}.png`, await rasterisePage(pdf, n, 1.5));
  }
  console.log(`${pages} pages written to docs/screenshots/client-pdf/.`);
}
