import { Button, FileButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-store';
import type { BackupFileRef } from '../api/coach-client';

/*
 * The button that picks the backup to restore: main's open dialog on the desktop (the renderer gets
 * a token, never a path), a file input in the browser (the file is uploaded).
 */
export function BackupFileButton({
  disabled,
  onDialog,
  onUpload,
}: {
  disabled: boolean;
  /** Desktop: open main's dialog. */
  onDialog(): void;
  /** Browser: the file picked in the page. */
  onUpload(file: BackupFileRef | null): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  if (api.capabilities.backupFiles === 'upload')
    return (
      <FileButton
        onChange={(picked) => onUpload(picked && { name: picked.name, upload: picked })}
        accept=".edn360bak,application/octet-stream"
      >
        {(props) => (
          <Button variant="default" disabled={disabled} data-testid="backup-restore" {...props}>
            {t('settings.backups.restore')}
          </Button>
        )}
      </FileButton>
    );
  return (
    <Button variant="default" disabled={disabled} onClick={onDialog} data-testid="backup-restore">
      {t('settings.backups.restore')}
    </Button>
  );
}
