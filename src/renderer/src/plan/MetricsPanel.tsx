import { BarChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanMetrics } from '@shared/plans';
import { agentName } from '../agents';
import { metricsCost } from '../cost';
import { formatCost, formatCostFigure, formatElapsed, formatNumber, unknownCostHint } from '../format';

function Figure({ label, value }: { label: string; value: string }): React.JSX.Element {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** Tokens and cost per agent (charts) and durations, summed over the plans of one job. */
export function MetricsPanel({ metrics }: { metrics: PlanMetrics[] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const rows = metrics
    .flatMap((m) => Object.entries(m.by_agent))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  // An agent without a price gets no cost bar (a bar at 0 would read as "free").
  const data = rows.map(([id, m]) => ({
    agent: id,
    [t('progress.tokens')]: m.total_tokens,
    ...(typeof m.cost_usd === 'number' ? { [t('progress.cost')]: m.cost_usd } : {}),
  }));
  const total = (pick: (m: PlanMetrics) => number): number => metrics.reduce((sum, m) => sum + pick(m), 0);
  const cost = metricsCost(metrics);
  const costHint = unknownCostHint(cost);
  return (
    <Stack data-testid="plan-metrics">
      <SimpleGrid cols={3}>
        <Figure label={t('plan.totalTokens')} value={formatNumber(total((m) => m.total_tokens))} />
        <Figure label={t('plan.totalCost')} value={formatCostFigure(cost)} />
        <Figure
          label={t('plan.totalDuration')}
          value={formatElapsed(Math.max(...metrics.map((m) => m.duration_ms), 0))}
        />
      </SimpleGrid>
      {costHint && (
        <Text size="sm" c="dimmed" data-testid="plan-cost-unknown">
          {costHint}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" className="plan-section">
          <Title order={3} size="h5" mb="sm">
            {t('plan.tokensByAgent')}
          </Title>
          <BarChart
            h={240}
            data={data}
            dataKey="agent"
            series={[{ name: t('progress.tokens'), color: 'teal.6' }]}
          />
        </Paper>
        <Paper withBorder p="md" className="plan-section">
          <Title order={3} size="h5" mb="sm">
            {t('plan.costByAgent')}
          </Title>
          <BarChart
            h={240}
            data={data}
            dataKey="agent"
            series={[{ name: t('progress.cost'), color: 'blue.6' }]}
          />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" className="plan-section">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.agent')}</Table.Th>
              <Table.Th>{t('progress.tokens')}</Table.Th>
              <Table.Th>{t('progress.cost')}</Table.Th>
              <Table.Th>{t('plan.duration')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([id, m]) => (
              <Table.Tr key={id}>
                <Table.Td>
                  <Group gap={4}>{agentName(id, i18n.language)}</Group>
                </Table.Td>
                <Table.Td>{formatNumber(m.total_tokens)}</Table.Td>
                <Table.Td title={m.cost_usd === null ? m.model : undefined}>
                  {m.cost_usd === null ? t('progress.costUnknown') : formatCost(m.cost_usd)}
                </Table.Td>
                <Table.Td>
                  {m.duration_ms !== undefined ? `${formatNumber(m.duration_ms / 1000, 1)} s` : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
