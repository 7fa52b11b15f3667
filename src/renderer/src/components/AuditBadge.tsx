import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '@shared/plans';

const COLORS: Record<AuditStatus, string> = { aprobado: 'teal', con_warnings: 'yellow', bloqueado: 'red' };

export function AuditBadge({ status }: { status: AuditStatus | null | undefined }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="audit-status" data-status={status}>
      {t(`plan.auditStatus.${status}`)}
    </Badge>
  );
}
