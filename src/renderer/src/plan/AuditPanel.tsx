import { Badge, Group, List, Paper, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PlanAuditSchema } from '@shared/plans';
import { AuditBadge } from '../components/AuditBadge';
import { enumLabelKey } from './enum-labels';

/** Audit by code: status, every check pass/fail with its reason, warnings and recommendations. */
export function AuditPanel({ audit }: { audit: unknown }): React.JSX.Element {
  const { t } = useTranslation();
  const parsed = PlanAuditSchema.safeParse(audit);
  return (
    <Paper withBorder p="md" className="plan-section" data-testid="plan-audit">
      <Group mb="sm">
        <Title order={3} size="h4">
          {t('plan.audit')}
        </Title>
        {parsed.success && <AuditBadge status={parsed.data.status} />}
      </Group>
      {!parsed.success ? (
        <Text c="dimmed">{t('plan.unparsed')}</Text>
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.check')}</Table.Th>
                <Table.Th>{t('plan.severity')}</Table.Th>
                <Table.Th>{t('plan.result')}</Table.Th>
                <Table.Th>{t('plan.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parsed.data.checks.map((check) => (
                <Table.Tr key={check.id} data-testid="audit-check" data-passed={check.passed}>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {check.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      // Whole at any width ("Bloqueante", not "BLOQUEA…"): the column gives way instead.
                      miw="max-content"
                      data-testid="audit-severity"
                      variant="outline"
                      color={
                        check.severity === 'block' ? 'red' : check.severity === 'warn' ? 'yellow' : 'gray'
                      }
                    >
                      {t(enumLabelKey('severidad', check.severity))}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {check.passed ? (
                      <Group gap={4} c="teal">
                        <IconCheck size={16} aria-hidden />
                        {t('plan.passed')}
                      </Group>
                    ) : (
                      <Group gap={4} c="red">
                        <IconX size={16} aria-hidden />
                        {t('plan.failedCheck')}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{check.reason}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {[...(parsed.data.warnings ?? []), ...(parsed.data.recomendaciones ?? [])].length > 0 && (
            <List size="sm" mt="sm">
              {[...(parsed.data.warnings ?? []), ...(parsed.data.recomendaciones ?? [])].map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Paper>
  );
}
