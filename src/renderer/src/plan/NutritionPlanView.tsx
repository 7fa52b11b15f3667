import { BarChart } from '@mantine/charts';
import { Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayTypeSchema } from '@shared/agent-outputs/common';
import { N7OutputSchema } from '@shared/agent-outputs/nutrition';
import { MenuPlanSchema } from '@shared/menu-plan';
import { MacroDesignSchema, MetabolismSchema } from '@shared/plan-content';
import type { NutritionPlanDocument } from '@shared/plans';
import { formatNumber } from '../format';
import { AuditPanel } from './AuditPanel';
import { MenuTotalsTable } from './MenuTotalsTable';
import { PlanBlock } from './PlanBlock';
import { enumLabelKey } from './enum-labels';

const DAY_TYPES = DayTypeSchema.options;

/** Nutrition plan: energy and macros per day type (chart + table), meals, supplements and habits, audit. */
export function NutritionPlanView({ plan }: { plan: NutritionPlanDocument }): React.JSX.Element {
  const { t } = useTranslation();
  const n = plan.nutrition;
  const metabolism = MetabolismSchema.safeParse(n.metabolism);
  const macros = MacroDesignSchema.safeParse(n.macro_design);
  const menus = MenuPlanSchema.safeParse(n.menu_plan);
  const adherence = N7OutputSchema.safeParse(n.adherence_report);
  const unparsed = <Text c="dimmed">{t('plan.unparsed')}</Text>;

  const chartData = macros.success
    ? DAY_TYPES.map((d) => ({
        day: t(enumLabelKey('tipo_dia', d)),
        [t('plan.protein')]: macros.data.por_tipo_dia[d].proteina_g,
        [t('plan.carbs')]: macros.data.por_tipo_dia[d].carbohidratos_g,
        [t('plan.fat')]: macros.data.por_tipo_dia[d].grasa_g,
      }))
    : [];

  return (
    <Stack data-testid="nutrition-plan">
      <PlanBlock title={t('plan.energy')}>
        {metabolism.success && (
          <Group mb="sm">
            <Badge
              variant="light"
              size="lg"
            >{`${t('plan.bmr')}: ${formatNumber(metabolism.data.bmr)} ${t('plan.kcal')}`}</Badge>
            <Badge
              variant="light"
              size="lg"
            >{`${t('plan.tdee')}: ${formatNumber(metabolism.data.tdee)} ${t('plan.kcal')}`}</Badge>
          </Group>
        )}
        {macros.success ? (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Table striped data-testid="macros-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('plan.kcal')}</Table.Th>
                  <Table.Th>{t('plan.protein')}</Table.Th>
                  <Table.Th>{t('plan.carbs')}</Table.Th>
                  <Table.Th>{t('plan.fat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {DAY_TYPES.map((d) => {
                  const day = macros.data.por_tipo_dia[d];
                  return (
                    <Table.Tr key={d}>
                      <Table.Td fw={600}>{t(enumLabelKey('tipo_dia', d))}</Table.Td>
                      <Table.Td>{formatNumber(day.kcal)}</Table.Td>
                      <Table.Td>{formatNumber(day.proteina_g)}</Table.Td>
                      <Table.Td>{formatNumber(day.carbohidratos_g)}</Table.Td>
                      <Table.Td>{formatNumber(day.grasa_g)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <BarChart
              h={220}
              data={chartData}
              dataKey="day"
              type="stacked"
              withLegend
              series={[
                { name: t('plan.protein'), color: 'teal.6' },
                { name: t('plan.carbs'), color: 'blue.5' },
                { name: t('plan.fat'), color: 'orange.5' },
              ]}
            />
          </SimpleGrid>
        ) : (
          unparsed
        )}
      </PlanBlock>
      <PlanBlock title={t('plan.meals')}>
        {menus.success ? (
          <SimpleGrid cols={{ base: 1, md: menus.data.menus.length }}>
            {menus.data.menus.map((menu) => (
              <div key={menu.tipo_dia}>
                <Badge mb="xs">{t(enumLabelKey('tipo_dia', menu.tipo_dia))}</Badge>
                {menu.totales && menu.objetivo && (
                  <MenuTotalsTable totals={menu.totales} target={menu.objetivo} />
                )}
                {menu.comidas.map((meal) => (
                  <div key={meal.nombre}>
                    <Text fw={600} size="sm">
                      {meal.nombre}
                    </Text>
                    <List size="sm" mb="xs">
                      {meal.platos.map((dish) => (
                        <List.Item key={dish.nombre}>
                          {`${dish.nombre} — ${dish.ingredientes.map((i) => `${i.alimento} ${formatNumber(i.cantidad_g)} g`).join(', ')}`}
                        </List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </div>
            ))}
          </SimpleGrid>
        ) : (
          unparsed
        )}
        {menus.success && menus.data.menus.some((menu) => menu.totales) && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('plan.menuTotals.note')}
          </Text>
        )}
      </PlanBlock>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PlanBlock title={t('plan.supplements')}>
          {adherence.success ? (
            <List size="sm">
              {adherence.data.suplementos.map((s) => (
                <List.Item key={s.nombre}>{`${s.nombre} · ${s.dosis} — ${s.motivo}`}</List.Item>
              ))}
            </List>
          ) : (
            unparsed
          )}
        </PlanBlock>
        <PlanBlock title={t('plan.habits')}>
          {adherence.success ? (
            <>
              <List size="sm">
                {adherence.data.habitos.map((h) => (
                  <List.Item key={h}>{h}</List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                <strong>{t('plan.hydration')}:</strong> {adherence.data.hidratacion}
              </Text>
            </>
          ) : (
            unparsed
          )}
        </PlanBlock>
      </SimpleGrid>
      <AuditPanel audit={n.audit} />
    </Stack>
  );
}
