import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRun } from '@shared/backup';
import type { BackupStatus } from '../api/coach-client';
import { formatDateTime, formatNumber } from '../format';
import { formatBytes } from './transfer-parts';

/*
 * Ajustes → Copias de seguridad: when the last backups were made, the automatic ones' folder and
 * how many of them are kept (issue #18 point 1).
 */

function RunLine({ run, testId }: { run: BackupRun | null; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid={testId}>
      {run
        ? `${t('settings.backups.runLine', {
            at: formatDateTime(run.at),
            file: run.file_name,
            documents: formatNumber(run.documents),
            size: formatBytes(run.bytes),
          })}${run.encrypted ? ` · ${t('settings.backups.encryptedTag')}` : ''}`
        : t('settings.backups.never')}
    </Text>
  );
}

export function BackupStatusBlock({ status }: { status: BackupStatus }): React.JSX.Element {
  const { t } = useTranslation();
  const { automatic } = status;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('settings.backups.last')}
      </Text>
      <RunLine run={status.last} testId="backup-last" />
      <Text size="sm" fw={500}>
        {t('settings.backups.lastAutomatic')}
      </Text>
      <RunLine run={status.last_automatic} testId="backup-last-automatic" />
      <Text size="sm" fw={500}>
        {t('settings.backups.folder')}
      </Text>
      <Code data-testid="backup-folder">{automatic.folder}</Code>
      <Text size="sm" c="dimmed" data-testid="backup-keep">
        {automatic.keep > 0
          ? t('settings.backups.keep', { count: automatic.keep })
          : t('settings.backups.off')}
        {automatic.next_due_at
          ? ` ${t('settings.backups.nextDue', { at: formatDateTime(automatic.next_due_at) })}`
          : ''}
      </Text>
    </Stack>
  );
}
