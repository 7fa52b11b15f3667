import type { PdfContent, PdfStyle, PdfTableLayout, PdfText } from './pdf-types';

/** The font family name the definition uses; the renderers register the files of CLIENT_PDF_FONT_FILES under it. */
export const CLIENT_PDF_FONT_FAMILY = 'Roboto';

/** Files in resources/fonts (Node) or served as assets (browser), by pdfmake style. */
export const CLIENT_PDF_FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** The fallback for arrows and symbols (see symbols.ts), one file for every style. */
export const CLIENT_PDF_SYMBOL_FONT_FILE = 'DejaVuSans.ttf';

export const COLORS = {
  primary: '#1F3A5F',
  primarySoft: '#E8EEF6',
  accent: '#2A8C82',
  accentSoft: '#E6F3F1',
  text: '#1F2933',
  muted: '#5F6B7A',
  rule: '#D5DBE3',
  zebra: '#F6F8FA',
  white: '#FFFFFF',
  warnSoft: '#FFF6E5',
  warn: '#B7791F',
} as const;

export type ClientPdfPageSize = 'A4' | 'LETTER';

/** Page sizes in pt (pdfkit's values). */
export const PAGE_SIZES: Record<ClientPdfPageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};

export const MARGIN_X = 54;
export const MARGIN_TOP = 78;
export const MARGIN_BOTTOM = 64;

export function contentWidth(pageSize: ClientPdfPageSize): number {
  return PAGE_SIZES[pageSize].width - 2 * MARGIN_X;
}

export const STYLES: Record<string, PdfStyle> = {
  h1: { fontSize: 20, bold: true, color: COLORS.primary, margin: [0, 0, 0, 4] },
  h2: { fontSize: 13, bold: true, color: COLORS.primary, margin: [0, 16, 0, 6] },
  h3: { fontSize: 11, bold: true, color: COLORS.text, margin: [0, 10, 0, 4] },
  lead: { fontSize: 10.5, color: COLORS.muted, margin: [0, 0, 0, 10], lineHeight: 1.25 },
  body: { fontSize: 10, lineHeight: 1.3, margin: [0, 0, 0, 6] },
  small: { fontSize: 8.5, color: COLORS.muted, lineHeight: 1.2 },
  label: { fontSize: 7.5, bold: true, color: COLORS.muted, characterSpacing: 0.6 },
  th: { fontSize: 8.5, bold: true, color: COLORS.white, fillColor: COLORS.primary },
  td: { fontSize: 9.5 },
};

/** Thin horizontal rules only, light zebra rows, roomy padding. */
export const TABLE_LAYOUT: PdfTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => COLORS.rule,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

export const PLAIN_LAYOUT: PdfTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** A section title that opens a new page and appears in the contents list. */
export function sectionTitle(text: string, options: { newPage?: boolean } = {}): PdfText {
  return {
    text,
    style: 'h1',
    tocItem: true,
    ...(options.newPage === false ? {} : { pageBreak: 'before' as const }),
  };
}

export function heading(text: string): PdfText {
  return { text, style: 'h2' };
}

export function paragraph(text: string): PdfText {
  return { text, style: 'body' };
}

export function bullets(items: readonly string[]): PdfContent {
  return {
    ul: items.map((item) => ({ text: item, style: 'body', margin: [0, 0, 0, 3] })),
    markerColor: COLORS.accent,
    margin: [0, 0, 0, 6],
  };
}

export function headerCell(text: string, alignment: 'left' | 'right' | 'center' = 'left'): PdfText {
  return { text, style: 'th', alignment };
}
