import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, PlanKind } from '@shared/plan-delivery';

/**
 * "Bloqueado — no entregable" / "Aprobado por el coach"; nothing for an ordinary deliverable plan.
 * With `kind` it names its plan ("Nutrición: Bloqueado — no entregable").
 */
export function DeliveryBadge({
  status,
  kind,
}: {
  status: DeliveryStatus | undefined;
  kind?: PlanKind;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (status === undefined || status === 'deliverable') return null;
  const label = t(`delivery.badge.${status}`);
  return (
    <Badge
      // Light variants: their text colours are darkened to pass AA contrast (styles.css).
      color={status === 'blocked' ? 'red' : 'blue'}
      variant="light"
      data-testid="delivery-badge"
      data-status={status}
      data-kind={kind}
      miw="max-content"
    >
      {kind ? t('plan.badgeFor', { plan: t(`plan.${kind}`), status: label }) : label}
    </Badge>
  );
}
