import type { ClientPlanCoach, ClientPlanDocument, ClientPlanMeta } from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfCanvas, PdfColumn, PdfContent, PdfPageSize, PdfTableRow, PdfToc } from './pdf-types';
import { COLORS, MARGIN_TOP, PLAIN_LAYOUT } from './styles';

/**
 * The plan's coach, or undefined when it names none (`meta.coach` absent, or a blank name): no coach
 * line on the cover then, and only the client's name in the page headers.
 */
export function planCoach(meta: ClientPlanMeta): ClientPlanCoach | undefined {
  return meta.coach?.name.trim() ? meta.coach : undefined;
}

/** Up to this many entries the contents list is one column; beyond, two, so it always fits on the cover. */
export const CONTENTS_ONE_COLUMN_MAX = 10;
/** The ids of the cover's contents lists (pdfmake `toc.id`); section titles name theirs in `tocItem`. */
export const CONTENTS_IDS = ['contents-1', 'contents-2'] as const;

/** Which contents list each of `count` section titles goes to, in order: the first half to the left column. */
export function contentsColumns(count: number): (typeof CONTENTS_IDS)[number][] {
  const left = count > CONTENTS_ONE_COLUMN_MAX ? Math.ceil(count / 2) : count;
  return Array.from({ length: count }, (_, i) => CONTENTS_IDS[i < left ? 0 : 1]);
}

/** Height of the coloured band at the top of the cover, in pt from the page's top edge. */
export const COVER_BAND_HEIGHT = 300;

/** pdfkit embeds PNG and JPEG only; any other logo is left out rather than breaking the PDF. */
export function embeddableLogo(logo: string | undefined): string | undefined {
  return logo && /^data:image\/(png|jpe?g);base64,/i.test(logo) ? logo : undefined;
}

export function coverBackground(pageSize: PdfPageSize): PdfCanvas {
  return {
    canvas: [
      { type: 'rect', x: 0, y: 0, w: pageSize.width, h: COVER_BAND_HEIGHT, color: COLORS.primary },
      { type: 'rect', x: 0, y: COVER_BAND_HEIGHT, w: pageSize.width, h: 5, color: COLORS.accent },
    ],
  };
}

function detailRow(label: string, value: string): PdfTableRow {
  return [
    { text: label.toUpperCase(), style: 'label', margin: [0, 2, 12, 0] },
    { text: value, fontSize: 10.5, color: COLORS.text },
  ];
}

function contentsList(id: string): PdfToc {
  return {
    toc: {
      id,
      textStyle: { fontSize: 10.5, color: COLORS.text },
      numberStyle: { fontSize: 10.5, color: COLORS.muted },
      textMargin: [0, 2, 0, 2],
    },
  };
}

/**
 * The cover: the coloured band (coach, title, period), the client and the plan's details, and the
 * contents list — in two columns when it has more than CONTENTS_ONE_COLUMN_MAX entries.
 * `contentsEntries` is the number of section titles (see contentsColumns).
 */
export function cover(
  doc: ClientPlanDocument,
  labels: ClientPdfLabels,
  contentsEntries: number,
): PdfContent[] {
  const { meta } = doc;
  const coach = planCoach(meta);
  const logo = embeddableLogo(coach?.logo);

  const band: PdfContent = {
    table: {
      widths: ['*'],
      // The band's text sits in a fixed-height box so what follows always starts below the band.
      heights: [COVER_BAND_HEIGHT - MARGIN_TOP - 24],
      body: [
        [
          {
            stack: [
              // No letter spacing: spaced capitals copy out of the PDF as "Á LV A R O".
              { text: coach ? coach.name.toUpperCase() : ' ', fontSize: 10, bold: true, color: COLORS.white },
              {
                text: meta.title,
                fontSize: 28,
                bold: true,
                color: COLORS.white,
                lineHeight: 1.1,
                margin: [0, 64, 0, 8],
              },
              ...(meta.period ? [{ text: meta.period, fontSize: 13, color: '#C9D6E8' }] : []),
            ],
          },
        ],
      ],
    },
    layout: PLAIN_LAYOUT,
  };

  const details: PdfTableRow[] = [
    ...(coach ? [detailRow(labels.coach, coach.name)] : []),
    ...(coach?.contact ? [detailRow(labels.contact, coach.contact)] : []),
    detailRow(labels.date, meta.createdDate),
    detailRow(labels.version, meta.versionLabel),
    ...(meta.period ? [detailRow(labels.period, meta.period)] : []),
  ];

  const clientBlock: PdfContent = {
    stack: [
      { text: labels.preparedFor.toUpperCase(), style: 'label', margin: [0, 0, 0, 4] },
      { text: meta.clientName, fontSize: 24, bold: true, color: COLORS.text, margin: [0, 0, 0, 14] },
      {
        table: {
          widths: ['auto', '*'],
          body: details,
        },
        layout: { ...PLAIN_LAYOUT, paddingBottom: () => 5 },
      },
    ],
  };

  const content: PdfContent[] = [band, { text: '', margin: [0, 36, 0, 0] }];
  content.push(
    logo
      ? {
          columns: [
            clientBlock,
            { width: 130, stack: [{ image: logo, fit: [130, 80], alignment: 'right' }] },
          ],
          columnGap: 16,
        }
      : clientBlock,
  );
  if (contentsEntries > 0) {
    content.push({ text: labels.contents.toUpperCase(), style: 'label', margin: [0, 22, 0, 6] });
    content.push(
      contentsEntries > CONTENTS_ONE_COLUMN_MAX
        ? {
            columns: CONTENTS_IDS.map((id): PdfColumn => ({ width: '*', stack: [contentsList(id)] })),
            columnGap: 24,
          }
        : contentsList(CONTENTS_IDS[0]),
    );
  }
  return content;
}
