/*
 * The client plan PDF template: one pure function from a ClientPlanDocument to a pdfmake document
 * definition. It is rendered in Node only, by src/main/client-pdf, for every door: the Electron
 * main process (IPC export) and the headless server (`GET /admin/jobs/{id}/client.pdf` and the
 * per-plan routes). The browser build does not render: it downloads the server's PDF over HTTP.
 *
 * Library: pdfmake 0.3 (MIT; pdfkit underneath). Chosen over @react-pdf/renderer because
 *  - the definition is plain data, so this template imports nothing and bundles anywhere (no Node
 *    API, no React reconciler, no yoga/wasm layout);
 *  - it is pure JavaScript in Node (no Chromium, no native module, nothing for npm to build);
 *  - tables with repeated header rows, headers/footers with "page X of Y", a table of contents
 *    and A4/Letter are built in;
 *  - it embeds subset TrueType fonts (resources/fonts, Roboto) with their ToUnicode maps, so the
 *    text extracts intact, accents included (á é í ó ú ñ ü ¿ ¡ – “ ”).
 * Output is deterministic: the metadata date is fixed unless the caller passes one, and pdfkit
 * derives the file ID from the metadata, so the same document renders to the same bytes.
 *
 * Everything printed comes from the document (already worded for the client) or from labels.ts;
 * nothing internal (codes, rule ids, audit verdicts) is added here.
 */
import type { ClientPlanDocument } from '../client-plan/schema';
import { advicePages } from './advice';
import { calendarPages } from './calendar';
import { contentsColumns, cover, coverBackground, planCoach } from './cover';
import { clientPdfLabels } from './labels';
import { nutritionPages } from './nutrition';
import type { PdfContent, PdfDocumentDefinition, PdfText } from './pdf-types';
import { sessionPages } from './sessions';
import { shoppingListPage } from './shopping-list';
import { withSymbolFont } from './symbols';
import {
  CLIENT_PDF_FONT_FAMILY,
  COLORS,
  MARGIN_BOTTOM,
  MARGIN_TOP,
  MARGIN_X,
  STYLES,
  contentWidth,
  type ClientPdfPageSize,
} from './styles';

export {
  CLIENT_PDF_FONT_FAMILY,
  CLIENT_PDF_FONT_FILES,
  CLIENT_PDF_SYMBOL_FONT_FILE,
  PAGE_SIZES,
  type ClientPdfPageSize,
} from './styles';
export type { PdfDocumentDefinition } from './pdf-types';
export { CLIENT_PDF_SYMBOL_FAMILY, isSymbolCodePoint } from './symbols';

export interface ClientPlanPdfOptions {
  pageSize: ClientPdfPageSize;
  /** The PDF metadata's creation date; fixed by default so a document always renders to the same bytes. */
  creationDate?: Date;
}

/** The metadata date when none is given (the date the client reads is `meta.createdDate`, printed on the cover). */
export const CLIENT_PDF_FIXED_CREATION_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

function isContentsEntry(node: PdfContent): node is PdfText {
  return typeof node === 'object' && !Array.isArray(node) && 'text' in node && node.tocItem === true;
}

/** Points every section title at the cover's contents list (column) it belongs to. */
function withContentsColumns(sections: PdfContent[]): { sections: PdfContent[]; entries: number } {
  const entries = sections.filter(isContentsEntry).length;
  const columns = contentsColumns(entries);
  let i = 0;
  return {
    sections: sections.map((node) => (isContentsEntry(node) ? { ...node, tocItem: columns[i++] } : node)),
    entries,
  };
}

export function clientPlanPdfDefinition(
  doc: ClientPlanDocument,
  options: ClientPlanPdfOptions,
): PdfDocumentDefinition {
  const labels = clientPdfLabels(doc.meta.language);
  const { meta } = doc;
  const coach = planCoach(meta);
  const width = contentWidth(options.pageSize);

  const { sections, entries } = withContentsColumns([
    ...calendarPages(doc, labels, width),
    ...(doc.sessions?.length ? sessionPages(doc.sessions, labels) : []),
    ...(doc.nutrition ? nutritionPages(doc.nutrition, labels, meta.language, width) : []),
    ...(doc.nutrition ? shoppingListPage(doc.nutrition.shoppingList, labels) : []),
    ...advicePages(doc.advice, doc.safety, labels),
  ]);
  const content: PdfContent[] = [...cover(doc, labels, entries), ...sections];

  const definition: PdfDocumentDefinition = {
    pageSize: options.pageSize,
    pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM],
    info: {
      title: meta.title,
      subject: meta.clientName,
      ...(coach ? { author: coach.name, creator: coach.name, producer: coach.name } : {}),
      creationDate: options.creationDate ?? CLIENT_PDF_FIXED_CREATION_DATE,
    },
    language: meta.language,
    content,
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            stack: [
              {
                columns: coach
                  ? [
                      { text: coach.name, bold: true, color: COLORS.primary },
                      { text: meta.clientName, alignment: 'right', color: COLORS.muted },
                    ]
                  : [{ text: meta.clientName, bold: true, color: COLORS.primary }],
                fontSize: 8.5,
              },
              {
                canvas: [
                  { type: 'line', x1: 0, y1: 5, x2: width, y2: 5, lineWidth: 0.6, lineColor: COLORS.rule },
                ],
              },
            ],
            margin: [MARGIN_X, 32, MARGIN_X, 0],
          },
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: currentPage === 1 ? '' : meta.title, color: COLORS.muted },
        { text: labels.page(currentPage, pageCount), alignment: 'right', color: COLORS.muted },
      ],
      fontSize: 8,
      margin: [MARGIN_X, 24, MARGIN_X, 0],
    }),
    background: (currentPage, pageSize) => (currentPage === 1 ? coverBackground(pageSize) : null),
    styles: STYLES,
    defaultStyle: { font: CLIENT_PDF_FONT_FAMILY, fontSize: 10, color: COLORS.text },
  };
  const { header, footer } = definition;
  return {
    ...definition,
    content: withSymbolFont(definition.content),
    header: (currentPage, pageCount, pageSize) => withSymbolFont(header(currentPage, pageCount, pageSize)),
    footer: (currentPage, pageCount, pageSize) => withSymbolFont(footer(currentPage, pageCount, pageSize)),
  };
}
