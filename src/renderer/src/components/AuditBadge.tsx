import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanKind } from '@shared/plan-delivery';
import type { AuditStatus } from '@shared/plans';

const COLORS: Record<AuditStatus, string> = { aprobado: 'teal', con_warnings: 'yellow', bloqueado: 'red' };

/**
 * The audit's verdict. With `kind` it names its plan ("Entrenamiento: Aprobado"), for where the
 * verdicts of a job's two plans sit side by side.
 */
export function AuditBadge({
  status,
  kind,
}: {
  status: AuditStatus | null | undefined;
  kind?: PlanKind;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!status) return null;
  const label = t(`plan.auditStatus.${status}`);
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      data-testid="audit-status"
      data-status={status}
      data-kind={kind}
      miw="max-content"
    >
      {kind ? t('plan.badgeFor', { plan: t(`plan.${kind}`), status: label }) : label}
    </Badge>
  );
}
