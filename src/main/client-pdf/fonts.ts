import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CLIENT_PDF_FONT_FILES, CLIENT_PDF_SYMBOL_FONT_FILE } from '@shared/client-pdf/client-plan-pdf';

export type ClientPdfFontStyle = keyof typeof CLIENT_PDF_FONT_FILES;
/** The text font's four styles, and the symbol fallback (one file for every style). */
export type ClientPdfFontBuffers = Record<ClientPdfFontStyle, Buffer> & { symbols: Buffer };

/** Packaged Electron apps expose their resources directory on `process` (no electron import needed). */
function packagedResourcesDir(): string | undefined {
  const dir = (process as NodeJS.Process & { resourcesPath?: unknown }).resourcesPath;
  return typeof dir === 'string' && dir.length > 0 ? dir : undefined;
}

function walkUp(start: string, maxLevels = 8): string[] {
  const out: string[] = [];
  let dir = resolve(start);
  for (let i = 0; i <= maxLevels; i += 1) {
    out.push(join(dir, 'resources', 'fonts'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/**
 * Where the fonts may live, most specific first: the packaged app's resources (`fonts/`), then
 * `resources/fonts` in any ancestor of this module (a checkout, or `out/main/` in a build), then in
 * any ancestor of the working directory (the headless server started from the repo).
 */
export function fontDirCandidates(): string[] {
  const candidates: string[] = [];
  const packaged = packagedResourcesDir();
  if (packaged) candidates.push(join(packaged, 'fonts'));
  if (typeof __dirname === 'string') candidates.push(...walkUp(__dirname));
  candidates.push(...walkUp(process.cwd()));
  return [...new Set(candidates)];
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
