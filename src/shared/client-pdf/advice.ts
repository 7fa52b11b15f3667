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

/**
 * One row per note, so a page break falls between notes and never inside one. The notes may be cut
 * into two tables (see safetyBlock); `opens` / `closes` say whether this one starts / ends the box.
 */
function safetyNotes(notes: readonly string[], opens: boolean, closes: boolean): PdfTable {
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
      paddingTop: (i) => (opens && i === 0 ? 8 : 0),
      paddingBottom: (i) => (closes && i === notes.length - 1 ? 4 : 0),
    },
    margin: [0, 0, 0, closes ? 10 : 0],
  };
}

/**
 * The health notes and the disclaimer. The disclaimer never starts a page alone: it is bound, in
 * one unbreakable block, to the last note (or to the heading when there are no notes), and the
 * heading to the first note when there is only one.
 */
function safetyBlock(safety: ClientSafety, labels: ClientPdfLabels): PdfContent[] {
  const disclaimer: PdfContent = {
    stack: [
      { text: labels.disclaimer.toUpperCase(), style: 'label', margin: [0, 0, 0, 3] },
      { text: safety.disclaimer, style: 'small' },
    ],
    margin: [0, 6, 0, 0],
  };
  const notes = safety.notes;
  const last = notes[notes.length - 1];
  if (last === undefined) return [{ stack: [heading(labels.safety), disclaimer], unbreakable: true }];
  const earlier = notes.slice(0, -1);
  const tail: PdfContent[] = [safetyNotes([last], earlier.length === 0, true), disclaimer];
  return earlier.length === 0
    ? [{ stack: [heading(labels.safety), ...tail], unbreakable: true }]
    : [heading(labels.safety), safetyNotes(earlier, true, false), { stack: tail, unbreakable: true }];
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
