import type { ClientDrill, ClientExercise, ClientSession } from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfContent, PdfTableRow, PdfText } from './pdf-types';
import { COLORS, TABLE_LAYOUT, headerCell, heading, sectionTitle } from './styles';

function facts(session: ClientSession, labels: ClientPdfLabels): PdfContent {
  const items: [string, string][] = [[labels.days, session.days.join(', ')]];
  if (session.duration) items.push([labels.duration, session.duration]);
  if (session.focus) items.push([labels.focus, session.focus]);
  return {
    table: {
      widths: items.map((_, i) => (i === items.length - 1 ? '*' : 'auto')),
      body: [
        items.map(([label, value]) => ({
          stack: [
            { text: label.toUpperCase(), style: 'label', margin: [0, 0, 0, 2] },
            { text: value, fontSize: 10, color: COLORS.text },
          ],
        })),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 || i === items.length ? 0 : 0.5),
      vLineColor: () => COLORS.rule,
      paddingLeft: (i) => (i === 0 ? 10 : 14),
      paddingRight: () => 14,
      paddingTop: () => 8,
      paddingBottom: () => 8,
      fillColor: () => COLORS.primarySoft,
    },
    margin: [0, 4, 0, 6],
  };
}

function drills(title: string, list: readonly ClientDrill[], labels: ClientPdfLabels): PdfContent[] {
  if (list.length === 0) return [];
  return [
    heading(title),
    {
      table: {
        widths: ['*', 170],
        headerRows: 1,
        dontBreakRows: true,
        body: [
          [headerCell(labels.exercise), headerCell(labels.prescription)],
          ...list.map((drill): PdfTableRow => [
            { text: drill.name, style: 'td' },
            { text: drill.prescription, style: 'td' },
          ]),
        ],
      },
      layout: TABLE_LAYOUT,
    },
  ];
}

/**
 * The tempo line as [bold lead, rest]: "Ritmo: " before the view model's text, unless that text
 * already starts with the label ("Ritmo: 3-1-X-0…", "Ritmo controlado…"), which is then printed as
 * it is, its own label in bold — never "Ritmo: Ritmo: …".
 */
export function tempoLine(tempo: string, label: string): [lead: string, rest: string] {
  const text = tempo.trim();
  const head = text.slice(0, label.length);
  const next = text.charAt(label.length);
  if (head.toLocaleLowerCase() === label.toLocaleLowerCase() && !/[\p{L}\p{N}]/u.test(next)) {
    const separator = /^\s*:?\s*/.exec(text.slice(label.length))?.[0] ?? '';
    return [text.slice(0, label.length + separator.length), text.slice(label.length + separator.length)];
  }
  return [`${label}: `, text];
}

function exerciseDetails(exercise: ClientExercise, labels: ClientPdfLabels): PdfText[] {
  const lines: PdfText[] = [];
  if (exercise.tempo) {
    const [lead, rest] = tempoLine(exercise.tempo, labels.tempo);
    lines.push({ text: [{ text: lead, bold: true }, rest], style: 'small', margin: [0, 2, 0, 0] });
  }
  if (exercise.cue) lines.push({ text: exercise.cue, style: 'small', margin: [0, 2, 0, 0] });
  if (exercise.notes)
    lines.push({ text: exercise.notes, style: 'small', italics: true, margin: [0, 2, 0, 0] });
  return lines;
}

function exercises(session: ClientSession, labels: ClientPdfLabels): PdfContent {
  return {
    table: {
      widths: [14, '*', 58, 118, 72],
      headerRows: 1,
      dontBreakRows: true,
      body: [
        [
          headerCell('#'),
          headerCell(labels.exercise),
          headerCell(labels.setsReps),
          headerCell(labels.effort),
          headerCell(labels.restBetweenSets),
        ],
        ...session.exercises.map((exercise, i): PdfTableRow => [
          { text: String(i + 1), style: 'td', bold: true, color: COLORS.accent },
          {
            stack: [{ text: exercise.name, style: 'td', bold: true }, ...exerciseDetails(exercise, labels)],
          },
          { text: exercise.setsReps, style: 'td', bold: true },
          { text: exercise.effort, style: 'td', fontSize: 8.5 },
          { text: exercise.rest, style: 'td', fontSize: 8.5 },
        ]),
      ],
    },
    layout: { ...TABLE_LAYOUT, fillColor: (i) => (i > 0 && i % 2 === 0 ? COLORS.zebra : null) },
  };
}

/** One page per session: its facts, warm-up, exercise table and cool-down. */
export function sessionPages(sessions: readonly ClientSession[], labels: ClientPdfLabels): PdfContent[] {
  return sessions.flatMap((session): PdfContent[] => [
    sectionTitle(session.title),
    facts(session, labels),
    ...drills(labels.warmUp, session.warmUp, labels),
    heading(labels.exercises),
    exercises(session, labels),
    ...drills(labels.coolDown, session.coolDown, labels),
  ]);
}
