import type { DayType } from '@shared/agent-outputs/common';
import type { AuditCheckResult, DayTypeCounts, MacroDesign } from '@shared/plan-content';
import { FIBRE_MIN_G, type MenuTarget } from '@shared/menu-plan';
import {
  MENU_TOLERANCES,
  deviationsFromTarget,
  menuDayTotals,
  type Deviation,
  type MenuDayLike,
} from '@shared/menu-totals';
import { checkResult, listEs } from './check';
import { fmt } from './text';
import { DAY_TYPES, DAY_LABEL } from './day-types';

/*
 * NUT-13 and NUT-16 (docs/AUDITS.md): a menu's totals are recomputed from the food table
 * (resources/foods) by id and grams — never taken from numbers the model wrote — and compared with
 * the day type's targets from the macro design. N6's repair round uses the same comparison at the
 * blocking tolerance, so a menu that fails here has already had its second chance. The totals, the
 * tolerances and the comparison live in src/shared/menu-totals.ts, shared with the coach's editor.
 */

function describe(type: DayType, deviation: Deviation): string {
  const { label, unit } = MENU_TOLERANCES[deviation.nutrient];
  const sign = deviation.ratio > 0 ? '+' : '−';
  return `${DAY_LABEL[type]}: ${label} ${fmt(deviation.total, 0)} ${unit} frente a ${fmt(deviation.target, 0)} ${unit} (${sign}${fmt(Math.abs(deviation.ratio) * 100, 0)} %)`;
}

export function usedTypes(days: DayTypeCounts): DayType[] {
  return DAY_TYPES.filter((type) => days[type] > 0);
}

interface Findings {
  missing: DayType[];
  extra: DayType[];
  blocks: string[];
  warns: string[];
  unknown: string[];
  lowFibre: string[];
}

function compareMenus(
  menus: readonly MenuDayLike[],
  targets: Record<DayType, MenuTarget>,
  days: DayTypeCounts,
): Findings {
  const used = usedTypes(days);
  const served = new Set(menus.map((day) => day.tipo_dia));
  const findings: Findings = {
    missing: used.filter((type) => !served.has(type)),
    extra: DAY_TYPES.filter((type) => served.has(type) && !used.includes(type)),
    blocks: [],
    warns: [],
    unknown: [],
    lowFibre: [],
  };
  for (const day of menus) {
    const type = day.tipo_dia as DayType;
    if (!used.includes(type)) continue;
    const { totals, unknown } = menuDayTotals(day);
    findings.unknown.push(...unknown.map((name) => `${DAY_LABEL[type]}: «${name}»`));
    for (const deviation of deviationsFromTarget(totals, targets[type])) {
      (deviation.level === 'block' ? findings.blocks : findings.warns).push(describe(type, deviation));
    }
    if (totals.fibra_g < FIBRE_MIN_G)
      findings.lowFibre.push(`${DAY_LABEL[type]} ${fmt(totals.fibra_g, 0)} g`);
  }
  return findings;
}

/** What N6 must fix in its repair round: a day type without a menu, or totals past the blocking tolerance. */
export function menuTargetProblems(
  menus: readonly MenuDayLike[],
  targets: Record<DayType, MenuTarget>,
  days: DayTypeCounts,
): string[] {
  const findings = compareMenus(menus, targets, days);
  return [
    ...findings.missing.map((type) => `falta el menú del ${DAY_LABEL[type]}, que la semana usa`),
    ...findings.extra.map(
      (type) => `sobra el menú del ${DAY_LABEL[type]}: la semana no tiene ese tipo de día`,
    ),
    ...findings.blocks.map(
      (text) => `${text}, calculado con la tabla de alimentos; ajusta los gramos o cambia alimentos`,
    ),
  ];
}

