import type { TFunction } from 'i18next';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanVersions } from '../api/coach-client';
import { DeliveryBadge } from '../plan/DeliveryBadge';
import { formatDateTime } from '../format';

type Summary = PlanVersions['versions'][number];

/** "App de escritorio · Marta", "Generación automática". */
function authorOf(version: Summary, t: TFunction): string {
  const via = t(`review.via.${version.author.via}`);
  return version.author.coach ? `${version.author.coach} · ${via}` : via;
}

/**
 * A plan's versions, newest first: when, who (the door and the coach's name), how it came to be
 * (generated, edited, restored, regenerated), the note, its audit/delivery state, and the markers
 * "Actual", "Aprobada", "La tiene el cliente". Older versions offer "Restaurar".
 */
export function VersionsTable({
  list,
  onRestore,
}: {
  list: PlanVersions;
  onRestore(version: number): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { review, current_version: current } = list;
  const newestFirst = [...list.versions].sort((a, b) => b.version - a.version);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="versions-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.list.version')}</Table.Th>
            <Table.Th>{t('review.list.date')}</Table.Th>
            <Table.Th>{t('review.list.who')}</Table.Th>
            <Table.Th>{t('review.list.origin')}</Table.Th>
            <Table.Th>{t('review.list.note')}</Table.Th>
            <Table.Th>{t('review.list.state')}</Table.Th>
            <Table.Th>{t('review.list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((version) => {
            const isCurrent = version.version === current;
            const clientHas = review.delivered?.version === version.version;
            const approved =
              review.approved?.version === version.version && (!isCurrent || review.state !== 'draft');
            return (
              <Table.Tr
                key={version.version}
                data-testid="version-row"
                data-version={version.version}
                data-origin={version.origin}
                data-current={isCurrent || undefined}
              >
                <Table.Td>
                  <Text fw={600}>v{version.version}</Text>
                </Table.Td>
                <Table.Td>{formatDateTime(version.created_at)}</Table.Td>
                <Table.Td>{authorOf(version, t)}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" data-testid="version-origin">
                      {t(`review.origin.${version.origin}`)}
                    </Text>
                    {version.restored_from !== undefined && (
                      <Text size="xs" c="dimmed">
                        {t('review.list.restoredFrom', { version: version.restored_from })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" data-testid="version-note" style={{ overflowWrap: 'anywhere' }}>
                    {version.note || t('review.list.noNote')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {isCurrent && (
                      <Badge variant="filled" color="dark" data-testid="version-current">
                        {t('review.list.current')}
                      </Badge>
                    )}
                    {approved && (
                      <Badge variant="light" color="teal" data-testid="version-approved">
                        {t('review.list.approved')}
                      </Badge>
                    )}
                    {clientHas && (
                      <Badge variant="light" color="blue" data-testid="version-client-has">
                        {t('review.list.clientHas')}
                      </Badge>
                    )}
                    {version.delivery.status === 'deliverable' ? (
                      <Badge variant="outline" color="gray">
                        {t('review.list.deliverable')}
                      </Badge>
                    ) : (
                      <DeliveryBadge status={version.delivery.status} />
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {!isCurrent && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconArrowBackUp size={14} />}
                      onClick={() => onRestore(version.version)}
                      aria-label={t('review.restore.label', { version: version.version })}
                      data-testid="version-restore"
                    >
                      {t('review.restore.button')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
