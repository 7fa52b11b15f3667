import type { ClientAdvice, ClientSafety } from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfContent, PdfTable, PdfTableRow } from './pdf-types';
import { COLORS, TABLE_LAYOUT, bullets, headerCell, heading, paragraph, sectionTitle } from './styles';

function trainingAdvice(advice: ClientAdvice, labels: ClientPdfLabels): PdfContent[] {
  const out: PdfContent[] = [];
  if (advice.trainingDayNotes.length > 0) {
    out.push(heading(labels.trainingNotes));
    for (const note of advice.trainingDayNotes) {
      out.push({
        text: [{ text: `${note.dayName} · ${note.title}. `, bold: true, color: COLORS.primary }, note.text],
        style: 'body',
      });
    }
  }
  if (advice.trainingTips.length > 0) out.push(heading(labels.trainingTips), bullets(advice.trainingTips));
  return out;
}

function nutritionAdvice(advice: ClientAdvice, labels: ClientPdfLabels): PdfContent[] {
  const out: PdfContent[] = [];
  if (advice.habits.length > 0) out.push(heading(labels.habits), bullets(advice.habits));
  if (advice.hydration) out.push(heading(labels.hydration), paragraph(advice.hydration));
  if (advice.supplements.length > 0) {
    out.push(heading(labels.supplements), {
      table: {
        widths: [110, 110, '*'],
        headerRows: 1,
        dontBreakRows: true,
        body: [
          [headerCell(labels.supplement), headerCell(labels.dose), headerCell(labels.reason)],
          ...advice.supplements.map((s): PdfTableRow => [
            { text: s.name, style: 'td', bold: true },
            { text: s.dose, style: 'td' },
            { text: s.reason, style: 'td' },
          ]),
        ],
      },
      layout: TABLE_LAYOUT,
    });
  }
  if (advice.strategies.length > 0) out.push(heading(labels.strategies), bullets(advice.strategies));
  return out;
}

/** One row per note, so a page break falls between notes and never inside one. */
function safetyNotes(notes: readonly string[]): PdfTable {
  return {
    table: {
      widths: ['*'],
      dontBreakRows: true,
      body: notes.map((note): PdfTableRow => [{ stack: [bullets([note])], fillColor: COLORS.warnSoft }]),
    },
    layout: {
      ...TABLE_LAYOUT,
      hLineWidth: () => 0,
      paddingLeft: () => 10,
      paddingTop: (i) => (i === 0 ? 8 : 0),
      paddingBottom: (i) => (i === notes.length - 1 ? 4 : 0),
    },
    margin: [0, 0, 0, 10],
  };
}

function safetyBlock(safety: ClientSafety, labels: ClientPdfLabels): PdfContent[] {
  return [
    heading(labels.safety),
    ...(safety.notes.length > 0 ? [safetyNotes(safety.notes)] : []),
    {
      stack: [
        { text: labels.disclaimer.toUpperCase(), style: 'label', margin: [0, 0, 0, 3] },
        { text: safety.disclaimer, style: 'small' },
      ],
      margin: [0, 6, 0, 0],
      unbreakable: true,
    },
  ];
}

/** Training and nutrition advice, then health and safety notes with the disclaimer. */
export function advicePages(
  advice: ClientAdvice,
  safety: ClientSafety,
  labels: ClientPdfLabels,
): PdfContent[] {
  return [
    sectionTitle(labels.adviceSection),
    ...trainingAdvice(advice, labels),
    ...nutritionAdvice(advice, labels),
    ...safetyBlock(safety, labels),
  ];
}
