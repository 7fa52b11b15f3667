import { Alert, Progress, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictRule, TransferPreview, TransferProgress } from '@shared/backup';
import { formatDateTime, formatNumber } from '../format';

/*
 * What Ajustes' backup and move panels share (issue #18): the bar fed by TransferProgress, the
 * preview per collection with its warnings, and the choice of conflict rule.
 */

/** `12,3 MB`: a file's size for the coach. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, 1)} ${units[unit]}`;
}

export function TransferProgressBar({
  progress,
  testId,
}: {
  progress: TransferProgress | null;
  testId: string;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  const label = t(`settings.backups.progress.${progress.operation}`, {
    done: formatNumber(progress.done),
    total: formatNumber(progress.total),
  });
  return (
    <Stack gap={4} data-testid={testId}>
      <Progress value={percent} animated={percent < 100} aria-label={label} size="lg" />
      <Text size="xs" c="dimmed" data-testid={`${testId}-label`}>
        {label}
        {progress.collection ? ` · ${progress.collection}` : ''}
      </Text>
    </Stack>
  );
}

/** The preview: per collection what is in the source and what would be added, kept or removed; then warnings. */
export function TransferPreviewTable({
  preview,
  testId,
}: {
  preview: TransferPreview;
  testId: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const c = (key: string): string => t(`settings.backups.columns.${key}`);
  return (
    <Stack gap="xs" data-testid={testId}>
      <Text size="sm">
        {t('settings.backups.madeAt', {
          at: formatDateTime(new Date(preview.manifest.created_at)),
          version: preview.manifest.app_version,
          source: preview.manifest.source.db_name,
        })}
      </Text>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{c('collection')}</Table.Th>
            <Table.Th ta="right">{c('incoming')}</Table.Th>
            <Table.Th ta="right">{c('added')}</Table.Th>
            <Table.Th ta="right">{c('identical')}</Table.Th>
            <Table.Th ta="right">{c('different')}</Table.Th>
            <Table.Th ta="right">{c('onlyInDatabase')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.collections.map((row) => (
            <Table.Tr key={row.collection} data-testid={`${testId}-row-${row.collection}`}>
              <Table.Td>{row.collection}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.incoming)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.added)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.identical)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.different)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.only_in_database)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.active_jobs_in_target > 0 && (
        <Alert color="yellow" data-testid={`${testId}-active-jobs`}>
          {t('settings.backups.warnActiveJobs', { count: preview.active_jobs_in_target })}
        </Alert>
      )}
      {preview.erasures_after_source > 0 && (
        <Alert color="orange" data-testid={`${testId}-erasures`}>
          {t('settings.backups.warnErasures', { count: preview.erasures_after_source })}
        </Alert>
      )}
      {preview.needs_migration && (
        <Alert color="blue" data-testid={`${testId}-migration`}>
          {t('settings.backups.warnMigration')}
        </Alert>
      )}
    </Stack>
  );
}

/** Documents per collection summed (a restore's or move's written / kept / removed). */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** The conflict rules a restore or a move offers, each with its one-line explanation. */
export function ConflictRuleChoice<R extends ConflictRule>({
  rules,
  value,
  label,
  onChange,
  testId,
}: {
  rules: readonly R[];
  value: R;
  label: string;
  onChange(rule: R): void;
  testId: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      value={value}
      onChange={(next) => {
        const chosen = rules.find((rule) => rule === next);
        if (chosen) onChange(chosen);
      }}
      data-testid={testId}
    >
      <Stack gap={6} mt={4}>
        {rules.map((option: ConflictRule) => (
          <Radio
            key={option}
            value={option}
            label={t(`settings.backups.rules.${option}`)}
            description={t(`settings.backups.ruleHelp.${option}`)}
            data-testid={`${testId}-${option}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
