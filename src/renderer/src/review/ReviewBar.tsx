import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconHistory, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanKind } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { OverrideForm } from '../plan/OverrideForm';
import { BlockedRules } from '../plan/PlanDeliveryNotice';
import { isVersionConflict } from './ConflictNotice';
import { clientHasLabel, currentState, stateLabel, STATE_COLORS, type ReviewedPlan } from './review-state';

type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;

export interface ReviewBarProps {
  kind: PlanKind;
  planId: string;
  plan: ReviewedPlan;
  /** The plan as the server now has it, after an approval. */
  onChanged(plan: AnyPlan): void;
  /** Someone else saved a version meanwhile. */
  onConflict(): void;
  /**
   * A blocked version is approved with a written reason: where that form is (the plan screen's
   * banner holds it); without this, the form opens in a dialog.
   */
  onApproveBlocked?(): void;
  /** The links to the plan's other screens (not on the screen they lead to). */
  links?: { edit?: boolean; versions?: boolean };
}

/**
 * One plan's review, where the coach acts on it: the current version's state ("Borrador · versión
 * 2", "Entregada · versión 1 (el 2 dic)"), which version the client has, and Editar / Versiones /
 * "Aprobar versión N" (a version its audit blocks needs the written reason of the delivery block).
 */
export function ReviewBar({
  kind,
  planId,
  plan,
  onChanged,
  onConflict,
  onApproveBlocked,
  links = { edit: true, versions: true },
}: ReviewBarProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useClient();
  const [approving, setApproving] = useState(false);
  const [blockedForm, setBlockedForm] = useState(false);
  const state = currentState(plan);
  const delivered = plan.review.delivered;
  const blocked = plan.delivery.status === 'blocked';
  const base = `/plans/${kind}/${encodeURIComponent(planId)}`;

  async function approve(): Promise<void> {
    if (blocked) {
      if (onApproveBlocked) onApproveBlocked();
      else setBlockedForm(true);
      return;
    }
    setApproving(true);
    try {
      const approved = await api.approvePlan({ kind, plan_id: planId, version: plan.version });
      notifications.show({ color: 'teal', message: t('review.approved', { version: plan.version }) });
      onChanged(approved);
    } catch (error) {
      if (isVersionConflict(error)) onConflict();
      else
        notifications.show({ color: 'red', title: t('review.approveFailed'), message: errorText(error, t) });
    } finally {
      setApproving(false);
    }
  }

  return (
    <Paper
      withBorder
      p="sm"
      className="no-print"
      data-testid="review-bar"
      data-kind={kind}
      data-state={state}
    >
      <Group justify="space-between" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{t(`review.kindTitle.${kind}`)}</Text>
            <Badge color={STATE_COLORS[state]} variant="light" miw="max-content" data-testid="review-state">
              {stateLabel(plan, t, i18n.language)}
            </Badge>
          </Group>
          {(state !== 'delivered' || delivered?.version !== plan.version) && (
            <Text size="sm" c="dimmed" data-testid="review-client-has">
              {clientHasLabel(delivered, t, i18n.language)}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {links.edit && (
            <Button
              component={Link}
              to={`${base}/edit`}
              variant="default"
              size="sm"
              leftSection={<IconPencil size={16} />}
              data-testid="review-edit"
            >
              {t('review.edit')}
            </Button>
          )}
          {links.versions && (
            <Button
              component={Link}
              to={`${base}/versions`}
              variant="default"
              size="sm"
              leftSection={<IconHistory size={16} />}
              data-testid="review-versions"
            >
              {t('review.versions')}
            </Button>
          )}
          {state === 'draft' && (
            <Button
              size="sm"
              color={blocked ? 'red' : 'teal'}
              variant={blocked ? 'light' : 'filled'}
              leftSection={<IconCircleCheck size={16} />}
              loading={approving}
              onClick={() => void approve()}
              data-testid="review-approve"
            >
              {t(blocked ? 'review.approveBlocked' : 'review.approve', { version: plan.version })}
            </Button>
          )}
        </Group>
      </Group>
      {blockedForm && (
        <Modal
          opened
          onClose={() => setBlockedForm(false)}
          title={t('review.approveTitle', { version: plan.version })}
          size="lg"
          data-testid="approve-blocked-dialog"
        >
          <Stack gap="sm">
            <Text size="sm">{t('delivery.bannerIntro')}</Text>
            <BlockedRules delivery={plan.delivery} />
            <OverrideForm
              kind={kind}
              planId={planId}
              version={plan.version}
              onApproved={(approved) => {
                setBlockedForm(false);
                onChanged(approved);
              }}
              onConflict={() => {
                setBlockedForm(false);
                onConflict();
              }}
            />
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
