import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '@shared/plan-delivery';

/** "Bloqueado — no entregable" / "Aprobado por el coach"; nothing for an ordinary deliverable plan. */
export function DeliveryBadge({ status }: { status: DeliveryStatus | undefined }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (status === undefined || status === 'deliverable') return null;
  return (
    <Badge
      // Light variants: their text colours are darkened to pass AA contrast (styles.css).
      color={status === 'blocked' ? 'red' : 'blue'}
      variant="light"
      data-testid="delivery-badge"
      data-status={status}
    >
      {t(`delivery.badge.${status}`)}
    </Badge>
  );
}
