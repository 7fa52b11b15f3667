/**
 * Renders the sample client plan (test/fixtures/client-pdf) to PDF and rasterises its pages:
 *  - `npm run pdf:screenshots`: every page of the Spanish A4 PDF → docs/screenshots/client-pdf/page-NN.png
 *    (plus the PDF itself, client-plan-es-a4.pdf);
 *  - `npm run pdf:reference`: the page the visual test compares → test/fixtures/client-pdf/reference-*.png.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderClientPlanPdf } from '../src/main/client-pdf/render-client-plan-pdf';
import { sampleClientPlan } from '../test/fixtures/client-pdf/sample-client-plan';
import { VISUAL_REFERENCES } from '../test/unit/client-pdf/visual-references';
import { pageCount, rasterisePage } from '../test/unit/client-pdf/pdf-tools';

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
  const pdf = await renderClientPlanPdf(sampleClientPlan('es'), { pageSize: 'A4' });
  await writeFile(`${dir}client-plan-es-a4.pdf`, pdf);
  const pages = await pageCount(pdf);
  for (let n = 1; n <= pages; n += 1) {
    await writeFile(`${dir}page-${String(n).padStart(2, '0')}.png`, await rasterisePage(pdf, n, 1.5));
  }
  console.log(`${pages} pages written to docs/screenshots/client-pdf/.`);
}
