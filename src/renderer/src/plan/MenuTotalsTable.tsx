import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FIBRE_MIN_G, type MenuTarget, type NutrientTotals } from '@shared/menu-plan';
import { formatNumber } from '../format';

/** The nutrients a menu's totals are shown by, in order, with their label keys (plan view and editor). */
export const NUTRIENT_ROWS = [
  { key: 'kcal', label: 'plan.kcal' },
  { key: 'proteina_g', label: 'plan.protein' },
  { key: 'carbohidratos_g', label: 'plan.carbs' },
  { key: 'grasa_g', label: 'plan.fat' },
] as const;

/** A difference as a signed whole percentage ("+23 %", "−4 %", "±0 %"). */
export function signedPercent(ratio: number): string {
  const pct = Math.round(ratio * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${formatNumber(Math.abs(pct))} %`;
}

function difference(total: number, target: number): string {
  return target <= 0 ? '—' : signedPercent((total - target) / target);
}

/**
 * One menu's totals next to its day type's targets. The totals were computed by code from the food
 * table when the plan was made; the audit (NUT-13) recomputed them on its own.
 */
export function MenuTotalsTable({
  totals,
  target,
}: {
  totals: NutrientTotals;
  target: MenuTarget;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Table withTableBorder fz="xs" mb="xs" data-testid="menu-totals" captionSide="top">
      <Table.Caption>{t('plan.menuTotals.title')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('plan.menuTotals.nutrient')}</Table.Th>
          <Table.Th>{t('plan.menuTotals.menu')}</Table.Th>
          <Table.Th>{t('plan.menuTotals.target')}</Table.Th>
          <Table.Th>{t('plan.menuTotals.difference')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {NUTRIENT_ROWS.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{t(row.label)}</Table.Td>
            <Table.Td>{formatNumber(totals[row.key])}</Table.Td>
            <Table.Td>{formatNumber(target[row.key])}</Table.Td>
            <Table.Td>{difference(totals[row.key], target[row.key])}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td>{t('plan.menuTotals.fibre')}</Table.Td>
          <Table.Td>{formatNumber(totals.fibra_g)}</Table.Td>
          <Table.Td colSpan={2}>
            <Text size="xs" c="dimmed">
              {`≥ ${formatNumber(FIBRE_MIN_G)}`}
            </Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
