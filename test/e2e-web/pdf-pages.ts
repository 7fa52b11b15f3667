import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  text: string;
  width: number;
  height: number;
}

/** Each page's text and size, read with pdf.js (legacy build, for Node). */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ text: text.replace(/\s+/g, ' '), width: x1 - x0, height: y1 - y0 });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
