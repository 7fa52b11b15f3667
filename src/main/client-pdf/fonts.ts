import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_PDF_FONT_FILES, CLIENT_PDF_SYMBOL_FONT_FILE } from '@shared/client-pdf/client-plan-pdf';
import { resourceCandidates } from '../util/resource-paths';

export type ClientPdfFontStyle = keyof typeof CLIENT_PDF_FONT_FILES;
/** The text font's four styles, and the symbol fallback (one file for every style). */
export type ClientPdfFontBuffers = Record<ClientPdfFontStyle, Buffer> & { symbols: Buffer };

/** Where the fonts may live (resources/fonts in a checkout or a build, fonts/ in an installer). */
export function fontDirCandidates(): string[] {
  return resourceCandidates('fonts');
}

export class ClientPdfFontsNotFoundError extends Error {
  constructor(readonly tried: readonly string[]) {
    super(
      `No se encuentran las fuentes del PDF (${CLIENT_PDF_FONT_FILES.normal}). Rutas probadas: ${tried.join(', ')}`,
    );
    this.name = 'ClientPdfFontsNotFoundError';
  }
}

export function resolveFontDir(explicit?: string): string {
  const candidates = explicit ? [explicit] : fontDirCandidates();
  const found = candidates.find((dir) => existsSync(join(dir, CLIENT_PDF_FONT_FILES.normal)));
  if (!found) throw new ClientPdfFontsNotFoundError(candidates);
  return found;
}

const cache = new Map<string, ClientPdfFontBuffers>();

/** The four font files, read once per directory. */
export function loadClientPdfFonts(fontDir?: string): ClientPdfFontBuffers {
  const dir = resolveFontDir(fontDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  const fonts = {
    normal: readFileSync(join(dir, CLIENT_PDF_FONT_FILES.normal)),
    bold: readFileSync(join(dir, CLIENT_PDF_FONT_FILES.bold)),
    italics: readFileSync(join(dir, CLIENT_PDF_FONT_FILES.italics)),
    bolditalics: readFileSync(join(dir, CLIENT_PDF_FONT_FILES.bolditalics)),
    symbols: readFileSync(join(dir, CLIENT_PDF_SYMBOL_FONT_FILE)),
  };
  cache.set(dir, fonts);
  return fonts;
}
