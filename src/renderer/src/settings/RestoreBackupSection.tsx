import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-store';
import {
  ClientError,
  type BackupFileRef,
  type RestoreOutcome,
  type TransferPreview,
  type TransferProgress,
} from '../api/coach-client';
import { errorText } from '../components/error-text';
import { formatNumber } from '../format';
import { BackupFileButton } from './BackupFileButton';
import { RestoreConfirmStep, type RestoreChoice } from './RestoreConfirmStep';
import { total, TransferProgressBar } from './transfer-parts';

/*
 * Ajustes → restoring a backup (issue #18 point 2) in three steps: the file (and its passphrase if
 * it is encrypted), its preview against the database, the rule and confirmation — with a progress
 * bar fed by the transport's TransferProgress.
 */

const PASSPHRASE_CODES = new Set(['backup_passphrase_required', 'backup_wrong_passphrase']);

export function RestoreBackupSection({ onRestored }: { onRestored(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [file, setFile] = useState<BackupFileRef | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [preview, setPreview] = useState<TransferPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [result, setResult] = useState<RestoreOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset(): void {
    setFile(null);
    setPassphrase('');
    setNeedsPassphrase(false);
    setPreview(null);
    setProgress(null);
    setError(null);
  }

  async function check(chosen: BackupFileRef, secret: string): Promise<void> {
    setBusy(true);
    setError(null);
    setPreview(null);
    setProgress(null);
    try {
      setPreview(await api.previewRestore(chosen, secret || undefined, setProgress));
    } catch (failure) {
      if (failure instanceof ClientError && PASSPHRASE_CODES.has(failure.code)) setNeedsPassphrase(true);
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function chosen(next: BackupFileRef | null): Promise<void> {
    if (!next) return;
    reset();
    setResult(null);
    setFile(next);
    await check(next, '');
  }

  async function choose(): Promise<void> {
    try {
      await chosen(await api.chooseBackupFile());
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  async function restore(choice: RestoreChoice): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    let last: TransferProgress | null = null;
    try {
      const outcome = await api.restoreBackup(
        file,
        { ...choice, ...(passphrase ? { passphrase } : {}) },
        (p) => {
          last = p;
          setProgress(p);
        },
      );
      reset();
      setProgress(last);
      setResult(outcome);
      onRestored();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <Group>
        <BackupFileButton
          disabled={busy}
          onDialog={() => void choose()}
          onUpload={(picked) => void chosen(picked)}
        />
      </Group>
      {file && (
        <Text size="sm" data-testid="backup-restore-file">
          {t('settings.backups.chosenFile', { name: file.name })}
        </Text>
      )}
      {file && needsPassphrase && !preview && (
        <Group align="flex-end">
          <PasswordInput
            label={t('settings.backups.restorePassphrase')}
            description={t('settings.backups.restorePassphraseHelp')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            w={320}
            data-testid="backup-restore-passphrase"
          />
          <Button
            variant="default"
            disabled={!passphrase || busy}
            onClick={() => void check(file, passphrase)}
            data-testid="backup-restore-check"
          >
            {t('settings.backups.check')}
          </Button>
        </Group>
      )}
      {/* Kept at its last position once done: a small database restores faster than the eye follows. */}
      {(busy || result !== null) && (
        <TransferProgressBar progress={progress} testId="backup-restore-progress" />
      )}
      {preview && file && (
        <RestoreConfirmStep
          preview={preview}
          busy={busy}
          onConfirm={(choice) => void restore(choice)}
          onCancel={reset}
        />
      )}
      {result && (
        <Alert color="teal" data-testid="backup-restored">
          {t('settings.backups.restored', {
            written: formatNumber(total(result.written)),
            kept: formatNumber(total(result.kept)),
            removed: formatNumber(total(result.removed)),
          })}
          {result.migrated_from !== null
            ? ` ${t('settings.backups.migrated', { from: result.migrated_from })}`
            : ''}
          {result.safety_backup !== null && (
            <Text size="sm" mt={4} data-testid="backup-safety">
              {t('settings.backups.safetyBackup', { file: result.safety_backup })}
            </Text>
          )}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="backup-restore-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
