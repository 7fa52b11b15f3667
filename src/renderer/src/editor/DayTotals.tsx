import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NUTRIENT_ROWS, signedPercent } from '../plan/MenuTotalsTable';
import { FIBRE_MIN_G } from '@shared/menu-plan';
import type { DayTotalsAgainstTargets } from '@shared/plan-edits';
import { formatNumber } from '../format';
import { enumLabelKey } from '../plan/enum-labels';

/** The dot on a day's tab when its totals are out of tolerance. */
export function LevelDot({ level }: { level: 'warn' | 'block' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge
      size="xs"
      circle
      color={level === 'block' ? 'red' : 'yellow'}
      aria-label={t(`editor.nutrition.level.${level}`)}
    >
      !
    </Badge>
  );
}

/** The day's totals from the food table against its targets, at the audit's tolerances, as the coach types. */
export function DayTotals({ totals }: { totals: DayTotalsAgainstTargets | null }): React.JSX.Element {
  const { t } = useTranslation();
  if (!totals) return <Text c="dimmed">{t('editor.nutrition.noTotals')}</Text>;
  const byNutrient = new Map(totals.nutrients.map((n) => [n.nutrient, n]));
  return (
    <Card withBorder padding="sm" data-testid="editor-day-totals" data-level={totals.level}>
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h5">
          {t('editor.nutrition.totalsTitle', { day: t(enumLabelKey('tipo_dia', totals.day_type)) })}
        </Title>
        <Badge
          variant="light"
          color={totals.level === 'ok' ? 'teal' : totals.level === 'warn' ? 'yellow' : 'red'}
          data-testid="editor-day-level"
        >
          {t(`editor.nutrition.level.${totals.level}`)}
        </Badge>
      </Group>
      <Table fz="sm" withTableBorder={false} aria-live="polite">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.menuTotals.nutrient')}</Table.Th>
            <Table.Th>{t('plan.menuTotals.menu')}</Table.Th>
            <Table.Th>{t('plan.menuTotals.target')}</Table.Th>
            <Table.Th>{t('plan.menuTotals.difference')}</Table.Th>
            <Table.Th>{t('editor.nutrition.tolerance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {NUTRIENT_ROWS.map((row) => {
            const n = byNutrient.get(row.key);
            return (
              <Table.Tr key={row.key} data-testid={`editor-total-${row.key}`} data-level={n?.level ?? 'ok'}>
                <Table.Td>{t(row.label)}</Table.Td>
                <Table.Td fw={600} data-testid="editor-total-value">
                  {formatNumber(totals.totals[row.key])}
                </Table.Td>
                <Table.Td>{n ? formatNumber(n.target) : '—'}</Table.Td>
                <Table.Td>{n && n.target > 0 ? signedPercent(n.ratio) : '—'}</Table.Td>
                <Table.Td>
                  {n && (
                    <Badge
                      size="sm"
                      variant="light"
                      color={n.level === 'ok' ? 'teal' : n.level === 'warn' ? 'yellow' : 'red'}
                      title={t('editor.nutrition.toleranceHint', {
                        warn: Math.round(n.tolerance.warn * 100),
                        block: Math.round(n.tolerance.block * 100),
                      })}
                    >
                      {t(`editor.nutrition.within.${n.level}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Td>{t('plan.menuTotals.fibre')}</Table.Td>
            <Table.Td fw={600}>{formatNumber(totals.fibre.total)}</Table.Td>
            <Table.Td>{`≥ ${formatNumber(FIBRE_MIN_G)}`}</Table.Td>
            <Table.Td />
            <Table.Td>
              <Badge size="sm" variant="light" color={totals.fibre.low ? 'yellow' : 'teal'}>
                {t(totals.fibre.low ? 'editor.nutrition.fibreLow' : 'editor.nutrition.within.ok')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {totals.unknown.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('editor.nutrition.unknownFoods', { foods: totals.unknown.join(', ') })}
        </Text>
      )}
    </Card>
  );
}
