import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ClientPlanDocument } from '@shared/client-plan/schema';
import {
  CLIENT_PDF_FONT_FAMILY,
  CLIENT_PDF_SYMBOL_FAMILY,
  clientPlanPdfDefinition,
  type ClientPlanPdfOptions,
} from '@shared/client-pdf/client-plan-pdf';
import { loadClientPdfFonts, type ClientPdfFontStyle } from './fonts';

export interface RenderClientPlanPdfOptions extends ClientPlanPdfOptions {
  /** A directory holding the files of CLIENT_PDF_FONT_FILES; found automatically when absent. */
  fontDir?: string;
}

/** Names under which the font bytes sit in pdfmake's in-memory file system (never a disk path). */
const VFS_PREFIX = 'edn360-client-pdf/';
const STYLES: readonly ClientPdfFontStyle[] = ['normal', 'bold', 'italics', 'bolditalics'];
let registeredFrom: string | undefined;

/** pdfmake's in-memory file system (present in its Node build, missing from @types/pdfmake). */
interface VirtualFs {
  writeFileSync(name: string, data: Buffer): void;
}
const virtualfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;

function registerFonts(fontDir: string | undefined): void {
  const key = fontDir ?? '';
  if (registeredFrom === key) return;
  const buffers = loadClientPdfFonts(fontDir);
  const family: Record<string, string> = {};
  for (const style of STYLES) {
    const name = `${VFS_PREFIX}${style}.ttf`;
    virtualfs.writeFileSync(name, buffers[style]);
    family[style] = name;
  }
  const symbols = `${VFS_PREFIX}symbols.ttf`;
  virtualfs.writeFileSync(symbols, buffers.symbols);
  pdfmake.setFonts({
    [CLIENT_PDF_FONT_FAMILY]: family,
    [CLIENT_PDF_SYMBOL_FAMILY]: { normal: symbols, bold: symbols, italics: symbols, bolditalics: symbols },
  });
  // The definition never names a URL or a file: refuse both, so a stray image path cannot read the disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registeredFrom = key;
}

/**
 * The client plan as a PDF, in Node (Electron main and the headless server alike; no Chromium).
 * The layout is the shared template's (src/shared/client-pdf); this only supplies the fonts.
 */
export async function renderClientPlanPdf(
  doc: ClientPlanDocument,
  options: RenderClientPlanPdfOptions,
): Promise<Buffer> {
  registerFonts(options.fontDir);
  const definition: TDocumentDefinitions = clientPlanPdfDefinition(doc, options);
  return pdfmake.createPdf(definition).getBuffer();
}
