/*
 * The part of pdfmake's document-definition format this template uses, typed here so the shared
 * template needs no pdfmake import (and no Node types) — it is plain data plus a few layout
 * callbacks. src/main/client-pdf assigns the result to pdfmake's own `TDocumentDefinitions`, so the
 * type checker proves the two agree.
 */

export type PdfMargin = number | [number, number] | [number, number, number, number];
export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';

export interface PdfStyle {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  alignment?: PdfAlignment;
  lineHeight?: number;
  characterSpacing?: number;
  margin?: PdfMargin;
}

interface PdfBase extends PdfStyle {
  style?: string | string[];
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  /** Table cells only. */
  colSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}

export interface PdfInline extends PdfStyle {
  text: string;
  style?: string | string[];
}

export interface PdfText extends PdfBase {
  text: string | (string | PdfInline)[];
  /** `true` for the default contents list, or the `id` of the contents list this entry belongs to. */
  tocItem?: boolean | string;
  tocStyle?: string | string[];
  tocMargin?: PdfMargin;
}

export interface PdfStack extends PdfBase {
  stack: PdfContent[];
}

export type PdfColumn = (PdfText | PdfStack | PdfImage | PdfCanvas | PdfTable | PdfList) & {
  width?: number | '*' | 'auto';
};

export interface PdfColumns extends PdfBase {
  columns: PdfColumn[];
  columnGap?: number;
}

export interface PdfImage extends PdfBase {
  image: string;
  fit?: [number, number];
  width?: number;
}

export interface PdfCanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  r?: number;
  color?: string;
  lineColor?: string;
  lineWidth?: number;
}

export interface PdfCanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface PdfCanvas extends PdfBase {
  canvas: (PdfCanvasRect | PdfCanvasLine)[];
}

export interface PdfList extends PdfBase {
  ul: PdfContent[];
  markerColor?: string;
}

/** A table cell; pdfmake wants an empty object where a col-spanned cell is covered. */
export type PdfTableCell =
  PdfText | PdfStack | PdfCanvas | PdfColumns | PdfList | PdfImage | PdfTable | Record<string, never>;
export type PdfTableRow = PdfTableCell[];

export interface PdfTableLayout {
  hLineWidth?: (rowIndex: number, node: { table: { body: unknown[] } }) => number;
  vLineWidth?: (columnIndex: number) => number;
  hLineColor?: (rowIndex: number) => string;
  vLineColor?: (columnIndex: number) => string;
  paddingLeft?: (columnIndex: number) => number;
  paddingRight?: (columnIndex: number) => number;
  paddingTop?: (rowIndex: number) => number;
  paddingBottom?: (rowIndex: number) => number;
  fillColor?: (rowIndex: number) => string | null;
}

export interface PdfTable extends PdfBase {
  table: {
    body: PdfTableRow[];
    widths?: (number | '*' | 'auto')[];
    heights?: number[];
    headerRows?: number;
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: PdfTableLayout | 'noBorders';
}

export interface PdfToc extends PdfBase {
  toc: { id?: string; title?: PdfText; numberStyle?: PdfStyle; textStyle?: PdfStyle; textMargin?: PdfMargin };
}

export type PdfContent =
  | string
  | PdfContent[]
  | PdfText
  | PdfStack
  | PdfColumns
  | PdfImage
  | PdfCanvas
  | PdfList
  | PdfTable
  | PdfToc;

export interface PdfPageSize {
  width: number;
  height: number;
}

export interface PdfDocumentDefinition {
  pageSize: 'A4' | 'LETTER';
  pageMargins: [number, number, number, number];
  info: {
    title: string;
    /** The coach's name; left out when the plan names no coach. */
    author?: string;
    subject: string;
    creator?: string;
    producer?: string;
    creationDate: Date;
  };
  language: string;
  content: PdfContent[];
  header: (currentPage: number, pageCount: number, pageSize: PdfPageSize) => PdfContent | null;
  footer: (currentPage: number, pageCount: number, pageSize: PdfPageSize) => PdfContent | null;
  background: (currentPage: number, pageSize: PdfPageSize) => PdfContent | null;
  styles: Record<string, PdfStyle>;
  defaultStyle: PdfStyle;
}
