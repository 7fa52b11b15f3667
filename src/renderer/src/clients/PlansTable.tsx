import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanSummary } from '../api/coach-client';
import { AuditBadge } from '../components/AuditBadge';
import { planSummaryCost } from '../cost';
import { formatCostFigure, formatDateTime, unknownCostHint } from '../format';
import { DeliveryBadge } from '../plan/DeliveryBadge';
import { clientHasLabel, STATE_COLORS } from '../review/review-state';
import { planBlocks, type PlanBlock } from './plan-blocks';

/*
 * The ficha's plan tables: blocks by lineage, each plan's current version and review state with
 * the version the client has, audit and delivery state, the client's current plan
 * (the newest deliverable one: a plan its audit blocked is listed for review, never current), cost,
 * and "Generar siguiente bloque" (not for a blocked plan).
 */

function PlanVersion({ block, order }: { block: PlanBlock | null; order: number }): React.JSX.Element {
  const { t } = useTranslation();
  if (!block) return <Badge variant="outline">{t('client.version', { n: order })}</Badge>;
  return (
    <Stack gap={2}>
      <Badge variant="outline" data-testid="plan-block">
        {t(block.continuesUnlisted ? 'client.blockAtLeast' : 'client.block', { n: block.block })}
      </Badge>
      {block.previous && (
        <Text size="xs" c="dimmed">
          {t('client.continues', { date: formatDateTime(block.previous.created_at) })}
        </Text>
      )}
    </Stack>
  );
}

export function PlansTable({
  plans,
  currentId,
  kind,
  onNext,
}: {
  plans: PlanSummary[];
  /** The client's current plan of this kind, as the server says (the newest deliverable of all). */
  currentId: string | null;
  kind: 'training' | 'nutrition';
  onNext(id: string): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  // Training plans by block lineage; nutrition plans by generation order.
  const blocks = kind === 'training' ? planBlocks(plans) : null;
  // The server's newest deliverable plan, over all of them (not this page): never a blocked one.
  const current = currentId;
  return (
    <Table data-testid={`plans-${kind}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('client.versionColumn')}</Table.Th>
          <Table.Th>{t(`client.${kind}`)}</Table.Th>
          <Table.Th>{t('review.ficha.column')}</Table.Th>
          <Table.Th>{t('client.audit')}</Table.Th>
          <Table.Th>{t('client.cost')}</Table.Th>
          <Table.Th>{t('client.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plans.map((plan, index) => (
          <Table.Tr key={plan._id} data-testid="plan-row" data-delivery={plan.delivery_status}>
            <Table.Td>
              <PlanVersion block={blocks?.get(plan._id) ?? null} order={plans.length - index} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/plan/${encodeURIComponent(plan.job_id)}`}>
                {t(`client.${kind}`)} · {formatDateTime(plan.created_at)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Group gap={4}>
                  <Badge
                    color={STATE_COLORS[plan.review_state]}
                    variant="light"
                    miw="max-content"
                    data-testid="plan-review-state"
                    data-state={plan.review_state}
                  >
                    {t(`review.stateShort.${plan.review_state}`, { version: plan.version })}
                  </Badge>
                  <Anchor
                    component={Link}
                    size="xs"
                    to={`/plans/${kind}/${encodeURIComponent(plan._id)}/versions`}
                    aria-label={`${t('review.versions')}: ${t(`client.${kind}`)} · ${formatDateTime(plan.created_at)}`}
                    data-testid="plan-versions-link"
                  >
                    {t('review.versions')}
                  </Anchor>
                </Group>
                <Text size="xs" c="dimmed" data-testid="plan-client-has">
                  {clientHasLabel(
                    plan.delivered_version !== null && plan.delivered_at !== null
                      ? { version: plan.delivered_version, at: plan.delivered_at }
                      : null,
                    t,
                    i18n.language,
                  )}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <AuditBadge status={plan.audit_status} />
                <DeliveryBadge status={plan.delivery_status} />
                {plan._id === current && (
                  <Badge color="teal" variant="light" data-testid="plan-current">
                    {t('delivery.badge.current')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td title={unknownCostHint(planSummaryCost(plan)) ?? undefined}>
              {formatCostFigure(planSummaryCost(plan))}
            </Table.Td>
            <Table.Td>
              {kind === 'training' && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => onNext(plan._id)}
                  disabled={plan.delivery_status === 'blocked'}
                  title={plan.delivery_status === 'blocked' ? t('delivery.nextDisabled') : undefined}
                  data-testid="plan-generate-next"
                >
                  {t('client.generateNext')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
