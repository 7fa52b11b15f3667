import { Alert, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-store';
import type { BackupStatus } from '../api/coach-client';
import { errorText } from '../components/error-text';
import { BackupStatusBlock } from './BackupStatusBlock';
import { CreateBackupSection } from './CreateBackupSection';
import { RestoreBackupSection } from './RestoreBackupSection';

/*
 * Ajustes → Copias de seguridad (issue #18 points 1 and 2): the backups' status, a backup now and a
 * restore — each its own component; this one loads the status and refreshes it after either.
 */

/** Ajustes' backups: both transports (the desktop saves and opens with system dialogs; the browser downloads and uploads). */
export function BackupPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.backupStatus().then(
      (next) => {
        setStatus(next);
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure, t)),
    );
  }, [api, t]);
  useEffect(refresh, [refresh]);
  return (
    <Stack gap="md" data-testid="backup-panel">
      <Text size="sm">{t('settings.backups.intro')}</Text>
      {status && <BackupStatusBlock status={status} />}
      {error && (
        <Alert color="red" data-testid="backup-status-error">
          {error}
        </Alert>
      )}
      <CreateBackupSection onMade={refresh} />
      <RestoreBackupSection onRestored={refresh} />
    </Stack>
  );
}
