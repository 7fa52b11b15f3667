/**
 * Reading a rendered PDF back for the tests and for scripts/render-pdf-pages.mts: its text and page
 * boxes (pdf.js, legacy Node build), its fonts, and page rasters (pdf.js drawing on @napi-rs/canvas,
 * a prebuilt Skia binding installed through pdfjs-dist's optional dependency — no Chromium).
 */
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

async function open(pdf: Uint8Array): Promise<{ doc: PDFDocumentProxy; close: () => Promise<void> }> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  return { doc: await task.promise, close: () => task.destroy() };
}

export interface PdfPageText {
  /** The page's text, runs joined by spaces and lines by newlines. */
  text: string;
  width: number;
  height: number;
}

export async function readPdf(pdf: Uint8Array): Promise<PdfPageText[]> {
  const { doc, close } = await open(pdf);
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        text += item.hasEOL ? '\n' : ' ';
      }
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ text: text.replace(/[ \t]+/g, ' '), width: x1 - x0, height: y1 - y0 });
    }
    return pages;
  } finally {
    await close();
  }
}

/**
 * The lines of text in each page's body (between `top` and `bottom`, in pt from the page's top
 * edge, so the running header and footer are left out): runs on the same baseline, left to right.
 */
export async function readBodyLines(
  pdf: Uint8Array,
  band: { top: number; bottom: number },
): Promise<string[][]> {
  const { doc, close } = await open(pdf);
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const [, , , y1] = page.view as [number, number, number, number];
      const lines = new Map<number, { x: number; str: string }[]>();
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , , x, y] = item.transform as number[];
        const fromTop = y1 - (y ?? 0);
        if (fromTop < band.top || fromTop > y1 - band.bottom) continue;
        const key = Math.round(fromTop);
        const line = lines.get(key) ?? [];
        line.push({ x: x ?? 0, str: item.str });
        lines.set(key, line);
      }
      pages.push(
        [...lines.entries()]
          .sort(([a], [b]) => a - b)
          .map(([, runs]) =>
            runs
              .sort((a, b) => a.x - b.x)
              .map((run) => run.str)
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
          ),
      );
    }
    return pages;
  } finally {
    await close();
  }
}

/** The document information dictionary (Title, Author, CreationDate …) as pdf.js reads it. */
export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, unknown>> {
  const { doc, close } = await open(pdf);
  try {
    return (await doc.getMetadata()).info as Record<string, unknown>;
  } finally {
    await close();
  }
}

/** The fonts of the PDF, read from the raw file: each font descriptor's name and whether it carries a font file. */
export function pdfFontDescriptors(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const out: { name: string; embedded: boolean }[] = [];
  for (const match of raw.matchAll(/<<[^>]*\/Type \/FontDescriptor[\s\S]*?>>/g)) {
    const dict = match[0];
    out.push({
      name: /\/FontName \/([^\s/]+)/.exec(dict)?.[1] ?? '?',
      embedded: /\/FontFile[23]? \d+ 0 R/.test(dict),
    });
  }
  return out;
}

/** One page as a PNG, at `scale` × 72 dpi. */
export async function rasterisePage(pdf: Uint8Array, pageNumber: number, scale = 1.5): Promise<Buffer> {
  const { doc, close } = await open(pdf);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js types the canvas as a DOM canvas; @napi-rs/canvas implements the part it draws with.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await close();
  }
}

export async function pageCount(pdf: Uint8Array): Promise<number> {
  const { doc, close } = await open(pdf);
  try {
    return doc.numPages;
  } finally {
    await close();
  }
}

/** Share of pixels that differ between two PNGs of the same size (pixelmatch's anti-aliasing-aware count). */
export function differingPixelShare(a: Buffer, b: Buffer): { share: number; diff: Buffer } {
  const left = PNG.sync.read(a);
  const right = PNG.sync.read(b);
  if (left.width !== right.width || left.height !== right.height) {
    throw new Error(`Image sizes differ: ${left.width}×${left.height} vs ${right.width}×${right.height}`);
  }
  const diff = new PNG({ width: left.width, height: left.height });
  const count = pixelmatch(left.data, right.data, diff.data, left.width, left.height, { threshold: 0.1 });
  return { share: count / (left.width * left.height), diff: PNG.sync.write(diff) };
}