/** NUT-13: menu totals from the food table against each used day type's targets. */
export function nut13(
  menus: readonly MenuDayLike[],
  macros: MacroDesign,
  days: DayTypeCounts,
): AuditCheckResult {
  const findings = compareMenus(menus, macros.por_tipo_dia, days);
  const missing = findings.missing.map((type) => `sin menú para el ${DAY_LABEL[type]}`);
  if (missing.length > 0 || findings.blocks.length > 0 || findings.unknown.length > 0) {
    const unknown =
      findings.unknown.length > 0
        ? [`ingredientes fuera de la tabla de alimentos, sin valores: ${listEs(findings.unknown, 6)}`]
        : [];
    return checkResult(
      'NUT-13',
      'block',
      false,
      `Menús que no cumplen sus objetivos: ${listEs([...missing, ...findings.blocks, ...unknown], 8)}.`,
    );
  }
  const extra = findings.extra.map((type) => `menú de ${DAY_LABEL[type]} que la semana no usa`);
  if (findings.warns.length > 0 || extra.length > 0) {
    return checkResult(
      'NUT-13',
      'warn',
      false,
      `Menús algo alejados de sus objetivos: ${listEs([...findings.warns, ...extra], 8)}.`,
    );
  }
  return checkResult(
    'NUT-13',
    'block',
    true,
    'Los totales de cada menú, calculados con la tabla de alimentos, cumplen sus objetivos (energía ± 5 %, proteína ± 10 %, hidratos y grasa ± 15 %).',
  );
}

/** NUT-16: fibre of each used day's menu against the EFSA adequate intake. */
export function nut16(
  menus: readonly MenuDayLike[],
  macros: MacroDesign,
  days: DayTypeCounts,
): AuditCheckResult {
  const { lowFibre } = compareMenus(menus, macros.por_tipo_dia, days);
  if (lowFibre.length > 0) {
    return checkResult(
      'NUT-16',
      'warn',
      false,
      `Fibra por debajo de ${FIBRE_MIN_G} g/día: ${listEs(lowFibre)}. Añade verdura, fruta, legumbre o cereal integral.`,
    );
  }
  return checkResult('NUT-16', 'warn', true, `Fibra ≥ ${FIBRE_MIN_G} g/día en cada menú.`);
}

/** Protein per meal that stimulates muscle protein synthesis: ~0.25 g/kg (ISSN 2017, [PRO1]). */
const PROTEIN_PER_MEAL_G_KG = 0.25;
const MEALS_WITH_PROTEIN = 3;

/**
 * NUT-12 (INFO): meals of each used day's menu with ≥ 0.25 g/kg of protein, from the food table;
 * at least three (or every meal, on a day of fewer). Advice, never a reason to stop a plan.
 */
export function nut12(
  menus: readonly MenuDayLike[],
  weightKg: number,
  days: DayTypeCounts,
): AuditCheckResult {
  const threshold = PROTEIN_PER_MEAL_G_KG * weightKg;
  const short: string[] = [];
  for (const day of menus) {
    const type = day.tipo_dia as DayType;
    if (!usedTypes(days).includes(type)) continue;
    const enough = day.comidas.filter(
      (meal) => menuDayTotals({ tipo_dia: type, comidas: [meal] }).totals.proteina_g >= threshold,
    ).length;
    const needed = Math.min(MEALS_WITH_PROTEIN, day.comidas.length);
    if (enough < needed) short.push(`${DAY_LABEL[type]}: ${enough} de ${day.comidas.length} comidas`);
  }
  const rule = `≥ ${fmt(threshold, 0)} g de proteína (${fmt(PROTEIN_PER_MEAL_G_KG, 2)} g/kg) en al menos ${MEALS_WITH_PROTEIN} comidas`;
  if (short.length > 0)
    return checkResult('NUT-12', 'info', false, `Reparto de proteína mejorable (${rule}): ${listEs(short)}.`);
  return checkResult('NUT-12', 'info', true, `Proteína repartida: ${rule} cada día.`);
}
