import { formatNumber } from '../client-plan/format';
import type { ClientCalendarDay, ClientPlanDocument } from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfContent, PdfStack, PdfTableRow, PdfText } from './pdf-types';
import { COLORS, TABLE_LAYOUT, headerCell, heading, paragraph, sectionTitle } from './styles';

function dayCell(day: ClientCalendarDay, labels: ClientPdfLabels): PdfStack {
  const training = day.sessionIndex !== undefined;
  return {
    stack: [
      {
        text: labels.training.toUpperCase(),
        style: 'label',
        fontSize: 6.5,
        characterSpacing: 0.2,
        margin: [0, 0, 0, 2],
      },
      {
        text: day.trainingLabel ?? labels.notPlanned,
        fontSize: 9,
        bold: training,
        color: training ? COLORS.primary : COLORS.muted,
        margin: [0, 0, 0, 10],
      },
      ...(day.dayTypeLabel
        ? [
            {
              text: labels.nutrition.toUpperCase(),
              style: 'label',
              fontSize: 6.5,
              characterSpacing: 0.2,
              margin: [0, 0, 0, 2],
            } as PdfText,
            { text: day.dayTypeLabel, fontSize: 8.5, color: COLORS.text } as PdfText,
          ]
        : []),
    ],
    fillColor: training ? COLORS.primarySoft : COLORS.zebra,
  };
}

const GRID_GAP = 3;
const GRID_PADDING = 5;

function weekGrid(doc: ClientPlanDocument, labels: ClientPdfLabels, width: number): PdfContent {
  const days = [...doc.calendar].sort((a, b) => a.dayIndex - b.dayIndex);
  // Explicit widths: each column's text width plus its padding and the white gaps fill the content width
  // exactly (the outer gaps are pulled into the margin).
  const column =
    (width + 2 * GRID_GAP - (days.length + 1) * GRID_GAP - days.length * 2 * GRID_PADDING) / days.length;
  return {
    table: {
      widths: days.map(() => column),
      heights: [0, 100],
      body: [days.map((day) => headerCell(day.dayName, 'center')), days.map((day) => dayCell(day, labels))],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => GRID_GAP,
      vLineColor: () => COLORS.white,
      paddingLeft: () => GRID_PADDING,
      paddingRight: () => GRID_PADDING,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
    margin: [-GRID_GAP, 4, -GRID_GAP, 8],
  };
}

function sessionsOverview(doc: ClientPlanDocument, labels: ClientPdfLabels): PdfContent[] {
  if (!doc.sessions?.length) return [];
  const rows: PdfTableRow[] = doc.sessions.map((session) => [
    { text: session.title, bold: true, style: 'td', color: COLORS.primary },
    { text: session.days.join(', '), style: 'td' },
    { text: session.focus ?? '', style: 'td' },
    { text: session.duration ?? '', style: 'td' },
  ]);
  return [
    heading(labels.sessionsOverview),
    {
      table: {
        widths: [120, 90, '*', 62],
        headerRows: 1,
        body: [
          [
            headerCell(labels.trainingSection),
            headerCell(labels.days),
            headerCell(labels.focus),
            headerCell(labels.duration),
          ],
          ...rows,
        ],
      },
      layout: TABLE_LAYOUT,
    },
  ];
}

function dayTypesOverview(doc: ClientPlanDocument, labels: ClientPdfLabels): PdfContent[] {
  const dayTypes = doc.nutrition?.dayTypes;
  if (!dayTypes?.length) return [];
  const language = doc.meta.language;
  const rows: PdfTableRow[] = dayTypes.map((dayType) => [
    { text: dayType.label, bold: true, style: 'td', color: COLORS.primary },
    { text: dayType.daysText, style: 'td' },
    {
      text: dayType.targets ? formatNumber(dayType.targets.kcal, language) : '',
      style: 'td',
      alignment: 'right',
    },
  ]);
  return [
    heading(labels.dayTypesOverview),
    {
      table: {
        widths: [160, '*', 70],
        headerRows: 1,
        body: [
          [headerCell(labels.dayType), headerCell(labels.days), headerCell(labels.kcal, 'right')],
          ...rows,
        ],
      },
      layout: TABLE_LAYOUT,
    },
  ];
}

function mesocycle(doc: ClientPlanDocument, labels: ClientPdfLabels): PdfContent[] {
  const meso = doc.mesocycle;
  if (!meso) return [];
  const rows: PdfTableRow[] = meso.weeks.map((week) => [
    {
      stack: [
        { text: week.title, bold: true, style: 'td', color: COLORS.primary },
        ...(week.isDeload
          ? [{ text: labels.deloadWeek, style: 'small', color: COLORS.accent } as PdfText]
          : []),
      ],
    },
    {
      ul: week.changes.map((change) => ({ text: change, style: 'td', margin: [0, 0, 0, 2] })),
      markerColor: COLORS.accent,
    },
  ]);
  return [
    { text: labels.progression, style: 'h1', tocItem: true, pageBreak: 'before', margin: [0, 0, 0, 10] },
    {
      table: {
        widths: [130, '*'],
        headerRows: 1,
        dontBreakRows: true,
        body: [[headerCell(labels.week), headerCell(labels.whatChanges)], ...rows],
      },
      layout: TABLE_LAYOUT,
    },
    ...(meso.deload ? [heading(labels.deload), paragraph(meso.deload)] : []),
    ...(meso.progression ? [heading(labels.howToProgress), paragraph(meso.progression)] : []),
  ];
}

/** The week at a glance (calendar grid, sessions, day types) and, on its own page, the mesocycle. */
export function calendarPages(doc: ClientPlanDocument, labels: ClientPdfLabels, width: number): PdfContent[] {
  return [
    sectionTitle(labels.yourWeek),
    weekGrid(doc, labels, width),
    ...sessionsOverview(doc, labels),
    ...dayTypesOverview(doc, labels),
    ...(doc.advice.trainingIntro ? [heading(labels.aboutTraining), paragraph(doc.advice.trainingIntro)] : []),
    ...mesocycle(doc, labels),
  ];
}
