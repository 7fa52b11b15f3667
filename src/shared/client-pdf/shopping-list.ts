import type { ClientShoppingGroup } from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfContent, PdfTableRow } from './pdf-types';
import { COLORS, sectionTitle } from './styles';

/** A fresh node each time: pdfmake writes layout positions into the nodes it is given. */
function checkbox(): PdfContent {
  return {
    canvas: [{ type: 'rect', x: 0, y: 1.5, w: 8, h: 8, r: 1.5, lineWidth: 0.8, lineColor: COLORS.muted }],
  };
}

function groupTable(group: ClientShoppingGroup): PdfContent {
  return {
    table: {
      widths: [10, '*', 'auto'],
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      body: [
        [
          {
            text: group.group.toUpperCase(),
            style: 'label',
            color: COLORS.accent,
            colSpan: 3,
            margin: [0, 0, 0, 2],
          },
          {},
          {},
        ],
        ...group.items.map((item): PdfTableRow => [
          { stack: [checkbox()] },
          { text: item.name, style: 'td' },
          { text: item.quantity, style: 'td', color: COLORS.muted, alignment: 'right' },
        ]),
      ],
    },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === 1 ? 1 : 0.5),
      vLineWidth: () => 0,
      hLineColor: (i) => (i === 1 ? COLORS.accent : COLORS.rule),
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 3.5,
      paddingBottom: () => 3.5,
    },
    margin: [0, 0, 0, 14],
  };
}

/** Splits the groups into two columns of about the same number of lines, keeping their order. */
export function balanceColumns<T extends { items: readonly unknown[] }>(groups: readonly T[]): [T[], T[]] {
  const weight = (group: T) => group.items.length + 2;
  const total = groups.reduce((sum, group) => sum + weight(group), 0);
  const left: T[] = [];
  let acc = 0;
  for (const group of groups) {
    const w = weight(group);
    // Stop when adding this group would move the left column further from half than leaving it out.
    if (left.length > 0 && Math.abs(total / 2 - (acc + w)) > Math.abs(total / 2 - acc)) break;
    left.push(group);
    acc += w;
  }
  return [left, groups.slice(left.length)];
}

export function shoppingListPage(
  groups: readonly ClientShoppingGroup[],
  labels: ClientPdfLabels,
): PdfContent[] {
  if (groups.length === 0) return [];
  const [left, right] = balanceColumns(groups);
  return [
    sectionTitle(labels.shoppingList),
    { text: labels.shoppingIntro, style: 'lead' },
    {
      columns: [
        { width: '*', stack: left.map(groupTable) },
        { width: '*', stack: right.map(groupTable) },
      ],
      columnGap: 24,
    },
  ];
}
