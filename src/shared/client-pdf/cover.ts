import type { ClientPlanDocument } from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfCanvas, PdfContent, PdfPageSize, PdfTableRow } from './pdf-types';
import { COLORS, MARGIN_TOP, PLAIN_LAYOUT } from './styles';

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

export function cover(doc: ClientPlanDocument, labels: ClientPdfLabels): PdfContent[] {
  const { meta } = doc;
  const logo = embeddableLogo(meta.coach.logo);

  const band: PdfContent = {
    table: {
      widths: ['*'],
      // The band's text sits in a fixed-height box so what follows always starts below the band.
      heights: [COVER_BAND_HEIGHT - MARGIN_TOP - 24],
      body: [
        [
          {
            stack: [
              {
                text: meta.coach.name.toUpperCase(),
                fontSize: 10,
                bold: true,
                color: COLORS.white,
                characterSpacing: 1.5,
              },
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
    detailRow(labels.coach, meta.coach.name),
    ...(meta.coach.contact ? [detailRow(labels.contact, meta.coach.contact)] : []),
    detailRow(labels.date, meta.createdDate),
    detailRow(labels.version, meta.versionLabel),
    ...(meta.period ? [detailRow(labels.period, meta.period)] : []),
  ];

  const clientBlock: PdfContent = {
    stack: [
      { text: labels.preparedFor.toUpperCase(), style: 'label', margin: [0, 0, 0, 4] },
      { text: meta.clientName, fontSize: 24, bold: true, color: COLORS.text, margin: [0, 0, 0, 18] },
      {
        table: {
          widths: ['auto', '*'],
          body: details,
        },
        layout: { ...PLAIN_LAYOUT, paddingBottom: () => 6 },
      },
    ],
  };

  const content: PdfContent[] = [band, { text: '', margin: [0, 44, 0, 0] }];
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
  content.push({
    toc: {
      title: { text: labels.contents.toUpperCase(), style: 'label', margin: [0, 28, 0, 8] },
      textStyle: { fontSize: 10.5, color: COLORS.text },
      numberStyle: { fontSize: 10.5, color: COLORS.muted },
      textMargin: [0, 3, 0, 3],
    },
  });
  return content;
}
