import { formatNumber } from '../client-plan/format';
import type {
  ClientDailyTargets,
  ClientDayTypeMenu,
  ClientMeal,
  ClientNutrition,
  ClientPlanLanguage,
} from '../client-plan/schema';
import type { ClientPdfLabels } from './labels';
import type { PdfContent, PdfTable, PdfTableRow, PdfText } from './pdf-types';
import { COLORS, TABLE_LAYOUT, bullets, heading, paragraph, sectionTitle } from './styles';

const BOX_GAP = 4;
const BOX_PADDING = 10;

function targetBoxes(
  targets: ClientDailyTargets,
  labels: ClientPdfLabels,
  language: ClientPlanLanguage,
  width: number,
): PdfContent {
  const boxes: [string, string][] = [
    [labels.kcal, formatNumber(targets.kcal, language)],
    [labels.protein, `${formatNumber(targets.proteinG, language)} g`],
    [labels.carbs, `${formatNumber(targets.carbsG, language)} g`],
    [labels.fat, `${formatNumber(targets.fatG, language)} g`],
  ];
  return {
    stack: [
      { text: labels.dailyTargets.toUpperCase(), style: 'label', margin: [BOX_GAP, 0, 0, 4] },
      {
        table: {
          widths: boxes.map(
            () =>
              (width + 2 * BOX_GAP - (boxes.length + 1) * BOX_GAP - boxes.length * 2 * BOX_PADDING) /
              boxes.length,
          ),
          body: [
            boxes.map(([label, value], i) => ({
              stack: [
                { text: value, fontSize: 16, bold: true, color: i === 0 ? COLORS.white : COLORS.primary },
                { text: label, fontSize: 8.5, color: i === 0 ? '#C9D6E8' : COLORS.muted },
              ],
              fillColor: i === 0 ? COLORS.primary : COLORS.primarySoft,
            })),
          ],
        },
        layout: {
          hLineWidth: () => 0,
          // White gaps between the boxes; the outer two are pulled into the margin (see calendar.ts).
          vLineWidth: () => BOX_GAP,
          vLineColor: () => COLORS.white,
          paddingLeft: () => BOX_PADDING,
          paddingRight: () => BOX_PADDING,
          paddingTop: () => 8,
          paddingBottom: () => 8,
        },
      },
      { text: targets.text, style: 'small', margin: [BOX_GAP, 5, 0, 0] },
    ],
    margin: [-BOX_GAP, 4, -BOX_GAP, 8],
  };
}

function mealTitle(meal: ClientMeal): PdfTable {
  const cells: PdfText[] = [
    { text: meal.name, bold: true, fontSize: 10.5, color: COLORS.primary },
    {
      text: meal.workoutTiming ?? '',
      fontSize: 8.5,
      color: COLORS.accent,
      bold: true,
      alignment: 'right',
      margin: [0, 1.5, 0, 0],
    },
  ];
  if (meal.time) {
    cells.unshift({
      text: meal.time,
      bold: true,
      fontSize: 10.5,
      color: COLORS.white,
      fillColor: COLORS.accent,
      alignment: 'center',
    });
  }
  const timed = cells.length === 3;
  return {
    table: {
      widths: timed ? [44, '*', 'auto'] : ['*', 'auto'],
      body: [cells],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i) => (timed && i === 1 ? 8 : timed ? 4 : 8),
      paddingRight: () => 4,
      paddingTop: () => 3,
      paddingBottom: () => 3,
      fillColor: () => COLORS.accentSoft,
    },
  };
}

/** Names compared as a reader would, ignoring case and surrounding spaces. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

function mealBlock(meal: ClientMeal, labels: ClientPdfLabels, language: ClientPlanLanguage): PdfContent {
  const rows: PdfTableRow[] = [];
  for (const dish of meal.dishes) {
    // No title row for a dish named like its single food, or like the meal ("Desayuno" under "Desayuno").
    const single =
      (dish.foods.length === 1 && sameName(dish.foods[0]?.name, dish.name)) || sameName(dish.name, meal.name);
    if (!single) {
      rows.push([{ text: dish.name, style: 'td', bold: true, colSpan: 3, color: COLORS.text }, {}, {}]);
    }
    for (const food of dish.foods) {
      rows.push([
        { text: food.name, style: 'td', margin: [single ? 0 : 8, 0, 0, 0] },
        { text: `${formatNumber(food.grams, language, 1)} g`, style: 'td', alignment: 'right' },
        { text: food.household ?? '', style: 'td', color: COLORS.muted },
      ]);
    }
  }
  const extras: PdfText[] = [];
  if (meal.substitutions.length > 0) {
    extras.push({
      text: [
        { text: `${labels.substitutions}: `, bold: true, color: COLORS.text },
        meal.substitutions.join(' · '),
      ],
      style: 'small',
      margin: [0, 4, 0, 0],
    });
  }
  if (meal.note) extras.push({ text: meal.note, style: 'small', italics: true, margin: [0, 3, 0, 0] });
  return {
    stack: [
      mealTitle(meal),
      {
        table: {
          widths: ['*', 60, 130],
          headerRows: 1,
          body: [
            [
              { text: labels.food, style: 'label' },
              { text: labels.amount, style: 'label', alignment: 'right' },
              { text: labels.household, style: 'label' },
            ],
            ...rows,
          ],
        },
        layout: { ...TABLE_LAYOUT, paddingTop: () => 3, paddingBottom: () => 3 },
      },
      ...extras,
    ],
    unbreakable: true,
    margin: [0, 8, 0, 6],
  };
}

function dayTypePage(
  dayType: ClientDayTypeMenu,
  labels: ClientPdfLabels,
  language: ClientPlanLanguage,
  width: number,
): PdfContent[] {
  return [
    sectionTitle(dayType.label),
    { text: dayType.daysText, style: 'lead' },
    ...(dayType.targets ? [targetBoxes(dayType.targets, labels, language, width)] : []),
    ...dayType.meals.map((meal) => mealBlock(meal, labels, language)),
  ];
}

/** An introduction page (targets, eating around training, equivalences) then one page per day type. */
export function nutritionPages(
  nutrition: ClientNutrition,
  labels: ClientPdfLabels,
  language: ClientPlanLanguage,
  width: number,
): PdfContent[] {
  const intro: PdfContent[] = [];
  if (nutrition.targetsIntro) intro.push(paragraph(nutrition.targetsIntro));
  if (nutrition.periWorkout) intro.push(heading(labels.periWorkout), paragraph(nutrition.periWorkout));
  if (nutrition.equivalences.length > 0)
    intro.push(heading(labels.equivalences), bullets(nutrition.equivalences));
  return [
    ...(intro.length > 0 ? [sectionTitle(labels.nutritionSection), ...intro] : []),
    ...nutrition.dayTypes.flatMap((dayType) => dayTypePage(dayType, labels, language, width)),
  ];
}
