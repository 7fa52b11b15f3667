import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanDelivery, PlanKind } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { formatDateTime } from '../format';
import { approverOf } from './delivery';
import { OverrideForm } from './OverrideForm';

export interface PlanDeliveryNoticeProps {
  kind: PlanKind;
  planId: string;
  /** The current version: the written approval is about it. */
  version: number;
  delivery: PlanDelivery;
  onApproved(plan: TrainingPlanDocument | NutritionPlanDocument): void;
  onConflict?(): void;
}

/** The rules a blocked version does not pass, as the banner and the approval dialog list them. */
export function BlockedRules({ delivery }: { delivery: PlanDelivery }): React.JSX.Element {
  return (
    <List size="sm">
      {delivery.blocked_by.map((block) => (
        <List.Item key={`${block.id}:${block.reason}`} data-testid="delivery-blocked-rule">
          <Text span size="sm" fw={600} ff="monospace">
            {block.id}
          </Text>
          : {block.reason}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * A blocked plan says so first — which rules, what to do, and the form to approve it in writing —
 * and an approved one carries the coach's note, on screen and in the printed/PDF layout.
 */
export function PlanDeliveryNotice({
  kind,
  planId,
  version,
  delivery,
  onApproved,
  onConflict,
}: PlanDeliveryNoticeProps): React.JSX.Element | null {
  const { t } = useTranslation();
  const kindLabel = t(`delivery.kind.${kind}`);
  if (delivery.status === 'blocked') {
    return (
      <Paper
        withBorder
        p="md"
        style={{ borderColor: 'var(--mantine-color-error)', borderWidth: 2 }}
        data-testid="delivery-banner"
        data-kind={kind}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" c="var(--mantine-color-error)">
            <IconAlertOctagon size={20} aria-hidden style={{ verticalAlign: '-0.15em', marginRight: 6 }} />
            {t('delivery.bannerTitle', { kind: kindLabel })}
          </Title>
          <Text size="sm">{t('delivery.bannerIntro')}</Text>
          <BlockedRules delivery={delivery} />
          <Text size="sm">{t('delivery.whatToDo')}</Text>
          <OverrideForm
            kind={kind}
            planId={planId}
            version={version}
            onApproved={onApproved}
            onConflict={onConflict}
          />
        </Stack>
      </Paper>
    );
  }
  if (delivery.status === 'overridden' && delivery.override) {
    const { override } = delivery;
    return (
      <Alert
        color="blue"
        icon={<IconCircleCheck size={18} />}
        title={t('delivery.badge.overridden')}
        className="plan-section"
        data-testid="delivery-override-note"
        data-kind={kind}
      >
        <Text size="sm" fw={600}>
          {t('delivery.note', { reason: override.reason, date: formatDateTime(override.at) })}
        </Text>
        <Text size="sm">
          {t('delivery.noteBy', {
            by: approverOf(override, t),
            rules: delivery.blocked_by.map((block) => block.id).join(', '),
          })}
        </Text>
      </Alert>
    );
  }
  return null;
}
